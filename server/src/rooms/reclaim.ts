import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection, if this Node lets us ask for one. V8 returns memory on its own
 * schedule, usually long after a burst of boards has unloaded; when a server has just let go of
 * its last room, nobody is waiting on it, and that is the moment to hand the memory back.
 */
export function collectGarbage(): boolean {
	if (collect === undefined) {
		try {
			setFlagsFromString('--expose-gc');
			collect = runInNewContext('gc') as () => void;
		} catch {
			collect = null;
		}
	}
	collect?.();
	return Boolean(collect);
}

/**
 * Whether an idle server holds enough more heap than after its last collection for a forced one
 * to be worth it. A full collection does more than free memory: the shapes of objects that are all
 * gone die with them, and V8 throws away the compiled code that assumed them. The next meeting then
 * runs slower for a few seconds while V8 compiles again (measured in S2: 70–80 functions
 * deoptimized before each run, the next run's server CPU up by 15–25%). For one meeting that ended,
 * that costs more than the few MiB it returns; after a burst of hundreds of boards, it is worth it.
 */
export function worthCollecting(heapUsed: number, baseline: number, aboveBytes: number): boolean {
	// 0: every time (the heap can be below the baseline: V8 collects on its own too).
	return aboveBytes <= 0 || heapUsed - baseline >= aboveBytes;
}
