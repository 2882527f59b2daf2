import { parseZonedIso } from '@debrief/doc';

/**
 * Text helpers every renderer shares. Times are shown in UTC whatever the machine's zone, so the
 * same snapshot renders the same bytes on any server; a reader in another zone reads "UTC".
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-02 14:05 UTC`, or '' for a missing or unreadable time. */
export function formatUtc(iso: string): string {
	const ms = parseZonedIso(iso) ?? (iso ? Date.parse(iso) : NaN);
	return Number.isFinite(ms) ? formatUtcMs(ms) : '';
}

/** `2026-03-02 14:05 UTC` from epoch ms. */
export function formatUtcMs(ms: number): string {
	const d = new Date(ms);
	const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
	return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** `14:05` from epoch ms (UTC). */
export function formatClock(ms: number): string {
	const d = new Date(ms);
	return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Display labels of the vocabularies, as a document says them. */
export const KIND_LABELS: Readonly<Record<string, string>> = {
	alert: 'Alert',
	detection: 'Detection',
	action: 'Action',
	communication: 'Communication',
	mitigation: 'Mitigation',
	resolution: 'Resolution',
	note: 'Note'
};

export const RCA_LABELS: Readonly<Record<string, string>> = {
	why: 'Why?',
	cause: 'Cause',
	hypothesis: 'Hypothesis'
};

export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
	process: 'Process',
	tooling: 'Tooling',
	monitoring: 'Monitoring',
	testing: 'Testing',
	communication: 'Communication',
	capacity: 'Capacity',
	dependency: 'Dependency',
	other: 'Other'
};

export const PRIORITY_LABELS: Readonly<Record<string, string>> = {
	high: 'High',
	medium: 'Medium',
	low: 'Low'
};

export const STATUS_LABELS: Readonly<Record<string, string>> = {
	open: 'Open',
	'in-progress': 'In progress',
	blocked: 'Blocked',
	done: 'Done'
};

/** A label for a vocabulary value, the raw value when the vocabulary does not know it. */
export const labelOf = (labels: Readonly<Record<string, string>>, value: string): string =>
	labels[value] ?? value;

/** The first line of `text`, cut to `max` characters with an ellipsis. */
export function shorten(text: string, max = 80): string {
	const line = text.trim().split('\n')[0] ?? '';
	return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
