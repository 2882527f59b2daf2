import type { StageTimer } from './meta.ts';

/** The timer of the stage in progress, as a clock reads it at one instant. */
export interface TimerReading {
	/** The timebox, extensions included. */
	boxMs: number;
	/** Running time so far (pauses excluded). */
	elapsedMs: number;
	/** Time left; negative once the box is over. */
	remainingMs: number;
	overtime: boolean;
	paused: boolean;
}

const MINUTE = 60_000;

/**
 * Reads a stage timer at `now` (server epoch ms; clients add their estimated clock offset).
 * A `now` before the start (clock skew) reads as no time elapsed rather than as extra time.
 */
export function readStageTimer(timer: StageTimer, minutes: number, now: number): TimerReading {
	const boxMs = minutes * MINUTE + timer.extendedMs;
	const until = timer.pausedAt ?? now;
	const elapsedMs = Math.max(0, until - timer.startedAt - timer.pausedMs);
	const remainingMs = boxMs - elapsedMs;
	return {
		boxMs,
		elapsedMs,
		remainingMs,
		overtime: remainingMs < 0,
		paused: timer.pausedAt !== null
	};
}

/** A fresh, running timer started at `now`. */
export function startTimer(now: number): StageTimer {
	return { startedAt: now, pausedAt: null, pausedMs: 0, extendedMs: 0 };
}

/** The timer paused at `now`; a paused timer stays as it is. */
export function pauseTimer(timer: StageTimer, now: number): StageTimer {
	if (timer.pausedAt !== null) return timer;
	return { ...timer, pausedAt: Math.max(now, timer.startedAt) };
}

/** The timer running again from `now`; the pause is added to `pausedMs`. */
export function resumeTimer(timer: StageTimer, now: number): StageTimer {
	if (timer.pausedAt === null) return timer;
	return { ...timer, pausedAt: null, pausedMs: timer.pausedMs + Math.max(0, now - timer.pausedAt) };
}

/** The timer with `minutes` more in its box. */
export function extendTimer(timer: StageTimer, minutes: number): StageTimer {
	return { ...timer, extendedMs: timer.extendedMs + minutes * MINUTE };
}

/**
 * A countdown as people read it: `12:05`, `1:02:05` past an hour, and `+0:42` for time over
 * the box. Seconds round up while counting down, so the display reaches 0:00 at the end.
 */
export function formatCountdown(remainingMs: number): string {
	const over = remainingMs < 0;
	const total = over ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const ss = String(s).padStart(2, '0');
	const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
	return over ? `+${body}` : body;
}
