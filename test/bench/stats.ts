/** Percentile figures of one distribution, rounded to 0.01. */
export interface Summary {
	count: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank]!;
}

/** Nearest-rank percentile of a sorted copy. */
export function percentile(values: ArrayLike<number>, p: number): number {
	return percentileOfSorted(Float64Array.from(values).sort(), p);
}

/** p50/p95/p99/max of the values (NaN figures when there are none). NaNs in the input are dropped. */
export function summarize(values: ArrayLike<number>): Summary {
	const sorted = Float64Array.from(values)
		.filter((v) => !Number.isNaN(v))
		.sort();
	return {
		count: sorted.length,
		p50: round(percentileOfSorted(sorted, 50)),
		p95: round(percentileOfSorted(sorted, 95)),
		p99: round(percentileOfSorted(sorted, 99)),
		max: round(sorted.length ? sorted[sorted.length - 1]! : NaN)
	};
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A growable list of numbers in one typed array (hundreds of thousands of latencies per run). */
export class Samples {
	#data = new Float64Array(4096);
	length = 0;

	push(value: number): void {
		if (this.length === this.#data.length) {
			const grown = new Float64Array(this.#data.length * 2);
			grown.set(this.#data);
			this.#data = grown;
		}
		this.#data[this.length++] = value;
	}

	/** A copy of the values, compact (to send to another process). */
	values(): Float64Array {
		return this.#data.slice(0, this.length);
	}
}

/** Concatenates typed arrays (samples gathered by several load processes). */
export function concat(parts: Float64Array[]): Float64Array {
	const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
/** Counts of latencies in 0.01 ms buckets (the report's rounding), for fast pooled percentiles. */
export class Histogram {
	static readonly BUCKET_MS = 0.01;
	readonly counts: Uint32Array;
	total = 0;

	constructor(maxMs = 1000) {
		// The last bucket holds everything at or past maxMs.
		this.counts = new Uint32Array(Math.ceil(maxMs / Histogram.BUCKET_MS) + 1);
	}

	static of(values: ArrayLike<number>, maxMs?: number): Histogram {
		const histogram = new Histogram(maxMs);
		for (let i = 0; i < values.length; i++) histogram.add(values[i]!);
		return histogram;
	}

	add(value: number): void {
		if (Number.isNaN(value)) return;
		const last = this.counts.length - 1;
		this.counts[Math.min(last, Math.max(0, Math.round(value / Histogram.BUCKET_MS)))]! += 1;
		this.total += 1;
	}
}

/** Nearest-rank percentile of the histograms taken together (NaN when they are empty). */
export function pooledPercentile(histograms: Histogram[], p: number): number {
	const total = histograms.reduce((n, h) => n + h.total, 0);
	if (total === 0) return NaN;
	const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
	const length = histograms[0]!.counts.length;
	let seen = 0;
	for (let bucket = 0; bucket < length; bucket++) {
		for (const h of histograms) seen += h.counts[bucket]!;
		if (seen >= rank) return bucket * Histogram.BUCKET_MS;
	}
	return (length - 1) * Histogram.BUCKET_MS;
}

/** A small seeded generator (mulberry32), so a report's interval is the same for the same runs. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * How far the ratio of two pooled percentiles (ours / reference) moves when the runs behind each
 * are drawn again with replacement: a run, not a delivery, is the unit, because the deliveries of
 * one run share its stalls. The interval between the `(1 - level) / 2` and `(1 + level) / 2`
 * quantiles of the resampled ratios. With a handful of runs per server it is a guide to how much
 * of a difference is run-to-run noise, not a formal test.
 */
export function ratioInterval(
	ours: Histogram[],
	reference: Histogram[],
	{ p = 99, level = 0.9, resamples = 2000, seed = 1 } = {}
): { low: number; high: number; level: number } | null {
	if (ours.length < 2 || reference.length < 2) return null;
	const random = seededRandom(seed);
	const draw = (runs: Histogram[]) =>
		Array.from({ length: runs.length }, () => runs[Math.floor(random() * runs.length)]!);
	const ratios: number[] = [];
	for (let i = 0; i < resamples; i++) {
		const q = pooledPercentile(draw(ours), p) / pooledPercentile(draw(reference), p);
		if (Number.isFinite(q)) ratios.push(q);
	}
	if (ratios.length === 0) return null;
	ratios.sort((a, b) => a - b);
	const at = (quantile: number) =>
		ratios[Math.min(ratios.length - 1, Math.max(0, Math.floor(quantile * ratios.length)))]!;
	return { low: at((1 - level) / 2), high: at((1 + level) / 2), level };
}
