import { parseZonedIso } from './time.ts';
import { isHttpUrl } from './fields.ts';
import { isTimelineKind, MAX_TEXT_LENGTH, TimelineKind } from './timeline.ts';

/**
 * "Paste lines": turns alert, chat or log lines into timeline events, for a preview before they
 * are added. Two shapes are understood:
 *
 * - **lines** such as `14:02 alert fired on api p99`, `[2026-03-01 14:02:05 UTC] - resolved`, or
 *   `14:05 mitigation: rolled back 4812 https://deploys/4812`: a time first, then the text; a kind
 *   named as the first word (or `kind:` / `[kind]`) sets the kind; a link at the end becomes the
 *   evidence link.
 * - **CSV** with a header naming `time`, `kind`, `text`, `link` in any order (or headerless rows in
 *   that order): quoted fields, doubled quotes and line breaks inside quotes work.
 *
 * Nothing is dropped silently: every non-blank line that does not become an event is reported with
 * its line number and the reason.
 */

/** Why a line did not become an event. */
export const PasteProblemReason = {
	noTime: 'no-time',
	badTime: 'bad-time',
	unknownKind: 'unknown-kind',
	emptyText: 'empty-text',
	textTooLong: 'text-too-long',
	badLink: 'bad-link',
	badCsv: 'bad-csv'
} as const;
/** One of the problem reasons. */
export type PasteProblemReason = (typeof PasteProblemReason)[keyof typeof PasteProblemReason];

/** A line that will become an event. */
export interface PastedEvent {
	/** 1-based line of the input where it starts. */
	line: number;
	at: string;
	kind: TimelineKind;
	text: string;
	source: string;
}

/** A line that will not, and why. */
export interface PasteProblem {
	line: number;
	raw: string;
	reason: PasteProblemReason;
}

/** What the preview shows. */
export interface PasteResult {
	format: 'lines' | 'csv';
	events: PastedEvent[];
	problems: PasteProblem[];
}

/** How to read times that lack a date or a zone. */
export interface PasteOptions {
	/** Calendar day `YYYY-MM-DD` for lines that give only a clock time. */
	date: string;
	/** Zone of times written without one, in minutes east of UTC. */
	offsetMinutes: number;
	/** Kind of lines that name none. */
	defaultKind?: TimelineKind;
}

/** Words that, as the first word of a line, name its kind. */
const KIND_WORDS: Readonly<Record<string, TimelineKind>> = {
	alert: 'alert',
	alerts: 'alert',
	alerting: 'alert',
	paged: 'alert',
	detection: 'detection',
	detected: 'detection',
	action: 'action',
	communication: 'communication',
	comms: 'communication',
	mitigation: 'mitigation',
	mitigated: 'mitigation',
	resolution: 'resolution',
	resolved: 'resolution',
	note: 'note'
};

type Clock = { h: number; m: number; s: number };
type ParsedTime =
	| { type: 'full'; date: string; clock: Clock; zone: string | null }
	| { type: 'clock'; clock: Clock; zone: string | null };

const DATE = String.raw`(\d{4}-\d{2}-\d{2})[T ]`;
const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:\s*([AaPp][Mm]))?`;
const ZONE = String.raw`(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?`;
const TIME_AT_START = new RegExp(String.raw`^\[?(?:${DATE})?${CLOCK}${ZONE}\]?(?=$|[\s,|:\-–—\]])`);
const TIME_ALONE = new RegExp(String.raw`^(?:${DATE})?${CLOCK}${ZONE}$`);

const pad = (n: number): string => String(n).padStart(2, '0');

function offsetLabel(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function zoneLabel(zone: string | null, fallback: number): string {
	if (zone === null) return offsetLabel(fallback);
	if (/^(Z|UTC|GMT)$/i.test(zone)) return 'Z';
	const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
	return m ? `${m[1]}${m[2]}:${m[3]}` : offsetLabel(fallback);
}

/** Reads the match groups of TIME_AT_START / TIME_ALONE; null when the clock is impossible. */
function readTime(m: RegExpExecArray): ParsedTime | null {
	let h = Number(m[2]);
	const min = Number(m[3]);
	const s = m[4] ? Number(m[4]) : 0;
	const ampm = m[5]?.toLowerCase();
	if (ampm) {
		if (h < 1 || h > 12) return null;
		h = (h % 12) + (ampm === 'pm' ? 12 : 0);
	}
	if (h > 23 || min > 59 || s > 59) return null;
	const clock = { h, m: min, s };
	const zone = m[6] ?? null;
	return m[1] ? { type: 'full', date: m[1], clock, zone } : { type: 'clock', clock, zone };
}

/** Turns clock-only times into instants, rolling to the next day when the clock wraps. */
class Calendar {
	#date: string;
	#lastSeconds: number | null = null;
	constructor(
		date: string,
		readonly offset: number
	) {
		this.#date = date;
	}

	/** The zoned ISO for `t`, or null when the date does not exist. */
	toIso(t: ParsedTime): string | null {
		const { h, m, s } = t.clock;
		const seconds = h * 3600 + m * 60 + s;
		if (t.type === 'full') {
			// A dated line sets the day for the clock-only lines after it.
			this.#date = t.date;
		} else if (this.#lastSeconds !== null && this.#lastSeconds - seconds > 12 * 3600) {
			// Lines are read in order: a clock more than 12 h before the previous one has
			// crossed midnight (23:58, then 00:03); a smaller step back is just out of order.
			this.#date = nextDay(this.#date);
		}
		this.#lastSeconds = seconds;
		const date = this.#date;
		const iso = `${date}T${pad(h)}:${pad(m)}:${pad(s)}${zoneLabel(t.zone, this.offset)}`;
		return parseZonedIso(iso) === null ? null : iso;
	}
}

function nextDay(date: string): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/**
 * Splits a kind off the front of the text: a label (`alert: x`, `[alert] x`, `comms | x`) is
 * removed; a kind word that starts a sentence (`alert fired`) sets the kind and stays in the text.
 */
function splitKind(text: string): { kind: TimelineKind | null; text: string } {
	const labelled = /^(?:\[(\w+)\]|\((\w+)\)|(\w+)\s*(?::|\||[-–—]\s))\s*/.exec(text);
	const label = (labelled?.[1] ?? labelled?.[2] ?? labelled?.[3])?.toLowerCase();
	if (labelled && label && KIND_WORDS[label]) {
		return { kind: KIND_WORDS[label], text: text.slice(labelled[0].length) };
	}
	const first = /^(\w+)/.exec(text)?.[1]?.toLowerCase();
	return { kind: (first && KIND_WORDS[first]) || null, text };
}

/** Takes a trailing http(s) link off the text as the evidence link. */
function splitLink(text: string): { text: string; source: string } {
	const m = /\s*[(<]?(https?:\/\/\S+?)[)>]?$/.exec(text);
	if (!m || !m[1]) return { text, source: '' };
	const rest = text.slice(0, m.index).replace(/[\s\-–—|:]+$/, '');
	return rest === '' ? { text, source: '' } : { text: rest, source: m[1] };
}

function checkEvent(
	e: Omit<PastedEvent, 'line'>,
	line: number,
	raw: string
): PastedEvent | PasteProblem {
	if (e.text.trim() === '') return { line, raw, reason: PasteProblemReason.emptyText };
	if (e.text.length > MAX_TEXT_LENGTH) return { line, raw, reason: PasteProblemReason.textTooLong };
	if (e.source !== '' && !isHttpUrl(e.source)) {
		return { line, raw, reason: PasteProblemReason.badLink };
	}
	return { line, ...e, text: e.text.trim() };
}

function parseLine(
	raw: string,
	line: number,
	cal: Calendar,
	def: TimelineKind
): PastedEvent | PasteProblem {
	const body = raw.trim().replace(/^(?:[-*•]\s+)/, '');
	const m = TIME_AT_START.exec(body);
	if (!m) {
		// Something time-like that is not a valid time is a typo, not a line without a time.
		const looksTimed = /^\[?(\d{4}-\d{2}-\d{2}[T ])?\d{1,2}:\d{2}/.test(body);
		return {
			line,
			raw,
			reason: looksTimed ? PasteProblemReason.badTime : PasteProblemReason.noTime
		};
	}
	const t = readTime(m);
	const at = t ? cal.toIso(t) : null;
	if (!at) return { line, raw, reason: PasteProblemReason.badTime };
	const afterTime = body.slice(m[0].length).replace(/^[\s,|:\-–—]+/, '');
	const { kind, text: withLink } = splitKind(afterTime);
	const { text, source } = splitLink(withLink);
	return checkEvent({ at, kind: kind ?? def, text, source }, line, raw);
}

/** Splits CSV into records of fields, each with the line it starts on. */
function csvRecords(input: string): {
	records: { line: number; fields: string[]; raw: string }[];
	unclosedAt: number | null;
} {
	const records: { line: number; fields: string[]; raw: string }[] = [];
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let start = 1;
	let startIndex = 0;
	for (let i = 0; i < input.length; i++) {
		const c = input[i]!;
		if (quoted) {
			if (c === '"' && input[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else {
				if (c === '\n') line++;
				field += c;
			}
			continue;
		}
		if (c === '"' && field.trim() === '') {
			quoted = true;
			field = '';
		} else if (c === ',') {
			fields.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && input[i + 1] === '\n') i++;
			fields.push(field);
			records.push({ line: start, fields, raw: input.slice(startIndex, i).replace(/\r$/, '') });
			fields = [];
			field = '';
			line++;
			start = line;
			startIndex = i + 1;
		} else field += c;
	}
	if (quoted) return { records, unclosedAt: start };
	fields.push(field);
	records.push({ line: start, fields, raw: input.slice(startIndex) });
	return { records, unclosedAt: null };
}

const HEADER_NAMES: Readonly<Record<string, 'time' | 'kind' | 'text' | 'link'>> = {
	time: 'time',
	at: 'time',
	timestamp: 'time',
	when: 'time',
	kind: 'kind',
	type: 'kind',
	text: 'text',
	what: 'text',
	description: 'text',
	event: 'text',
	link: 'link',
	source: 'link',
	url: 'link',
	evidence: 'link'
};

/** Column positions from a header row, or null when the row is not a header. */
function readHeader(
	fields: string[]
): Partial<Record<'time' | 'kind' | 'text' | 'link', number>> | null {
	const cols: Partial<Record<'time' | 'kind' | 'text' | 'link', number>> = {};
	fields.forEach((f, i) => {
		const name = HEADER_NAMES[f.trim().toLowerCase()];
		if (name && cols[name] === undefined) cols[name] = i;
	});
	return cols.time !== undefined && cols.text !== undefined ? cols : null;
}

const DEFAULT_COLUMNS = { time: 0, kind: 1, text: 2, link: 3 };

/** True when the input looks like CSV: a header row, or rows of `time,kind,text[,link]`. */
function looksLikeCsv(firstLine: string): boolean {
	const { records } = csvRecords(firstLine);
	const fields = records[0]?.fields ?? [];
	if (readHeader(fields)) return true;
	return (
		fields.length >= 3 &&
		TIME_ALONE.test((fields[0] ?? '').trim()) &&
		isTimelineKind((fields[1] ?? '').trim().toLowerCase())
	);
}

function parseCsv(input: string, cal: Calendar, def: TimelineKind): PasteResult {
	const { records, unclosedAt } = csvRecords(input);
	const events: PastedEvent[] = [];
	const problems: PasteProblem[] = [];
	let cols: Partial<Record<'time' | 'kind' | 'text' | 'link', number>> = DEFAULT_COLUMNS;
	records.forEach((r, index) => {
		if (r.fields.every((f) => f.trim() === '')) return;
		if (index === 0 || (events.length === 0 && problems.length === 0)) {
			const header = readHeader(r.fields);
			if (header) {
				cols = header;
				return;
			}
		}
		const get = (k: 'time' | 'kind' | 'text' | 'link'): string =>
			cols[k] === undefined ? '' : (r.fields[cols[k]] ?? '').trim();
		const m = TIME_ALONE.exec(get('time'));
		const t = m ? readTime(m) : null;
		const at = t ? cal.toIso(t) : null;
		if (!at) {
			const reason = get('time') === '' ? PasteProblemReason.noTime : PasteProblemReason.badTime;
			problems.push({ line: r.line, raw: r.raw, reason });
			return;
		}
		const kindRaw = get('kind').toLowerCase();
		const kind = kindRaw === '' ? def : (KIND_WORDS[kindRaw] ?? null);
		if (!kind) {
			problems.push({ line: r.line, raw: r.raw, reason: PasteProblemReason.unknownKind });
			return;
		}
		const checked = checkEvent({ at, kind, text: get('text'), source: get('link') }, r.line, r.raw);
		if ('reason' in checked) problems.push(checked);
		else events.push(checked);
	});
	if (unclosedAt !== null) {
		problems.push({
			line: unclosedAt,
			raw: input
				.split(/\r?\n/)
				.slice(unclosedAt - 1)
				.join('\n'),
			reason: PasteProblemReason.badCsv
		});
	}
	return { format: 'csv', events, problems };
}

/** Parses pasted text into events and problems, in input order. Never throws. */
export function parsePastedLines(input: string, options: PasteOptions): PasteResult {
	const def = options.defaultKind ?? TimelineKind.note;
	const cal = new Calendar(options.date, options.offsetMinutes);
	const lines = input.split(/\r?\n/);
	const first = lines.find((l) => l.trim() !== '') ?? '';
	if (looksLikeCsv(first)) return parseCsv(input, cal, def);
	const events: PastedEvent[] = [];
	const problems: PasteProblem[] = [];
	lines.forEach((raw, i) => {
		if (raw.trim() === '') return;
		const r = parseLine(raw, i + 1, cal, def);
		if ('reason' in r) problems.push(r);
		else events.push(r);
	});
	return { format: 'lines', events, problems };
}
