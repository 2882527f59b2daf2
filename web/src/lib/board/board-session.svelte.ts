import { createContext } from 'svelte';
import { SectionId, type EditableSectionId } from '@debrief/doc';
import { BoardSync, PRESENCE_SECTION } from '$lib/sync/board-sync.svelte.ts';
import type { ConnectionStatus } from '$lib/sync/connection-status.ts';
import type { SectionSync } from '$lib/sync/section-sync.svelte.ts';
import { keepBoardForOffline } from '$lib/sync/offline-cache.ts';
import { me } from '$lib/identity.svelte.ts';
import { BlamelessAssist } from '$lib/blameless/assist.svelte.ts';
import { knownNames } from '$lib/blameless/board-texts.ts';
import { ActionsState } from './actions.svelte.ts';
import { DiscussionState } from './discussion.svelte.ts';
import { FactorsState } from './factors.svelte.ts';
import { MeetingState } from './meta.svelte.ts';
import { OverviewState } from './overview.svelte.ts';
import { Presence } from './presence.svelte.ts';
import { RcaState } from './rca.svelte.ts';
import type { SectionContext, SectionState } from './section-state.svelte.ts';
import { TimelineState } from './timeline.svelte.ts';

/**
 * Everything live about the open board: its sockets, its section states and presence. Created by
 * the board layout when it mounts (one per board id), destroyed when it unmounts; pages reach it
 * through `getBoardSession()`.
 */
export class BoardSession {
	readonly boardId: string;
	readonly #sync: BoardSync;

	/** The section on screen; published in presence so others see where you are. */
	section: EditableSectionId = $state(SectionId.timeline);

	/** The timeline section's state. */
	readonly timeline: TimelineState;
	readonly overview: OverviewState;
	readonly rca: RcaState;
	readonly factors: FactorsState;
	readonly actions: ActionsState;
	readonly discussion: DiscussionState;
	/** Who is on the board. */
	readonly presence: Presence;
	/** The meeting: agenda, stage, timer, locks, queue (the server's `meta` document). */
	readonly meeting: MeetingState;
	/** The blameless language assistant: hints, shared dismissals, the board's on/off switch. */
	readonly blameless: BlamelessAssist;

	constructor(boardId: string) {
		this.boardId = boardId;
		const sync = new BoardSync(boardId);
		this.#sync = sync;
		keepBoardForOffline(boardId);
		// Derived from the section's current doc: after a refused write the doc is replaced, and
		// so is the wrapper around it.
		const ctx = (id: EditableSectionId): SectionContext => {
			const s = sync.section(id);
			return { doc: s.doc, awareness: s.awareness, writer: () => me.identity };
		};
		this.timeline = $derived(new TimelineState(ctx(SectionId.timeline)));
		this.overview = $derived(new OverviewState(ctx(SectionId.overview)));
		this.rca = $derived(new RcaState(ctx(SectionId.rca)));
		this.factors = $derived(new FactorsState(ctx(SectionId.factors)));
		this.actions = $derived(new ActionsState(ctx(SectionId.actions)));
		this.discussion = $derived(new DiscussionState(ctx(SectionId.discussion)));
		this.presence = $derived(new Presence(sync.section(PRESENCE_SECTION).awareness));
		this.meeting = $derived(
			new MeetingState(boardId, sync.meta.doc, () => sync.meta.status === 'synced')
		);
		this.blameless = new BlamelessAssist({
			doc: (id) => sync.section(id).doc,
			names: () => knownNames(this)
		});
	}

	#timelineSync(): SectionSync {
		return this.#sync.section(SectionId.timeline);
	}

	get status(): ConnectionStatus {
		return this.#sync.status;
	}

	/** Our edits the server has not confirmed yet (all sections). */
	get pending(): number {
		return this.#sync.pending;
	}

	/** The state of a section, for what all sections share (undo, redo). */
	state(id: EditableSectionId): SectionState {
		return this[id];
	}

	/** True once a section's local copy (IndexedDB) or the server's is loaded. */
	ready(id: EditableSectionId): boolean {
		const s = this.#sync.section(id);
		return s.localLoaded || s.status === 'synced';
	}

	/** True once the timeline's local copy (IndexedDB) is loaded: render it even while offline. */
	get timelineReady(): boolean {
		const s = this.#timelineSync();
		return s.localLoaded || s.status === 'synced';
	}

	/** Times the server refused our writes (locked section, read-only role) since the page opened. */
	get refusals(): number {
		let n = 0;
		for (const s of this.#sync.sections.values()) n += s.refusals;
		return n;
	}

	/** Bumped whenever the server reports a role change on any section's socket. */
	get roleChanges(): number {
		let n = 0;
		for (const s of this.#sync.sections.values()) n += s.roleChanges;
		return n;
	}

	/** Why the last write was refused (`read-only`, `locked`), if one was. */
	get lastRefusal(): string | null {
		for (const s of this.#sync.sections.values()) if (s.lastRefusal) return s.lastRefusal;
		return null;
	}

	/** Why the server closed a section's socket for good, if it did (first one wins). */
	get closed(): { code: number; reason: string } | null {
		for (const s of this.#sync.sections.values()) if (s.closed) return s.closed;
		return null;
	}

	destroy(): void {
		this.meeting.destroy();
		this.#sync.destroy();
	}
}

const [getBoardSession, setBoardSession] = createContext<() => BoardSession | null>();

/** Board layout: provides the session (a getter, since the session changes with the board id). */
export { setBoardSession };
/** Section pages: the open board's session, or null before it is created. */
export function useBoardSession(): () => BoardSession | null {
	return getBoardSession();
}
