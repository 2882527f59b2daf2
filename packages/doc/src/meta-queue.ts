import {
	MeetingRefusal,
	MeetingStatus,
	type MeetingContext,
	type MeetingResult,
	type MetaState,
	type Person
} from './meta.ts';

/**
 * The speaking queue and the ready check, as functions of plain data. They live in meta (not in
 * awareness) so the queue survives a reload and a reconnect, and the order is the server's.
 */

/** Longest queue: past it, hands wait for the next call. */
export const MAX_QUEUE = 100;

const person = (p: Person): Person => ({ userId: p.userId, name: p.name });

/** Raises `ctx.actor`'s hand at the end of the queue (already raised: unchanged). */
export function raiseHand(state: MetaState, ctx: MeetingContext): MeetingResult {
	if (state.status === MeetingStatus.closed) return { ok: false, reason: MeetingRefusal.closed };
	if (state.queue.some((h) => h.userId === ctx.actor.userId)) return { ok: true, state };
	if (state.queue.length >= MAX_QUEUE) return { ok: true, state };
	const hand = { ...person(ctx.actor), at: new Date(ctx.now).toISOString() };
	return { ok: true, state: { ...state, queue: [...state.queue, hand] } };
}

/** Lowers `userId`'s hand (not raised: unchanged). */
export function lowerHand(state: MetaState, userId: string): MeetingResult {
	if (!state.queue.some((h) => h.userId === userId)) return { ok: true, state };
	return { ok: true, state: { ...state, queue: state.queue.filter((h) => h.userId !== userId) } };
}

/** Calls the first hand: they are now speaking and leave the queue. */
export function callNext(state: MetaState): MeetingResult {
	const [first, ...rest] = state.queue;
	if (!first) return { ok: false, reason: MeetingRefusal.queueEmpty };
	return { ok: true, state: { ...state, queue: rest, speaking: first } };
}

/** Empties the queue and forgets who was speaking. */
export function clearQueue(state: MetaState): MeetingResult {
	if (state.queue.length === 0 && state.speaking === null) return { ok: true, state };
	return { ok: true, state: { ...state, queue: [], speaking: null } };
}

/** Asks the room "ready to move on?"; a new check replaces an open one. */
export function startReadyCheck(state: MetaState, id: string, ctx: MeetingContext): MeetingResult {
	if (state.status !== MeetingStatus.live) {
		return {
			ok: false,
			reason:
				state.status === MeetingStatus.closed ? MeetingRefusal.closed : MeetingRefusal.notStarted
		};
	}
	const readyCheck = {
		id,
		by: person(ctx.actor),
		startedAt: new Date(ctx.now).toISOString(),
		answers: {}
	};
	return { ok: true, state: { ...state, readyCheck } };
}

/** Records `ctx.actor`'s answer to the open ready check; they may change it. */
export function answerReadyCheck(
	state: MetaState,
	ready: boolean,
	ctx: MeetingContext
): MeetingResult {
	const check = state.readyCheck;
	if (!check) return { ok: false, reason: MeetingRefusal.noReadyCheck };
	const previous = check.answers[ctx.actor.userId];
	if (previous?.ready === ready && previous.name === ctx.actor.name) return { ok: true, state };
	const answers = { ...check.answers, [ctx.actor.userId]: { name: ctx.actor.name, ready } };
	return { ok: true, state: { ...state, readyCheck: { ...check, answers } } };
}

/** Ends the ready check (none open: unchanged). */
export function endReadyCheck(state: MetaState): MeetingResult {
	return { ok: true, state: state.readyCheck ? { ...state, readyCheck: null } : state };
}

/** Counts of a ready check's answers. */
export function tallyReadyCheck(state: MetaState): { ready: number; notYet: number } {
	let ready = 0;
	let notYet = 0;
	for (const answer of Object.values(state.readyCheck?.answers ?? {})) {
		if (answer.ready) ready += 1;
		else notYet += 1;
	}
	return { ready, notYet };
}
