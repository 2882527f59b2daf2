import { formatZonedIso, parseZonedIso } from '@debrief/doc';

/**
 * Times as people read them: in the viewer's own zone, with UTC one hover away. Storage is
 * ISO-8601 with the writer's offset (see @debrief/doc); everything here converts at the edges.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** The viewer's IANA zone, e.g. "Europe/Paris". */
export function viewerZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A `datetime-local` input value (local wall time, seconds precision) for `date`. */
export function toInputValue(date: Date): string {
	return (
		`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
		`T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
	);
}

/**
 * The zoned ISO instant for a `datetime-local` value, read in the viewer's zone; null if empty
 * or invalid. The offset is that of the instant itself, so a time across a DST change is right.
 */
export function inputValueToIso(value: string): string | null {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
	// Without a zone, ECMAScript reads a date-time string as local time: what the input means.
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : formatZonedIso(date);
}

/** The `datetime-local` value showing a stored instant in the viewer's zone ('' if invalid). */
export function isoToInputValue(at: string): string {
	const ms = parseZonedIso(at);
	return ms === null ? '' : toInputValue(new Date(ms));
}

const clock = new Intl.DateTimeFormat(undefined, {
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});
const day = new Intl.DateTimeFormat(undefined, {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric'
});
const dateShort = new Intl.DateTimeFormat(undefined, {
	day: 'numeric',
	month: 'short',
	year: 'numeric'
});

/** "14:02:05" in the viewer's zone, or "time unknown" for an invalid value. */
export function formatClock(at: string): string {
	const ms = parseZonedIso(at);
	return ms === null ? 'time unknown' : clock.format(ms);
}

/** Key of the viewer-local calendar day, to group entries under day headings. */
export function dayKey(at: string): string {
	const ms = parseZonedIso(at);
	if (ms === null) return 'unknown';
	const d = new Date(ms);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "Sun, 1 Mar 2026" for a day heading. */
export function formatDay(at: string): string {
	const ms = parseZonedIso(at);
	return ms === null ? 'No valid time' : day.format(ms);
}

/** Tooltip text: the instant in UTC, plus the writer's own offset when it differs. */
export function utcTitle(at: string): string {
	const ms = parseZonedIso(at);
	if (ms === null) return `Stored as "${at}"`;
	const utc = new Date(ms)
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d+Z$/, ' UTC');
	return /(Z|[+-]00:00)$/.test(at) ? utc : `${utc} (written as ${at})`;
}

/** "3 Mar 2026" for lists. */
export function formatDate(iso: string): string {
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? '' : dateShort.format(ms);
}

/** Short offset label of the viewer's zone now, e.g. "UTC+1". */
export function viewerOffsetLabel(now = new Date()): string {
	const minutes = -now.getTimezoneOffset();
	if (minutes === 0) return 'UTC';
	const sign = minutes > 0 ? '+' : '-';
	const abs = Math.abs(minutes);
	return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
}

/** The current instant as zoned ISO, in the viewer's zone. */
export function formatZonedIsoNow(): string {
	return formatZonedIso(new Date());
}
