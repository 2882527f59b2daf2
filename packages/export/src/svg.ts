import { TIMELINE_KINDS } from '@debrief/doc';
import { KIND_LABELS, formatClock, labelOf } from './format.ts';
import type { CauseNodeView, DocumentView } from './view.ts';

/**
 * The two drawings of the HTML export, as inline SVG: the timeline chart (one lane per kind, the
 * impact milestones as rules) and the cause tree (one drawing per top-level cause, so a printer
 * can break pages between them). Colours come from classes the page's stylesheet defines, so
 * screen dark mode and print share one drawing. Coordinates are rounded: same input, same bytes.
 */

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

const r1 = (n: number) => String(Math.round(n * 10) / 10);

const MINUTE = 60_000;
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map(
	(m) => m * MINUTE
);

/** The timeline chart; '' when no event has a readable time. */
export function timelineChart(v: DocumentView): string {
	const dated = v.timeline.filter((e): e is typeof e & { at: number } => e.at !== null);
	if (dated.length === 0) return '';
	const marks = [
		{ label: 'Detected', at: v.impact.detectedAt },
		{ label: 'Mitigated', at: v.impact.mitigatedAt },
		{ label: 'Resolved', at: v.impact.resolvedAt }
	].filter((m): m is { label: string; at: number } => m.at !== null);
	const times = [...dated.map((e) => e.at), ...marks.map((m) => m.at)];
	let lo = Math.min(...times);
	let hi = Math.max(...times);
	if (hi - lo < 10 * MINUTE) {
		const mid = (lo + hi) / 2;
		lo = mid - 5 * MINUTE;
		hi = mid + 5 * MINUTE;
	}
	const kinds = TIMELINE_KINDS.filter((k) => dated.some((e) => e.kind === k));
	const W = 760;
	const left = 100;
	const right = 16;
	const top = 46;
	const lane = 18;
	const height = top + kinds.length * lane + 26;
	const x = (t: number) => left + ((t - lo) / (hi - lo)) * (W - left - right);
	const out: string[] = [
		`<svg class="chart" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="Timeline chart: ${dated.length} events by kind, times in UTC" xmlns="http://www.w3.org/2000/svg">`
	];
	kinds.forEach((k, i) => {
		const y = top + i * lane + lane / 2;
		out.push(
			`<text class="lane-label" x="${left - 8}" y="${r1(y + 4)}" text-anchor="end">${labelOf(KIND_LABELS, k)}</text>`,
			`<line class="lane" x1="${left}" x2="${W - right}" y1="${r1(y)}" y2="${r1(y)}"/>`
		);
	});
	const step = STEPS.find((s) => (hi - lo) / s <= 8) ?? STEPS[STEPS.length - 1]!;
	const axisY = top + kinds.length * lane + 14;
	const multiDay = hi - lo > 20 * 60 * MINUTE;
	for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) {
		const d = new Date(t);
		const day = `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')} `;
		out.push(
			`<line class="tick" x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${top}" y2="${axisY - 10}"/>`,
			`<text class="tick-label" x="${r1(x(t))}" y="${axisY + 4}" text-anchor="middle">${multiDay ? day : ''}${formatClock(t)}</text>`
		);
	}
	// One row of labels per milestone, so close milestones never print over each other; past
	// the middle a label ends at its rule instead of running off the right edge.
	marks.forEach((m, row) => {
		const at = x(m.at);
		const flip = at > W / 2;
		const y = 10 + row * 12;
		out.push(
			`<line class="milestone" x1="${r1(at)}" x2="${r1(at)}" y1="${y + 2}" y2="${axisY - 10}"/>`,
			`<text class="milestone-label" x="${r1(flip ? at - 3 : at + 3)}" y="${y}"${flip ? ' text-anchor="end"' : ''}>${m.label} ${formatClock(m.at)}</text>`
		);
	});
	for (const e of dated) {
		const y = top + kinds.indexOf(e.kind as (typeof kinds)[number]) * lane + lane / 2;
		out.push(
			`<circle class="dot k-${e.kind}" cx="${r1(x(e.at))}" cy="${r1(y)}" r="3.5"><title>${escapeXml(`${e.time}: ${e.text}`)}</title></circle>`
		);
	}
	out.push('</svg>');
	return out.join('\n');
}

const BOX_W = 210;
const GAP_X = 30;
const GAP_Y = 10;
const LINE_H = 14;
const CHARS = 32;
const MAX_LINES = 4;

/** Splits text into at most MAX_LINES lines of about CHARS characters, at spaces when it can. */
export function wrap(text: string): string[] {
	const words = text.replace(/\s+/g, ' ').trim().split(' ');
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const next = line ? `${line} ${word}` : word;
		if (next.length <= CHARS) line = next;
		else {
			if (line) lines.push(line);
			line = word.length > CHARS ? `${word.slice(0, CHARS - 1)}…` : word;
		}
	}
	if (line) lines.push(line);
	if (lines.length > MAX_LINES) {
		const kept = lines.slice(0, MAX_LINES);
		kept[MAX_LINES - 1] = `${kept[MAX_LINES - 1]!.slice(0, CHARS - 1)}…`;
		return kept;
	}
	return lines.length > 0 ? lines : ['(untitled)'];
}

interface Placed {
	node: CauseNodeView;
	x: number;
	y: number;
	h: number;
	lines: string[];
	children: Placed[];
}

/** Lays a subtree out left to right: leaves stacked, each parent centred on its children. */
function place(node: CauseNodeView, depth: number, cursor: { y: number }): Placed {
	const lines = wrap(node.text);
	const h = 20 + lines.length * LINE_H;
	const start = cursor.y;
	const children = node.children.map((c) => place(c, depth + 1, cursor));
	let y: number;
	if (children.length === 0) {
		y = cursor.y;
		cursor.y += h + GAP_Y;
	} else {
		const first = children[0]!;
		const last = children[children.length - 1]!;
		y = Math.max(start, (first.y + last.y + last.h) / 2 - h / 2);
		cursor.y = Math.max(cursor.y, y + h + GAP_Y);
	}
	return { node, x: depth * (BOX_W + GAP_X), y, h, lines, children };
}

function drawNode(p: Placed, out: string[]): void {
	const cls = p.node.isRootCause
		? 'node root'
		: `node k-${p.node.kindLabel === 'Hypothesis' ? 'hypothesis' : 'plain'}`;
	out.push(
		`<g class="${cls}"><rect x="${r1(p.x)}" y="${r1(p.y)}" width="${BOX_W}" height="${r1(p.h)}" rx="5"/>`,
		`<text class="node-kind" x="${r1(p.x + 8)}" y="${r1(p.y + 13)}">${escapeXml(p.node.kindLabel.toUpperCase())}</text>`
	);
	p.lines.forEach((line, i) => {
		out.push(
			`<text class="node-text" x="${r1(p.x + 8)}" y="${r1(p.y + 27 + i * LINE_H)}">${escapeXml(line)}</text>`
		);
	});
	out.push('</g>');
	for (const c of p.children) {
		const x1 = p.x + BOX_W;
		const y1 = p.y + p.h / 2;
		const x2 = c.x;
		const y2 = c.y + c.h / 2;
		const mid = (x1 + x2) / 2;
		out.push(
			`<path class="edge" d="M${r1(x1)} ${r1(y1)} C${r1(mid)} ${r1(y1)} ${r1(mid)} ${r1(y2)} ${r1(x2)} ${r1(y2)}"/>`
		);
		drawNode(c, out);
	}
}

function extent(p: Placed): { w: number; h: number } {
	let w = p.x + BOX_W;
	let h = p.y + p.h;
	for (const c of p.children) {
		const e = extent(c);
		w = Math.max(w, e.w);
		h = Math.max(h, e.h);
	}
	return { w, h };
}

/** One SVG per top-level cause; [] without causes. */
export function causeTrees(v: DocumentView): string[] {
	return v.causes.map((root) => {
		const placed = place(root, 0, { y: 0 });
		const { w, h } = extent(placed);
		const out = [
			`<svg class="tree" viewBox="-2 -2 ${r1(w + 4)} ${r1(h + 4)}" width="${r1(Math.min(w + 4, 760))}" role="img" aria-label="Cause tree from: ${escapeXml(root.text.slice(0, 80))}" xmlns="http://www.w3.org/2000/svg">`
		];
		drawNode(placed, out);
		out.push('</svg>');
		return out.join('\n');
	});
}
