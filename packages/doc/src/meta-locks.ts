import {
	MeetingRefusal,
	MeetingStatus,
	type MeetingContext,
	type MeetingResult,
	type MetaState
} from './meta.ts';
import { EDITABLE_SECTIONS, type EditableSectionId } from './sections.ts';

/**
 * Locks, close and reopen as functions of plain data. The server turns the resulting state into
 * `Room.setLocked` on each section's room (`isSectionLocked`), so what meta says is what the
 * server enforces.
 */

const at = (ctx: MeetingContext) => new Date(ctx.now).toISOString();

/**
 * Locks or unlocks one section by hand. Locking a locked section keeps who locked it first.
 * A closed meeting stays frozen: unlocking it takes a reopen.
 */
export function setSectionLock(
	state: MetaState,
	section: EditableSectionId,
	locked: boolean,
	ctx: MeetingContext
): MeetingResult {
	if (state.status === MeetingStatus.closed) {
		return locked ? { ok: true, state } : { ok: false, reason: MeetingRefusal.closed };
	}
	const has = state.locks[section] !== undefined;
	if (has === locked) return { ok: true, state };
	const locks = { ...state.locks };
	if (locked) locks[section] = { by: ctx.actor, at: at(ctx) };
	else delete locks[section];
	return { ok: true, state: { ...state, locks } };
}

/**
 * Closes the meeting as `revision`: every section locked (existing locks keep their author),
 * no stage in progress, queue and ready check cleared. The snapshot is stored by the caller.
 */
export function closeMeeting(
	state: MetaState,
	revision: number,
	ctx: MeetingContext
): MeetingResult {
	if (state.status === MeetingStatus.closed) {
		return { ok: false, reason: MeetingRefusal.alreadyClosed };
	}
	const locks = { ...state.locks };
	for (const section of EDITABLE_SECTIONS) locks[section] ??= { by: ctx.actor, at: at(ctx) };
	return {
		ok: true,
		state: {
			...state,
			status: MeetingStatus.closed,
			revision,
			current: null,
			timer: null,
			locks,
			queue: [],
			speaking: null,
			readyCheck: null,
			lead: ctx.actor
		}
	};
}

/**
 * Reopens a closed meeting: live again, every section unlocked (the facilitator locks again what
 * should stay frozen), no stage in progress until they pick one.
 */
export function reopenMeeting(state: MetaState, ctx: MeetingContext): MeetingResult {
	if (state.status !== MeetingStatus.closed) return { ok: false, reason: MeetingRefusal.notClosed };
	return {
		ok: true,
		state: {
			...state,
			status: MeetingStatus.live,
			current: null,
			timer: null,
			locks: {},
			lead: ctx.actor
		}
	};
}

/** Sections whose lock state differs between two states (for the audit log). */
export function diffLocks(
	before: MetaState,
	after: MetaState
): { locked: EditableSectionId[]; unlocked: EditableSectionId[] } {
	const locked: EditableSectionId[] = [];
	const unlocked: EditableSectionId[] = [];
	for (const section of EDITABLE_SECTIONS) {
		const was = before.locks[section] !== undefined;
		const is = after.locks[section] !== undefined;
		if (!was && is) locked.push(section);
		if (was && !is) unlocked.push(section);
	}
	return { locked, unlocked };
}
