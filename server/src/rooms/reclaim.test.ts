import { describe, expect, it } from 'vitest';
import { collectGarbage, worthCollecting } from './reclaim.ts';

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

describe('worthCollecting', () => {
	it('is worth it from the threshold past the baseline on, not below', () => {
		const MiB = 2 ** 20;
		expect(worthCollecting(30 * MiB, 28 * MiB, 64 * MiB)).toBe(false);
		expect(worthCollecting(92 * MiB, 28 * MiB, 64 * MiB)).toBe(true);
		expect(worthCollecting(91 * MiB, 28 * MiB, 64 * MiB)).toBe(false);
		expect(worthCollecting(20 * MiB, 28 * MiB, 1)).toBe(false);
		expect(worthCollecting(20 * MiB, 28 * MiB, 0)).toBe(true);
	});
});
