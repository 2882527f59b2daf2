import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import {
	EDITABLE_SECTIONS,
	currentStage,
	isSectionLocked,
	observeMeta,
	readMeta,
	readStageTimer,
	tallyReadyCheck,
	type AgendaAction,
	type EditableSectionId,
	type MetaState,
	type SectionLock,
	type Stage,
	type TimerReading
} from '@debrief/doc';
import {
	ApiError,
	closeMeeting,
	reopenMeeting,
	runAgenda,
	runQueue,
	runReadyCheck,
	setSectionLocked,
	type QueueAction,
	type ReadyCheckAction
} from '$lib/api.ts';
import { LiveView } from './live-view.svelte.ts';

/** Samples of the server clock's offset kept; the largest is the best estimate. */
const OFFSET_SAMPLES = 8;

/**
 * The meeting, over the board's read-only `meta` document: agenda, stage, timer, locks, queue,
 * ready check. Getters are plain data; methods call the API (only the server writes meta), and
 * the change comes back to every client, this one included, through the sync.
 *
 * The timer is server time. Each live meta change carries the server's `updatedAt`, and arrives
 * some latency after it, so `updatedAt - Date.now()` underestimates the offset by that latency:
 * the largest recent sample is the closest.
 */
export class MeetingState {
	readonly #boardId: string;
	readonly #view: LiveView<MetaState>;
	readonly #ticking: () => void;
	readonly #stopObserving: () => void;
	#samples: number[] = [];
	#offset = $state(0);
	#now = $state(Date.now());

	/** The last refusal of one of our calls, for a quiet message near the controls. */
	error: string | null = $state(null);
	/** True while one of our calls is on its way. */
	busy = $state(false);
	/** Calls refused for our role (403): it changed while we were away, so the board reloads. */
	roleRefusals = $state(0);

	constructor(boardId: string, doc: Y.Doc, isLive: () => boolean) {
		this.#boardId = boardId;
		this.#view = new LiveView(
			(onChange) => observeMeta(doc, onChange),
			() => readMeta(doc)
		);
		// Sampled on every change while synced, whether or not anything renders the timer.
		this.#stopObserving = observeMeta(doc, () => {
			if (isLive()) this.#sample(readMeta(doc).updatedAt);
		});
		this.#ticking = createSubscriber((update) => {
			const timer = setInterval(() => {
				this.#now = Date.now();
				update();
			}, 250);
			return () => clearInterval(timer);
		});
	}

	/** The board this meeting belongs to. */
	get boardId(): string {
		return this.#boardId;
	}

	#sample(updatedAt: number): void {
		if (updatedAt <= 0) return;
		this.#samples = [...this.#samples, updatedAt - Date.now()].slice(-OFFSET_SAMPLES);
		this.#offset = Math.max(...this.#samples);
	}

	/** Everything meta holds, as plain data. */
	get state(): MetaState {
		return this.#view.value;
	}
	get status(): MetaState['status'] {
		return this.state.status;
	}
	get stages(): Stage[] {
		return this.state.stages;
	}
	/** The stage in progress, or null. */
	get stage(): Stage | null {
		return currentStage(this.state);
	}
	/** Position of the stage in progress (0-based), or -1. */
	get stageIndex(): number {
		const id = this.state.current;
		return id === null ? -1 : this.stages.findIndex((s) => s.id === id);
	}
	/** The server's clock, ticking while something reads it. */
	get serverNow(): number {
		this.#ticking();
		return this.#now + this.#offset;
	}
	/** The current stage's timer, read now; null when no stage is in progress. */
	get timer(): TimerReading | null {
		const { timer } = this.state;
		const stage = this.stage;
		if (!timer || !stage) return null;
		return readStageTimer(timer, stage.minutes, this.serverNow);
	}
	/** Who locked a section and when, or null when it is open. */
	lockOf(section: EditableSectionId): SectionLock | null {
		return this.state.locks[section] ?? null;
	}
	/** Whether the server refuses writes to `section` (locked, or the meeting closed). */
	isLocked(section: EditableSectionId): boolean {
		return isSectionLocked(this.state, section);
	}
	/** The sections that refuse writes now. */
	get lockedSections(): ReadonlySet<EditableSectionId> {
		// A fresh value per read, never mutated: nothing reactive inside it.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return new Set(EDITABLE_SECTIONS.filter((s) => this.isLocked(s)));
	}
	/** 1-based place of `userId` in the speaking queue, or 0. */
	placeInQueue(userId: string | null): number {
		if (!userId) return 0;
		return this.state.queue.findIndex((h) => h.userId === userId) + 1;
	}
	/** Answers to the open ready check. */
	get readyTally(): { ready: number; notYet: number } {
		return tallyReadyCheck(this.state);
	}

	/** Runs one agenda action. */
	agenda(action: AgendaAction): Promise<boolean> {
		return this.#call(() => runAgenda(this.#boardId, action));
	}
	setLocked(section: EditableSectionId, locked: boolean): Promise<boolean> {
		return this.#call(() => setSectionLocked(this.#boardId, section, locked));
	}
	close(): Promise<boolean> {
		return this.#call(() => closeMeeting(this.#boardId));
	}
	reopen(): Promise<boolean> {
		return this.#call(() => reopenMeeting(this.#boardId));
	}
	queue(action: QueueAction): Promise<boolean> {
		return this.#call(() => runQueue(this.#boardId, action));
	}
	readyCheck(action: ReadyCheckAction): Promise<boolean> {
		return this.#call(() => runReadyCheck(this.#boardId, action));
	}

	async #call(run: () => Promise<unknown>): Promise<boolean> {
		this.busy = true;
		this.error = null;
		try {
			await run();
			return true;
		} catch (e) {
			this.error = e instanceof Error ? e.message : 'That did not work. Try again.';
			if (e instanceof ApiError && e.status === 403) this.roleRefusals++;
			return false;
		} finally {
			this.busy = false;
		}
	}

	destroy(): void {
		this.#stopObserving();
	}
}
