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
