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

/**
 * How alike two texts are, 0 to 1: the Dice coefficient of their character pairs, and 1 when one
 * contains the other (a short alert and the same alert with a comment added).
 */
export function textSimilarity(a: string, b: string): number {
	const x = normalizeText(a);
	const y = normalizeText(b);
	if (x === y) return 1;
	if (x.length < 2 || y.length < 2) return 0;
	const [short, long] = x.length <= y.length ? [x, y] : [y, x];
	if (short.length >= 8 && long.includes(short)) return 1;
	const bx = bigrams(x);
	const by = bigrams(y);
	let shared = 0;
	for (const [g, n] of bx) shared += Math.min(n, by.get(g) ?? 0);
	return (2 * shared) / (x.length - 1 + (y.length - 1));
}

const minuteOf = (at: string): number | null => {
	const ms = parseZonedIso(at);
	return ms === null ? null : Math.floor(ms / 60_000);
};

/** A set of events that look like one event told several times, in timeline order. */
export interface DuplicateGroup {
	ids: string[];
}

/**
 * Groups of likely duplicates. Only events of the same minute are compared, so a timeline of
 * thousands of events costs little more than one pass.
 */
export function findLikelyDuplicates(
	entries: readonly Pick<TimelineEntry, 'id' | 'at' | 'text'>[],
	threshold = DUPLICATE_THRESHOLD
): DuplicateGroup[] {
	const buckets = new Map<number, (typeof entries)[number][]>();
	const order = new Map<string, number>();
	entries.forEach((e, i) => {
		order.set(e.id, i);
		const minute = minuteOf(e.at);
		if (minute === null) return;
		const bucket = buckets.get(minute);
		if (bucket) bucket.push(e);
		else buckets.set(minute, [e]);
	});
	const parent = new Map<string, string>();
	const find = (id: string): string => {
		let root = id;
		while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
		parent.set(id, root);
		return root;
	};
	for (const bucket of buckets.values()) {
		for (let i = 0; i < bucket.length; i++) {
			for (let j = i + 1; j < bucket.length; j++) {
				const a = bucket[i]!;
				const b = bucket[j]!;
				if (textSimilarity(a.text, b.text) < threshold) continue;
				if (!parent.has(a.id)) parent.set(a.id, a.id);
				if (!parent.has(b.id)) parent.set(b.id, b.id);
				parent.set(find(b.id), find(a.id));
			}
		}
	}
	const groups = new Map<string, string[]>();
	for (const id of parent.keys()) {
		const root = find(id);
		const g = groups.get(root);
		if (g) g.push(id);
		else groups.set(root, [id]);
	}
	const rank = (id: string): number => order.get(id) ?? 0;
	return [...groups.values()]
		.map((ids) => ({ ids: ids.sort((a, b) => rank(a) - rank(b)) }))
		.sort((a, b) => rank(a.ids[0]!) - rank(b.ids[0]!));
}

/** For each candidate (e.g. a pasted line), the id of an existing event it likely repeats. */
export function matchExisting(
	candidates: readonly Pick<TimelineEntry, 'at' | 'text'>[],
	existing: readonly Pick<TimelineEntry, 'id' | 'at' | 'text'>[],
	threshold = DUPLICATE_THRESHOLD
): (string | null)[] {
	const byMinute = new Map<number, (typeof existing)[number][]>();
	for (const e of existing) {
		const minute = minuteOf(e.at);
		if (minute === null) continue;
		byMinute.set(minute, [...(byMinute.get(minute) ?? []), e]);
	}
	return candidates.map((c) => {
		const minute = minuteOf(c.at);
		if (minute === null) return null;
		const hit = byMinute.get(minute)?.find((e) => textSimilarity(e.text, c.text) >= threshold);
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
