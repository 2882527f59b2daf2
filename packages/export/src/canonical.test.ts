import { describe, expect, it } from 'vitest';
import { canonicalJson, contentDigest, verifyDigest } from './canonical.ts';

describe('canonical JSON and digest', () => {
	it('gives one string for the same data in any key order', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
			'{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}'
		);
		expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
	});

	it('is the SHA-256 of the canonical form', async () => {
		// sha256('{"a":1}')
		expect(await contentDigest({ a: 1 })).toBe(
			'015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862'
		);
	});

	it('verifies unchanged content and refuses a changed character', async () => {
		const content = { title: 'Outage', items: [{ id: 'a', text: 'pool' }] };
		const digest = await contentDigest(content);
		expect(
			await verifyDigest({ items: [{ text: 'pool', id: 'a' }], title: 'Outage' }, digest)
		).toBe(true);
		expect(await verifyDigest({ ...content, title: 'outage' }, digest)).toBe(false);
	});
});
