import { EDITABLE_SECTIONS, SectionId, type EditableSectionId } from '@debrief/doc';
import { weakestStatus, type ConnectionStatus } from './connection-status.ts';
import { SectionSync } from './section-sync.svelte.ts';

/**
 * Sections the board opens. Every section has its editor now, and all of them connect at once:
 * the parking lot is written from any section, the overview reads the timeline's impact times,
 * and switching sections must not wait for a socket.
 */
export const LIVE_SECTIONS: readonly EditableSectionId[] = EDITABLE_SECTIONS;

/**
 * Which section's awareness carries board-wide presence. One channel, not one per section, so a
 * person appears once however many sections are open; `section` in their state says where they are.
 * When `meta` is served to clients this moves there, the one document every client always reads.
 */
export const PRESENCE_SECTION: EditableSectionId = SectionId.timeline;

/** Every live section of one board, opened together and closed together. */
export class BoardSync {
	readonly boardId: string;
	readonly sections: ReadonlyMap<EditableSectionId, SectionSync>;
	/** The board's `meta` document (agenda, timer, locks, queue): only the server writes it. */
	readonly meta: SectionSync;

	constructor(boardId: string) {
		this.boardId = boardId;
		this.meta = new SectionSync(boardId, SectionId.meta);
		// Filled once here and never changed: a plain Map is enough.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.sections = new Map(LIVE_SECTIONS.map((s) => [s, new SectionSync(boardId, s)]));
	}

	/** The board's connection as one word: the weakest of its sections. */
	get status(): ConnectionStatus {
		return weakestStatus([...this.sections.values(), this.meta].map((s) => s.status));
	}

	/** Our edits the server has not confirmed yet, over all sections. */
	get pending(): number {
		let n = 0;
		for (const s of this.sections.values()) n += s.pending.count;
		return n;
	}

	/** The sync of a live section; throws for a section that is not live (a programming error). */
	section(id: EditableSectionId): SectionSync {
		const s = this.sections.get(id);
		if (!s) throw new Error(`section ${id} is not live yet`);
		return s;
	}

	destroy(): void {
		for (const s of this.sections.values()) s.destroy();
		this.meta.destroy();
	}
}
