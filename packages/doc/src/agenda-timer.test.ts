import { describe, expect, it } from 'vitest';
import {
	extendTimer,
	formatCountdown,
	pauseTimer,
	readStageTimer,
	resumeTimer,
	startTimer
} from './agenda-timer.ts';

const MIN = 60_000;
const T0 = 1_800_000_000_000;

describe('stage timer', () => {
	it('counts down from the timebox while running', () => {
		const timer = startTimer(T0);
		const r = readStageTimer(timer, 10, T0 + 4 * MIN);
		expect(r).toMatchObject({ boxMs: 10 * MIN, elapsedMs: 4 * MIN, remainingMs: 6 * MIN });
		expect(r.overtime).toBe(false);
		expect(r.paused).toBe(false);
	});

	it('stands still while paused and leaves the pause out after resuming', () => {
		const paused = pauseTimer(startTimer(T0), T0 + 2 * MIN);
		expect(readStageTimer(paused, 10, T0 + 9 * MIN).remainingMs).toBe(8 * MIN);
		const resumed = resumeTimer(paused, T0 + 5 * MIN);
		expect(resumed.pausedMs).toBe(3 * MIN);
		expect(readStageTimer(resumed, 10, T0 + 6 * MIN).elapsedMs).toBe(3 * MIN);
	});

	it('keeps the first pause when paused twice, and ignores resume while running', () => {
		const once = pauseTimer(startTimer(T0), T0 + MIN);
		expect(pauseTimer(once, T0 + 2 * MIN)).toBe(once);
		const running = startTimer(T0);
		expect(resumeTimer(running, T0 + MIN)).toBe(running);
	});

	it('adds extensions to the box', () => {
		const timer = extendTimer(extendTimer(startTimer(T0), 2), 3);
		expect(readStageTimer(timer, 10, T0 + 14 * MIN).remainingMs).toBe(MIN);
	});

	it('reports overtime once the box is over', () => {
		const r = readStageTimer(startTimer(T0), 1, T0 + MIN + 42_000);
		expect(r.overtime).toBe(true);
		expect(r.remainingMs).toBe(-42_000);
	});

	it('reads a clock behind the start (skew) as no time elapsed', () => {
		expect(readStageTimer(startTimer(T0), 5, T0 - 3000).elapsedMs).toBe(0);
	});
});

describe('formatCountdown', () => {
	it('shows minutes and seconds, rounding up while counting down', () => {
		expect(formatCountdown(12 * MIN + 4_001)).toBe('12:05');
		expect(formatCountdown(999)).toBe('0:01');
		expect(formatCountdown(0)).toBe('0:00');
	});

	it('shows hours past an hour', () => {
		expect(formatCountdown(62 * MIN + 5_000)).toBe('1:02:05');
	});

	it('marks time over the box with a plus', () => {
		expect(formatCountdown(-42_500)).toBe('+0:42');
		expect(formatCountdown(-(3 * MIN))).toBe('+3:00');
	});
});
