import { describe, expect, it } from 'vitest';
import { parseCoreList } from './process-stats.ts';
import { Samples, concat, percentile, summarize } from './stats.ts';

describe('percentile', () => {
	it('takes the nearest rank, so p99 of 100 values is the 99th smallest', () => {
		const values = Array.from({ length: 100 }, (_, i) => 100 - i);
		expect(percentile(values, 50)).toBe(50);
		expect(percentile(values, 99)).toBe(99);
		expect(percentile(values, 100)).toBe(100);
	});

	it('is NaN for no values rather than a made-up zero', () => {
		expect(percentile([], 99)).toBeNaN();
	});
});

describe('summarize', () => {
	it('drops NaNs (a client that never synced) and rounds to 0.01', () => {
		expect(summarize([1.234, NaN, 2.345, 3.456])).toEqual({
			count: 3,
			p50: 2.35,
			p95: 3.46,
			p99: 3.46,
			max: 3.46
		});
	});
});

describe('Samples', () => {
	it('keeps every value past its first capacity, in order', () => {
		const samples = new Samples();
		for (let i = 0; i < 10_000; i++) samples.push(i);
		const values = samples.values();
		expect(values.length).toBe(10_000);
		expect([values[0], values[4096], values[9999]]).toEqual([0, 4096, 9999]);
	});

	it('concatenates the samples of several load processes', () => {
		expect([...concat([Float64Array.of(1, 2), Float64Array.of(), Float64Array.of(3)])]).toEqual([
			1, 2, 3
		]);
	});
});

describe('parseCoreList', () => {
	it('reads taskset lists', () => {
		expect(parseCoreList('0')).toEqual([0]);
		expect(parseCoreList('1-3,6')).toEqual([1, 2, 3, 6]);
		expect(parseCoreList(null)).toEqual([]);
	});
});
