import { describe, expect, it } from 'vitest';
import { gatherAppends } from './doc-store.ts';

const key = (section: string) => ({ boardId: 'b1', section });
const bytes = (n: number) => new Uint8Array([n]);

describe('gatherAppends', () => {
	it('sends the appends asked for in one turn as one write, in the order asked', async () => {
		const writes: string[][] = [];
		const append = gatherAppends(async (batches) => {
			writes.push(batches.map((b) => `${b.key.section}:${b.updates.map((u) => u[0]).join('')}`));
		});
		await Promise.all([
			append(key('timeline'), [bytes(1), bytes(2)]),
			append(key('rca'), [bytes(3)]),
			append(key('actions'), [bytes(4)])
		]);
		await append(key('timeline'), [bytes(5)]);
		expect(writes).toEqual([['timeline:12', 'rca:3', 'actions:4'], ['timeline:5']]);
	});

	it('when a shared write fails, tries each document alone so only the bad one fails', async () => {
		const writes: number[] = [];
		const append = gatherAppends(async (batches) => {
			writes.push(batches.length);
			if (batches.some((b) => b.key.section === 'bad')) throw new Error('foreign key');
		});
		const results = await Promise.allSettled([
			append(key('timeline'), [bytes(1)]),
			append(key('bad'), [bytes(2)]),
			append(key('rca'), [bytes(3)])
		]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(writes).toEqual([3, 1, 1, 1]);
	});
});
