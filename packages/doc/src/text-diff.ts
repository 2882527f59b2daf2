import type * as Y from 'yjs';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The single changed span between `prev` and `next`: common prefix and suffix are kept, the middle
 * is replaced. Boundaries never split a UTF-16 surrogate pair, so an emoji is replaced whole.
 */
export function diffText(
	prev: string,
	next: string
): { index: number; remove: number; insert: string } {
	let start = 0;
	const max = Math.min(prev.length, next.length);
	while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
	if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;

	let endPrev = prev.length;
	let endNext = next.length;
	while (
		endPrev > start &&
		endNext > start &&
		prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)
	) {
		endPrev--;
		endNext--;
	}
	if (endPrev < prev.length && isLowSurrogate(prev.charCodeAt(endPrev))) {
		endPrev++;
		endNext++;
	}
	return { index: start, remove: endPrev - start, insert: next.slice(start, endNext) };
}

/**
 * Turns `text` into `next` by deleting and inserting only the changed span. Replacing the whole
 * Y.Text would delete every character a concurrent editor was typing next to; a minimal change
 * lets both edits survive the merge. Call inside a transaction.
 */
export function applyTextDiff(text: Y.Text, next: string): void {
	const { index, remove, insert } = diffText(text.toString(), next);
	if (remove > 0) text.delete(index, remove);
	if (insert.length > 0) text.insert(index, insert);
}
