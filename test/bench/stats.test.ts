import { describe, expect, it } from 'vitest';
import { parseCoreList } from './process-stats.ts';
import {
	Histogram,
	Samples,
	concat,
	percentile,
	pooledPercentile,
	ratioInterval,
	seededRandom,
	summarize
} from './stats.ts';

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

describe('Histogram and pooledPercentile', () => {
	it('gives the pooled nearest-rank percentile of several runs, to the 0.01 ms', () => {
		const runs = [
			Float64Array.from({ length: 50 }, (_, i) => i + 1),
			Float64Array.from({ length: 50 }, (_, i) => i + 51)
		];
		const histograms = runs.map((run) => Histogram.of(run));
		expect(pooledPercentile(histograms, 99)).toBe(99);
		expect(pooledPercentile(histograms, 50)).toBe(50);
		expect(pooledPercentile([Histogram.of([1.234, 5.678])], 100)).toBeCloseTo(5.68, 10);
	});

	it('is NaN with nothing recorded, and keeps what is past its range in the last bucket', () => {
		expect(pooledPercentile([new Histogram()], 99)).toBeNaN();
		expect(pooledPercentile([Histogram.of([2, 5000], 100)], 100)).toBe(100);
	});
});

describe('ratioInterval', () => {
	const run = (scale: number, seed: number) => {
		const random = seededRandom(seed);
		return Histogram.of(Float64Array.from({ length: 2000 }, () => scale * (1 + random())));
	};

	it('brackets the true ratio of the p99s, and is the same for the same runs', () => {
		const ours = [1, 2, 3, 4, 5].map((seed) => run(1.5, seed));
		const reference = [6, 7, 8, 9, 10].map((seed) => run(1, seed));
		const interval = ratioInterval(ours, reference)!;
		expect(interval.low).toBeLessThanOrEqual(1.5);
		expect(interval.high).toBeGreaterThanOrEqual(1.5);
		expect(interval.high - interval.low).toBeLessThan(0.1);
		expect(ratioInterval(ours, reference)).toEqual(interval);
	});

	it('is wide when the runs disagree, and absent with one run a side', () => {
		const ours = [run(1, 1), run(2, 2), run(1, 3)];
		const reference = [run(1, 4), run(1, 5), run(1, 6)];
		const interval = ratioInterval(ours, reference)!;
		expect(interval.high / interval.low).toBeGreaterThan(1.5);
		expect(ratioInterval([run(1, 1)], reference)).toBeNull();
	});
});
