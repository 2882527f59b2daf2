import { describe, expect, it } from 'vitest';
import { collectGarbage } from './reclaim.ts';

describe('collectGarbage', () => {
	it('really collects: an object nothing holds is gone afterwards', async () => {
		let ref: WeakRef<object> | null = null;
		(() => {
			ref = new WeakRef({ big: new Array(100_000).fill('x') });
		})();
		// WeakRef targets survive until the end of the current job.
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(collectGarbage()).toBe(true);
		expect(ref!.deref()).toBeUndefined();
	});
});
