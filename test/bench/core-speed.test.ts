import { describe, expect, it } from 'vitest';
import { describeCoreSpeed, parseSpeed, timeCore } from './core-speed.ts';

describe('core speed', () => {
	it('reads a positive number of ms and nothing else', () => {
		expect(parseSpeed('41.27\n')).toBe(41.27);
		for (const bad of ['', 'NaN', '-3', '0', 'Error: boom']) expect(parseSpeed(bad)).toBeNull();
	});

	it('times the fixed work in a fresh Node, and the same work twice takes about as long', () => {
		const first = timeCore(null);
		const second = timeCore(null);
		expect(first).not.toBeNull();
		expect(second).not.toBeNull();
		// Best of five of the same work: far from equal only on a machine that changed speed.
		expect(Math.max(first!, second!) / Math.min(first!, second!)).toBeLessThan(5);
	});

	it('says n/a for a side it could not time, and gives both ends', () => {
		const text = describeCoreSpeed({ server: 40.5, client: null }, { server: 61, client: 39 });
		expect(text).toContain('server core 40.5 ms at the start and 61 ms at the end');
		expect(text).toContain('client core n/a and 39 ms');
		expect(describeCoreSpeed({ server: 1, client: 2 }, null)).toContain(
			'1 ms at the start and n/a'
		);
	});
});
