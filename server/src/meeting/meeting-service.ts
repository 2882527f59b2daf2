import {
	SectionId,
	diffLocks,
	isSectionLocked,
	readMeta,
	writeMeta,
	type MeetingContext,
	type MeetingResult,
	type MetaState,
	type Person
} from '@debrief/doc';
import type { Db } from '@debrief/db';
import type { DocKey } from '@debrief/sync';
import type { Logger } from '../log.ts';
import type { RoomManager } from '../rooms/room-manager.ts';
import { recordMeetingChange } from '../store/audit.ts';

/** One change to a board's meeting: a pure transition and how the audit log names it. */
export interface MeetingChange {
	/** Audit action, a dotted verb: `agenda.next`, `lock`, `close`, `queue.next`, ... */
	action: string;
	/** What the caller asked for, recorded with the entry. */
	detail?: Record<string, unknown>;
	/** False for a person's own hand or answer: the room's chatter, not a facilitator's act. */
	audit?: boolean;
	apply(state: MetaState, ctx: MeetingContext): MeetingResult;
}

export interface MeetingServiceOptions {
	rooms: RoomManager;
	db: Db;
	log: Logger;
	/** Server clock in epoch ms (tests may pin it). */
	now?: () => number;
	/**
	 * Runs in the board's turn right after a change closed the meeting (every section locked,
	 * meta stored): the snapshot is taken here, so no reopen can slip in before it.
	 */
	afterClose?(boardId: string, state: MetaState, actor: Person): Promise<unknown>;
}

const metaKey = (boardId: string): DocKey => ({ boardId, section: SectionId.meta });

/**
 * Applies meeting changes (agenda, locks, queue, close) to a board's `meta` document and makes
 * the server enforce them.
 *
 * Per board, changes take turns: each reads meta, runs its pure transition, records it (audit
 * log and board status in one transaction), then, in one synchronous step, writes meta through
 * the room (broadcast to every client in one message) and sets the lock of every section room
 * in memory. So when the HTTP answer leaves, the lock is already in force for the very next
 * message; rooms loaded later read meta before they process anything (RoomManager).
 * Recording first means nothing takes effect without its audit entry.
 */
export class MeetingService {
	#options: MeetingServiceOptions;
	#turns = new Map<string, Promise<unknown>>();

	constructor(options: MeetingServiceOptions) {
		this.#options = options;
	}

	/** The board's meeting as it stands. */
	async read(boardId: string): Promise<MetaState> {
		const room = this.#options.rooms.room(metaKey(boardId));
		await room.ready;
		return readMeta(room.doc);
	}

	/** Applies `change` as `actor`; the result says what meta holds now, or why not. */
	change(boardId: string, actor: Person, change: MeetingChange): Promise<MeetingResult> {
		return this.#inTurn(boardId, () => this.#apply(boardId, actor, change));
	}

	async #apply(boardId: string, actor: Person, change: MeetingChange): Promise<MeetingResult> {
		const { rooms, db, log } = this.#options;
		const key = metaKey(boardId);
		const before = await this.read(boardId);
		const now = this.#options.now?.() ?? Date.now();
		const result = change.apply(before, { actor, now });
		// Refused, or nothing to change (a second click): nothing written, nothing recorded.
		if (!result.ok || result.state === before) return result;
		const next: MetaState = { ...result.state, updatedAt: now };

		if (change.audit !== false) {
			const board =
				before.status !== next.status || before.revision !== next.revision
					? { status: next.status, revision: next.revision }
					: undefined;
			await recordMeetingChange(
				db,
				{
					boardId,
					actorId: actor.userId,
					action: change.action,
					detail: describe(change, before, next)
				},
				board
			);
		}
		// The meta room may have been unloaded while we wrote the record; it reloads stored.
		const room = rooms.room(key);
		await room.ready;
		room.applyServerChange((doc) => writeMeta(doc, next));
		for (const section of rooms.roomsOf(boardId)) {
			if (section.section !== SectionId.meta) {
				section.setLocked(isSectionLocked(next, section.section));
			}
		}
		log.info('meeting changed', { board: boardId, by: actor.userId, action: change.action });
		// Stored before the answer: a lock the caller was told about survives a crash.
		await rooms.flush(key);
		if (before.status !== 'closed' && next.status === 'closed') {
			await this.#options.afterClose?.(boardId, next, actor);
		}
		return { ok: true, state: next };
	}

	/** Runs `fn` after every earlier change of the same board has finished. */
	#inTurn<T>(boardId: string, fn: () => Promise<T>): Promise<T> {
		const previous = this.#turns.get(boardId) ?? Promise.resolve();
		const run = previous.then(fn);
		const tail = run.catch(() => undefined);
		this.#turns.set(boardId, tail);
		void tail.then(() => {
			if (this.#turns.get(boardId) === tail) this.#turns.delete(boardId);
		});
		return run;
	}
}

/** The audit detail: what was asked, plus the stage move and the locks it caused. */
function describe(
	change: MeetingChange,
	before: MetaState,
	after: MetaState
): Record<string, unknown> {
	const detail: Record<string, unknown> = { ...change.detail };
	if (before.current !== after.current) {
		detail.from = before.current;
		detail.to = after.current;
	}
	const { locked, unlocked } = diffLocks(before, after);
	if (locked.length > 0) detail.locked = locked;
	if (unlocked.length > 0) detail.unlocked = unlocked;
	if (before.status !== after.status) detail.status = after.status;
	return detail;
}
