/**
 * ISO-8601 date-time with an explicit zone: `Z` or `±hh:mm`. A bare local time such as
 * `2026-03-01T14:02` would mean a different instant for every reader, so the model refuses it.
 */
const ISO_WITH_ZONE =
	/^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Recent answers of `parseZonedIso`: a timeline of thousands of events asks for the same few
 * thousand strings on every change (sort, day headings, impact times, duplicates). Bounded: it is
 * emptied when full, which costs one round of re-parsing.
 */
const parsed = new Map<string, number | null>();
const PARSED_MAX = 20_000;

/** Epoch milliseconds of an ISO-8601 date-time with zone, or `null` when it is not one. */
export function parseZonedIso(value: string): number | null {
	const known = parsed.get(value);
	if (known !== undefined) return known;
	const ms = parseUncached(value);
	if (parsed.size >= PARSED_MAX) parsed.clear();
	parsed.set(value, ms);
	return ms;
}

function parseUncached(value: string): number | null {
	const m = ISO_WITH_ZONE.exec(value);
	if (!m) return null;
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) return null;
	// Date.parse rolls 2026-02-31 over to March 3rd; a day that does not exist is a typo, refuse it.
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const probe = new Date(Date.UTC(y, mo - 1, d));
	if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
	return ms;
}

const pad = (n: number, width = 2): string => String(Math.trunc(n)).padStart(width, '0');

/**
 * Formats `date` as ISO-8601 in the zone `offsetMinutes` east of UTC (default: this runtime's
 * zone at that instant), e.g. `2026-03-01T14:02:00+01:00`. Keeping the writer's offset, rather
 * than converting to `Z`, preserves what the clock said for the person who wrote the entry.
 */
export function formatZonedIso(date: Date, offsetMinutes = -date.getTimezoneOffset()): string {
	const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const abs = Math.abs(offsetMinutes);
	return (
		`${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
		`T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
		`${sign}${pad(abs / 60)}:${pad(abs % 60)}`
	);
}
