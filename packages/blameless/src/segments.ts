import type { Finding } from './types.ts';

/** A run of text, with the finding it belongs to when it is one. */
export interface Segment {
	text: string;
	finding: Finding | null;
}

/**
 * Splits `text` into plain runs and finding runs, in order, for drawing underlines. Findings of
 * different categories may overlap ("Obviously Ana" and "Ana failed to"): where they do, the run
 * goes to the finding that starts later (the shorter, on a tie), so each one keeps words of its
 * own to click, and a finding cut in two draws as two runs. Findings outside the text are skipped.
 */
export function splitByFindings(text: string, findings: readonly Finding[]): Segment[] {
	const valid = findings.filter((f) => f.start >= 0 && f.end <= text.length && f.end > f.start);
	if (valid.length === 0) return [{ text, finding: null }];
	const cuts = new Set<number>([0, text.length]);
	for (const f of valid) cuts.add(f.start).add(f.end);
	const points = [...cuts].sort((a, b) => a - b);
	const out: Segment[] = [];
	for (let k = 0; k + 1 < points.length; k++) {
		const from = points[k]!;
		const to = points[k + 1]!;
		const finding = owner(valid, from, to);
		const last = out.at(-1);
		// Plain runs and runs of the same finding join up again.
		if (last && last.finding === finding) last.text += text.slice(from, to);
		else out.push({ text: text.slice(from, to), finding });
	}
	return out;
}

/** The finding that draws the run [from, to): of those covering it, the one starting last. */
function owner(findings: readonly Finding[], from: number, to: number): Finding | null {
	let best: Finding | null = null;
	for (const f of findings) {
		if (f.start > from || f.end < to) continue;
		if (!best || f.start > best.start || (f.start === best.start && f.end < best.end)) best = f;
	}
	return best;
}
