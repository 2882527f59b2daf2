import { flushSync } from 'svelte';

/**
 * Work that can wait until the page is on screen: the rows of a long list past its first screen,
 * the duplicate check, the chart. Tasks run in the order they were queued, in short slices when
 * the browser is idle, so it paints and answers keys in between. Each task's DOM changes are
 * flushed inside its slice, so the slice's budget covers them.
 */

/** Milliseconds left in the current slice. */
export type TimeLeft = () => number;

interface Task {
	run: (left: TimeLeft) => void;
}

/**
 * Length of a slice. Idle periods between frames are often only a few ms while rows are being
 * added (each slice makes work for the next frame), so a slice takes this long whatever the idle
 * deadline says: well under the 50 ms after which a key pressed meanwhile feels slow, and long
 * enough that 2,000 rows need a few dozen frames, not a hundred (measured: 12 ms slices filled
 * the list a quarter slower than 24 ms ones).
 */
const SLICE_MS = 20;
/** A page that is never idle still gets its work done, a task at a time, after this long. */
const MAX_WAIT_MS = 500;

// Insertion-ordered; a task queued while the queue drains runs in the same slice if time is left.
const queue = new Set<Task>();
let scheduled = false;

function schedule(): void {
	if (scheduled || queue.size === 0) return;
	scheduled = true;
	if (typeof requestIdleCallback === 'function') {
		requestIdleCallback(drain, { timeout: MAX_WAIT_MS });
	} else {
		// Safari has no requestIdleCallback: a timer, after whatever the page is doing now.
		setTimeout(drain, 0);
	}
}

function drain(): void {
	scheduled = false;
	const end = performance.now() + SLICE_MS;
	const left: TimeLeft = () => Math.max(0, end - performance.now());
	let ran = false;
	try {
		for (const task of queue) {
			// At least one task per slice, however long the one before took.
			if (ran && left() < 1) break;
			ran = true;
			queue.delete(task);
			task.run(left);
			flushSync();
		}
	} finally {
		schedule();
	}
}

/**
 * Runs `run` once the browser is idle, after the tasks queued before it. Returns a function that
 * takes it off the queue (an effect's cleanup, so an unmounted row costs nothing).
 */
export function whenIdle(run: (left: TimeLeft) => void): () => void {
	const task: Task = { run };
	queue.add(task);
	schedule();
	return () => {
		queue.delete(task);
	};
}
