import {
	isAgendaTemplateId,
	normaliseStages,
	templateStages,
	type AgendaTemplateId,
	type StageInput
} from './agenda.ts';
import { extendTimer, pauseTimer, resumeTimer, startTimer } from './agenda-timer.ts';
import {
	MeetingRefusal,
	MeetingStatus,
	type MeetingContext,
	type MeetingResult,
	type MetaState
} from './meta.ts';

/**
 * The facilitator's agenda moves as functions of plain data: each takes the meta state and a
 * context (who, when) and returns the next state or a refusal. The server applies the result to
 * the meta document; nothing here does I/O.
 */

/** Every agenda action the API takes (`POST /api/boards/:id/agenda`). */
export type AgendaAction =
	| { action: 'start' }
	| { action: 'next' }
	| { action: 'previous' }
	| { action: 'goto'; stageId: string }
	| { action: 'pause' }
	| { action: 'resume' }
	| { action: 'extend'; minutes: number }
	| { action: 'edit'; stages: readonly StageInput[] }
	| { action: 'template'; template: string }
	| { action: 'settings'; lockOnAdvance: boolean };

/** Most minutes one "extend" adds. */
export const MAX_EXTEND_MINUTES = 60;

const ok = (state: MetaState): MeetingResult => ({ ok: true, state });
const refuse = (reason: MeetingRefusal): MeetingResult => ({ ok: false, reason });

const indexOfCurrent = (state: MetaState): number =>
	state.current === null ? -1 : state.stages.findIndex((s) => s.id === state.current);

/** Refuses moves of a meeting that is not running. */
function requireLive(state: MetaState): MeetingRefusal | null {
	if (state.status === MeetingStatus.closed) return MeetingRefusal.closed;
	if (state.status === MeetingStatus.draft) return MeetingRefusal.notStarted;
	return null;
}

/**
 * Moves to stage `to`. Moving forward locks the section of the stage just finished when
 * `lockOnAdvance` is on and no stage from `to` on works on it (opening and close share the
 * overview, so leaving the opening leaves it open). Going back never unlocks: that is a
 * deliberate, recorded act of its own.
 */
function moveTo(state: MetaState, to: number, ctx: MeetingContext): MeetingResult {
	const target = state.stages[to];
	if (!target) return refuse(MeetingRefusal.unknownStage);
	const from = indexOfCurrent(state);
	const locks = { ...state.locks };
	const finished = from >= 0 ? state.stages[from]?.section : null;
	if (
		state.settings.lockOnAdvance &&
		finished &&
		to > from &&
		!locks[finished] &&
		!state.stages.slice(to).some((s) => s.section === finished)
	) {
		locks[finished] = { by: ctx.actor, at: new Date(ctx.now).toISOString() };
	}
	return ok({
		...state,
		current: target.id,
		timer: startTimer(ctx.now),
		locks,
		readyCheck: null,
		lead: ctx.actor
	});
}

/** Starts the meeting at its first stage: draft becomes live. */
export function startMeeting(state: MetaState, ctx: MeetingContext): MeetingResult {
	if (state.status === MeetingStatus.closed) return refuse(MeetingRefusal.closed);
	if (state.status === MeetingStatus.live) return refuse(MeetingRefusal.alreadyStarted);
	if (state.stages.length === 0) return refuse(MeetingRefusal.emptyAgenda);
	const moved = moveTo({ ...state, current: null }, 0, ctx);
	return moved.ok ? ok({ ...moved.state, status: MeetingStatus.live }) : moved;
}

/** The next stage (the first one when none is in progress, as after a reopen). */
export function nextStage(state: MetaState, ctx: MeetingContext): MeetingResult {
	const refusal = requireLive(state);
	if (refusal) return refuse(refusal);
	const to = indexOfCurrent(state) + 1;
	if (to >= state.stages.length) return refuse(MeetingRefusal.noNextStage);
	return moveTo(state, to, ctx);
}

/** The stage before the current one; its timer starts afresh. */
export function previousStage(state: MetaState, ctx: MeetingContext): MeetingResult {
	const refusal = requireLive(state);
	if (refusal) return refuse(refusal);
	const from = indexOfCurrent(state);
	if (from <= 0) return refuse(MeetingRefusal.noPreviousStage);
	return moveTo(state, from - 1, ctx);
}

/** Any stage by id; the current one is left as it is. */
export function gotoStage(state: MetaState, stageId: string, ctx: MeetingContext): MeetingResult {
	const refusal = requireLive(state);
	if (refusal) return refuse(refusal);
	const to = state.stages.findIndex((s) => s.id === stageId);
	if (to < 0) return refuse(MeetingRefusal.unknownStage);
	if (state.stages[to]?.id === state.current) return ok(state);
	return moveTo(state, to, ctx);
}

/** Pauses the stage timer (already paused: unchanged). */
export function pauseStage(state: MetaState, ctx: MeetingContext): MeetingResult {
	const refusal = requireLive(state);
	if (refusal) return refuse(refusal);
	if (!state.timer) return refuse(MeetingRefusal.noTimer);
	if (state.timer.pausedAt !== null) return ok(state);
	return ok({ ...state, timer: pauseTimer(state.timer, ctx.now), lead: ctx.actor });
}

/** Resumes the stage timer (running: unchanged). */
export function resumeStage(state: MetaState, ctx: MeetingContext): MeetingResult {
	const refusal = requireLive(state);
	if (refusal) return refuse(refusal);
	if (!state.timer) return refuse(MeetingRefusal.noTimer);
	if (state.timer.pausedAt === null) return ok(state);
	return ok({ ...state, timer: resumeTimer(state.timer, ctx.now), lead: ctx.actor });
}

/** Adds 1 to 60 minutes to the current stage's box. */
export function extendStage(state: MetaState, minutes: number, ctx: MeetingContext): MeetingResult {
	const refusal = requireLive(state);
	if (refusal) return refuse(refusal);
	if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_EXTEND_MINUTES) {
		return refuse(MeetingRefusal.invalidMinutes);
	}
	if (!state.timer) return refuse(MeetingRefusal.noTimer);
	return ok({ ...state, timer: extendTimer(state.timer, minutes), lead: ctx.actor });
}

/**
 * Replaces the stages (rename, reorder, add, remove, timeboxes), before or during the meeting.
 * The stage in progress must stay: removing it would leave the room nowhere.
 */
export function editStages(state: MetaState, inputs: readonly StageInput[]): MeetingResult {
	if (state.status === MeetingStatus.closed) return refuse(MeetingRefusal.closed);
	const result = normaliseStages(inputs, state.stages);
	if (!result.ok) return refuse(result.reason);
	if (state.current !== null && !result.stages.some((s) => s.id === state.current)) {
		return refuse(MeetingRefusal.currentStageRemoved);
	}
	return ok({ ...state, stages: result.stages });
}

/** Replaces the stages with a template's; only before the meeting starts. */
export function applyTemplate(state: MetaState, template: AgendaTemplateId): MeetingResult {
	if (state.status === MeetingStatus.closed) return refuse(MeetingRefusal.closed);
	if (state.status === MeetingStatus.live) return refuse(MeetingRefusal.alreadyStarted);
	return ok({ ...state, stages: templateStages(template) });
}

/** Turns "advancing locks the finished section" on or off. */
export function setLockOnAdvance(state: MetaState, lockOnAdvance: boolean): MeetingResult {
	if (state.settings.lockOnAdvance === lockOnAdvance) return ok(state);
	return ok({ ...state, settings: { ...state.settings, lockOnAdvance } });
}

/** Applies one API agenda action. */
export function applyAgendaAction(
	state: MetaState,
	action: AgendaAction,
	ctx: MeetingContext
): MeetingResult {
	switch (action.action) {
		case 'start':
			return startMeeting(state, ctx);
		case 'next':
			return nextStage(state, ctx);
		case 'previous':
			return previousStage(state, ctx);
		case 'goto':
			return gotoStage(state, action.stageId, ctx);
		case 'pause':
			return pauseStage(state, ctx);
		case 'resume':
			return resumeStage(state, ctx);
		case 'extend':
			return extendStage(state, action.minutes, ctx);
		case 'edit':
			return editStages(state, action.stages);
		case 'template':
			return isAgendaTemplateId(action.template)
				? applyTemplate(state, action.template)
				: refuse(MeetingRefusal.unknownTemplate);
		case 'settings':
			return setLockOnAdvance(state, action.lockOnAdvance);
	}
}
