import { describe, expect, it } from 'vitest';
import { applyAgendaAction, type AgendaAction } from './agenda-transitions.ts';
import { readStageTimer } from './agenda-timer.ts';
import { MeetingRefusal, initialMeta, type MeetingResult, type MetaState } from './meta.ts';

const MIN = 60_000;
const T0 = 1_800_000_000_000;
const ada = { userId: 'u1', name: 'Ada' };
const bo = { userId: 'u2', name: 'Bo' };

/** Applies actions in order, one minute apart, failing the test on a refusal. */
function run(state: MetaState, ...actions: AgendaAction[]): MetaState {
	let s = state;
	actions.forEach((action, i) => {
		const r = applyAgendaAction(s, action, { actor: ada, now: T0 + i * MIN });
		if (!r.ok) throw new Error(`${action.action} refused: ${r.reason}`);
		s = r.state;
	});
	return s;
}

const act = (state: MetaState, action: AgendaAction, now = T0, actor = ada): MeetingResult =>
	applyAgendaAction(state, action, { actor, now });

const live = () => run(initialMeta(), { action: 'start' });

describe('agenda transitions', () => {
	it('starts at the first stage with a running timer, and the meeting goes live', () => {
		const s = live();
		expect(s.status).toBe('live');
		expect(s.current).toBe('opening');
		expect(s.timer).toEqual({ startedAt: T0, pausedAt: null, pausedMs: 0, extendedMs: 0 });
		expect(s.lead).toEqual(ada);
	});

	it('refuses to start twice, and refuses moves before the start', () => {
		expect(act(live(), { action: 'start' })).toEqual({
			ok: false,
			reason: MeetingRefusal.alreadyStarted
		});
		for (const action of [
			{ action: 'next' },
			{ action: 'previous' },
			{ action: 'pause' },
			{ action: 'goto', stageId: 'rca' }
		] as const) {
			expect(act(initialMeta(), action)).toEqual({ ok: false, reason: MeetingRefusal.notStarted });
		}
	});

	it('locks the finished section on advance, with who and when', () => {
		const s = run(initialMeta(), { action: 'start' }, { action: 'next' }, { action: 'next' });
		expect(s.current).toBe('rca');
		expect(s.locks.timeline).toEqual({ by: ada, at: new Date(T0 + 2 * MIN).toISOString() });
		expect(s.locks.rca).toBeUndefined();
	});

	it('leaves a section open when a later stage still works on it (opening and close share the overview)', () => {
		const s = run(initialMeta(), { action: 'start' }, { action: 'next' });
		expect(s.current).toBe('timeline');
		expect(s.locks.overview).toBeUndefined();
	});

	it('does not lock on advance when the setting is off', () => {
		const s = run(
			initialMeta(),
			{ action: 'settings', lockOnAdvance: false },
			{ action: 'start' },
			{ action: 'goto', stageId: 'rca' },
			{ action: 'next' }
		);
		expect(s.locks).toEqual({});
	});

	it('never locks or unlocks when going back', () => {
		const s = run(live(), { action: 'next' }, { action: 'next' }, { action: 'previous' });
		expect(s.current).toBe('timeline');
		expect(Object.keys(s.locks)).toEqual(['timeline']);
	});

	it('locks only the section just finished when jumping ahead', () => {
		const s = run(live(), { action: 'next' }, { action: 'goto', stageId: 'actions' });
		expect(Object.keys(s.locks)).toEqual(['timeline']);
	});

	it('refuses next after the last stage and previous before the first', () => {
		const last = run(live(), { action: 'goto', stageId: 'close' });
		expect(act(last, { action: 'next' })).toMatchObject({ reason: MeetingRefusal.noNextStage });
		expect(act(live(), { action: 'previous' })).toMatchObject({
			reason: MeetingRefusal.noPreviousStage
		});
		expect(act(live(), { action: 'goto', stageId: 'nope' })).toMatchObject({
			reason: MeetingRefusal.unknownStage
		});
	});

	it('restarts the timer on every move and clears an open ready check', () => {
		const s = run(live(), { action: 'extend', minutes: 5 });
		const moved = act(
			{ ...s, readyCheck: { id: 'r', by: ada, startedAt: 'x', answers: {} } },
			{
				action: 'next'
			},
			T0 + 7 * MIN
		);
		if (!moved.ok) throw new Error(moved.reason);
		expect(moved.state.timer).toEqual({
			startedAt: T0 + 7 * MIN,
			pausedAt: null,
			pausedMs: 0,
			extendedMs: 0
		});
		expect(moved.state.readyCheck).toBeNull();
	});

	it('pauses, resumes and extends the stage timer', () => {
		const s = run(
			live(),
			{ action: 'pause' }, // at +1
			{ action: 'resume' }, // at +2
			{ action: 'extend', minutes: 3 }
		);
		const reading = readStageTimer(s.timer!, 5, T0 + 4 * MIN);
		expect(reading.elapsedMs).toBe(3 * MIN);
		expect(reading.remainingMs).toBe(5 * MIN);
	});

	it('treats a second pause or resume as no change', () => {
		const paused = run(live(), { action: 'pause' });
		const again = act(paused, { action: 'pause' });
		expect(again.ok && again.state).toBe(paused);
	});

	it('refuses extensions outside 1 to 60 minutes', () => {
		for (const minutes of [0, -5, 61, 1.5]) {
			expect(act(live(), { action: 'extend', minutes })).toMatchObject({
				reason: MeetingRefusal.invalidMinutes
			});
		}
	});

	it('lets the facilitator edit the agenda during the meeting but not remove the stage in progress', () => {
		const s = live();
		const renamed = act(s, {
			action: 'edit',
			stages: [
				{ id: 'opening', title: 'Welcome', section: 'overview', minutes: 3 },
				{ title: 'Customer comms', section: null, minutes: 5 }
			]
		});
		expect(renamed.ok && renamed.state.stages.map((x) => x.title)).toEqual([
			'Welcome',
			'Customer comms'
		]);
		const removed = act(s, {
			action: 'edit',
			stages: [{ id: 'timeline', title: 'Timeline', section: 'timeline', minutes: 5 }]
		});
		expect(removed).toEqual({ ok: false, reason: MeetingRefusal.currentStageRemoved });
	});

	it('switches templates only before the start', () => {
		const short = act(initialMeta(), { action: 'template', template: 'short' });
		expect(short.ok && short.state.stages).toHaveLength(6);
		expect(act(live(), { action: 'template', template: 'short' })).toMatchObject({
			reason: MeetingRefusal.alreadyStarted
		});
		expect(act(initialMeta(), { action: 'template', template: 'long' })).toMatchObject({
			reason: MeetingRefusal.unknownTemplate
		});
	});

	it('refuses every move of a closed meeting', () => {
		const closed = { ...live(), status: 'closed' as const };
		for (const action of [
			{ action: 'start' },
			{ action: 'next' },
			{ action: 'extend', minutes: 1 },
			{ action: 'edit', stages: [] }
		] as const) {
			expect(act(closed, action)).toEqual({ ok: false, reason: MeetingRefusal.closed });
		}
	});

	it('follows whoever moved the agenda last', () => {
		const s = run(live(), { action: 'next' });
		const r = act(s, { action: 'next' }, T0, bo);
		expect(r.ok && r.state.lead).toEqual(bo);
	});

	it('starts from the first stage on next after a reopen left no stage in progress', () => {
		const reopened = { ...live(), current: null, timer: null };
		const r = act(reopened, { action: 'next' });
		expect(r.ok && r.state.current).toBe('opening');
	});
});
