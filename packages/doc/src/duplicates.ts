import type * as Y from 'yjs';
import { parseZonedIso } from './time.ts';
import {
	readTimeline,
	removeTimelineEntry,
	updateTimelineEntry,
	type TimelineEntry,
	type TimelineResult
} from './timeline.ts';

/**
 * Likely duplicates on the timeline: the same moment reported twice (an alert pasted by two people,
 * a chat line and a log line). Two events are likely duplicates when they fall in the same minute
 * and their texts are similar. The room decides: the page flags them and offers a merge.
 */

/** Similarity from which two texts in the same minute count as one event told twice. */
export const DUPLICATE_THRESHOLD = 0.6;

/** Lowercase words only: punctuation, case and spacing do not make two reports different. */
export function normalizeText(s: string): string {
	return s
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

function bigrams(s: string): Map<string, number> {
	const out = new Map<string, number>();
	for (let i = 0; i < s.length - 1; i++) {
		const g = s.slice(i, i + 2);
		out.set(g, (out.get(g) ?? 0) + 1);
	}
	return out;
}

/** A text made ready for comparing: normalised, with its character pairs counted once. */
interface Prepared {
	norm: string;
	grams: Map<string, number> | null;
}

function prepare(text: string): Prepared {
	return { norm: normalizeText(text), grams: null };
}

/** Similarity of two prepared texts; the pair counts are built only when needed, and kept. */
function similarity(a: Prepared, b: Prepared, threshold = 0): number {
	const x = a.norm;
	const y = b.norm;
	if (x === y) return 1;
	if (x.length < 2 || y.length < 2) return 0;
	const [short, long] = x.length <= y.length ? [x, y] : [y, x];
	if (short.length >= 8 && long.includes(short)) return 1;
	// The best Dice score two lengths allow: below the bar, no need to count pairs.
	if ((2 * (short.length - 1)) / (x.length + y.length - 2) < threshold) return 0;
	a.grams ??= bigrams(x);
	b.grams ??= bigrams(y);
	let shared = 0;
	for (const [g, n] of a.grams) shared += Math.min(n, b.grams.get(g) ?? 0);
	return (2 * shared) / (x.length - 1 + (y.length - 1));
}

/**
 * How alike two texts are, 0 to 1: the Dice coefficient of their character pairs, and 1 when one
 * contains the other (a short alert and the same alert with a comment added).
 */
export function textSimilarity(a: string, b: string): number {
	return similarity(prepare(a), prepare(b));
}

const minuteOf = (at: string): number | null => {
	const ms = parseZonedIso(at);
	return ms === null ? null : Math.floor(ms / 60_000);
};

/** A set of events that look like one event told several times, in timeline order. */
export interface DuplicateGroup {
	ids: string[];
}

/** Groups of one minute's events (ids), computed by comparing every pair in it. */
function groupBucket(bucket: { id: string; text: string }[], threshold: number): string[][] {
	const prepared = bucket.map((e) => ({ id: e.id, text: prepare(e.text) }));
	const parent = new Map<string, string>();
	const find = (id: string): string => {
		let root = id;
		while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
		parent.set(id, root);
		return root;
	};
	for (let i = 0; i < prepared.length; i++) {
		for (let j = i + 1; j < prepared.length; j++) {
			const a = prepared[i]!;
			const b = prepared[j]!;
			if (similarity(a.text, b.text, threshold) < threshold) continue;
			if (!parent.has(a.id)) parent.set(a.id, a.id);
			if (!parent.has(b.id)) parent.set(b.id, b.id);
			parent.set(find(b.id), find(a.id));
		}
	}
	const groups = new Map<string, string[]>();
	for (const id of parent.keys()) {
		const root = find(id);
		groups.set(root, [...(groups.get(root) ?? []), id]);
	}
	return [...groups.values()];
}

/**
 * A duplicate finder that remembers each minute's answer: called again after one edit, it
 * compares again only the minute that changed. Same result as `findLikelyDuplicates`.
 */
export function createDuplicateFinder(
	threshold = DUPLICATE_THRESHOLD
): (entries: readonly Pick<TimelineEntry, 'id' | 'at' | 'text'>[]) => DuplicateGroup[] {
	let memo = new Map<number, { key: string; groups: string[][] }>();
	return (entries) => {
		const buckets = new Map<number, { id: string; text: string }[]>();
		const order = new Map<string, number>();
		entries.forEach((e, i) => {
			order.set(e.id, i);
			const minute = minuteOf(e.at);
			if (minute === null) return;
			const bucket = buckets.get(minute);
			if (bucket) bucket.push({ id: e.id, text: e.text });
			else buckets.set(minute, [{ id: e.id, text: e.text }]);
		});
		const next = new Map<number, { key: string; groups: string[][] }>();
		const all: string[][] = [];
		for (const [minute, bucket] of buckets) {
			if (bucket.length < 2) continue;
			const key = bucket.map((e) => `${e.id}\u0000${e.text}`).join('\u0001');
			const known = memo.get(minute);
			const groups = known?.key === key ? known.groups : groupBucket(bucket, threshold);
			next.set(minute, { key, groups });
			all.push(...groups);
		}
		memo = next;
		const rank = (id: string): number => order.get(id) ?? 0;
		return all
			.map((ids) => ({ ids: [...ids].sort((a, b) => rank(a) - rank(b)) }))
			.sort((a, b) => rank(a.ids[0]!) - rank(b.ids[0]!));
	};
}

/**
 * Groups of likely duplicates. Only events of the same minute are compared, so a timeline of
 * thousands of events costs little more than one pass.
 */
export function findLikelyDuplicates(
	entries: readonly Pick<TimelineEntry, 'id' | 'at' | 'text'>[],
	threshold = DUPLICATE_THRESHOLD
): DuplicateGroup[] {
	return createDuplicateFinder(threshold)(entries);
}

/** For each candidate (e.g. a pasted line), the id of an existing event it likely repeats. */
export function matchExisting(
	candidates: readonly Pick<TimelineEntry, 'at' | 'text'>[],
	existing: readonly Pick<TimelineEntry, 'id' | 'at' | 'text'>[],
	threshold = DUPLICATE_THRESHOLD
): (string | null)[] {
	const byMinute = new Map<number, { id: string; text: Prepared }[]>();
	for (const e of existing) {
		const minute = minuteOf(e.at);
		if (minute === null) continue;
		const bucket = byMinute.get(minute) ?? [];
		bucket.push({ id: e.id, text: prepare(e.text) });
		byMinute.set(minute, bucket);
	}
	return candidates.map((c) => {
		const minute = minuteOf(c.at);
		if (minute === null) return null;
		const text = prepare(c.text);
		const hit = byMinute.get(minute)?.find((e) => similarity(e.text, text, threshold) >= threshold);
		return hit?.id ?? null;
	});
}

/**
 * Merges duplicates into `keepId` in one transaction: the kept event takes the evidence link of
 * the first merged event that has one (if it had none), and the others are removed.
 */
export function mergeTimelineEntries(
	doc: Y.Doc,
	keepId: string,
	mergeIds: readonly string[],
	origin?: unknown
): TimelineResult {
	const entries = readTimeline(doc);
	const keep = entries.find((e) => e.id === keepId);
	if (!keep) return { ok: false, reason: 'not-found' };
	const others = mergeIds
		.filter((id) => id !== keepId)
		.map((id) => entries.find((e) => e.id === id))
		.filter((e): e is TimelineEntry => e !== undefined);
	let result: TimelineResult = { ok: true };
	doc.transact(() => {
		const source = keep.source || others.find((o) => o.source)?.source || '';
		if (source !== keep.source) result = updateTimelineEntry(doc, keepId, { source });
		if (!result.ok) return;
		for (const o of others) removeTimelineEntry(doc, o.id);
	}, origin);
	return result;
}
