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
