import type { Finding } from './types.ts';

/** A run of text, with the finding it belongs to when it is one. */
export interface Segment {
	text: string;
	finding: Finding | null;
}

/**
 * Splits `text` into plain runs and finding runs, in order, for drawing underlines. Findings
 * must not overlap (the checker never returns overlapping ones); any that do, or that fall
 * outside the text, are skipped rather than drawn wrong.
 */
export function splitByFindings(text: string, findings: readonly Finding[]): Segment[] {
	const out: Segment[] = [];
	let at = 0;
	for (const f of [...findings].sort((a, b) => a.start - b.start)) {
		if (f.start < at || f.end > text.length || f.end <= f.start) continue;
		if (f.start > at) out.push({ text: text.slice(at, f.start), finding: null });
		out.push({ text: text.slice(f.start, f.end), finding: f });
		at = f.end;
	}
	if (at < text.length || out.length === 0) out.push({ text: text.slice(at), finding: null });
	return out;
}
