/**
 * Words of a text with their offsets, ready for rules: lower-cased, contractions expanded
 * ("didn't" -> did + not, "Sam's" -> sam + 's), and quoted material left out. What people quote
 * (log lines, alert titles, a customer's email) is evidence, not the board's own voice, so a
 * `failed to` inside backticks or quotes, or a pasted log line, is never a finding.
 */

/** A word or a punctuation mark. Quoted spans become one `quote` break. */
export interface Token {
	/** Lower-cased word ('did', 'not', "'s") or the punctuation mark itself. */
	text: string;
	start: number;
	end: number;
	/** The word was written with a capital first letter. */
	cap: boolean;
	/** Punctuation or a quoted span: ends a clause. */
	punct: boolean;
	/** Ends a sentence (. ! ? ; or a line break). */
	sentenceEnd: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’_.:/@-][\p{L}\p{N}]+)*|[.,;:!?()\u2014\u2013\n]|(?<=\s)-(?=\s)/gu;
const SENTENCE_END = new Set(['.', '!', '?', ';', '\n']);
const UPPER = /^\p{Lu}/u;

/**
 * A pasted log line: a level word in capitals near the start, optionally after a timestamp
 * (`14:03:22 ERROR ...`, `[WARN] ...`), klog's `E0302 14:05:11`, logfmt's `level=`, or a shell
 * or quote prefix. Level words are matched in capitals only, so "Error rate rose" is prose.
 */
const LOG_LINE =
	/^\s*(?:[>$]\s|(?:\S*\d[\d:.TZ+-]*\s+)?\[?(?:ERROR|ERR|WARN|WARNING|INFO|DEBUG|FATAL|CRIT|CRITICAL|TRACE|PANIC)\]?[\s:]|[EWIF]\d{4}\s+\d|.*\blevel=\w)/;
const URL = /\bhttps?:\/\/\S+/g;

/** Offsets [start, end) of the parts of `text` that are quoted, pasted logs or links. */
export function quotedRanges(text: string): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	let lineStart = 0;
	for (const line of text.split('\n')) {
		if (LOG_LINE.test(line)) ranges.push([lineStart, lineStart + line.length]);
		lineStart += line.length + 1;
	}
	for (const m of text.matchAll(URL)) ranges.push([m.index, m.index + m[0].length]);
	pairRanges(text, ranges);
	return mergeRanges(ranges);
}

/** Backticks, straight and curly double quotes, and single quotes that are not apostrophes. */
function pairRanges(text: string, out: Array<[number, number]>): void {
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		const close = closerFor(text, i);
		if (close !== null) {
			const end = findCloser(text, i + 1, c!, close);
			if (end !== -1) {
				out.push([i, end + 1]);
				i = end + 1;
				continue;
			}
		}
		i++;
	}
}

function closerFor(text: string, i: number): string | null {
	const c = text[i];
	if (c === '`' || c === '"') return c;
	if (c === '“') return '”';
	if (c === "'" || c === '‘') {
		// An apostrophe follows a letter ("Sam's", "devs'"); an opening quote does not.
		const before = i > 0 ? text[i - 1]! : ' ';
		const after = text[i + 1] ?? ' ';
		if (/[\p{L}\p{N}]/u.test(before) || !/[\p{L}\p{N}]/u.test(after)) return null;
		return c === '‘' ? '’' : "'";
	}
	return null;
}

function findCloser(text: string, from: number, open: string, close: string): number {
	for (let j = from; j < text.length; j++) {
		const c = text[j];
		// Quotes close on their line; an unmatched one quotes nothing.
		if (c === '\n') return -1;
		if (c === close || (close === '’' && c === "'")) {
			if (open === "'" || open === '‘') {
				// A closing single quote is not followed by a letter ("it's" inside is fine).
				const after = text[j + 1] ?? ' ';
				if (/[\p{L}\p{N}]/u.test(after)) continue;
			}
			return j;
		}
	}
	return -1;
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
	ranges.sort((a, b) => a[0] - b[0]);
	const out: Array<[number, number]> = [];
	for (const r of ranges) {
		const last = out.at(-1);
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else out.push([r[0], r[1]]);
	}
	return out;
}

/** Splits `text` into tokens, skipping quoted ranges (each leaves a clause break behind). */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let from = 0;
	for (const [qs, qe] of quotedRanges(text)) {
		wordsIn(text, from, qs, tokens);
		tokens.push({ text: '"', start: qs, end: qe, cap: false, punct: true, sentenceEnd: false });
		from = qe;
	}
	wordsIn(text, from, text.length, tokens);
	return tokens;
}

function wordsIn(text: string, from: number, to: number, out: Token[]): void {
	if (from >= to) return;
	const part = text.slice(from, to);
	for (const m of part.matchAll(WORD)) {
		const raw = m[0];
		const start = from + m.index;
		if (raw.length === 1 && !/[\p{L}\p{N}]/u.test(raw)) {
			out.push({
				text: raw,
				start,
				end: start + 1,
				cap: false,
				punct: true,
				sentenceEnd: SENTENCE_END.has(raw)
			});
			continue;
		}
		pushWord(raw.replace(/’/g, "'"), start, out);
	}
}

const NOT_BASES: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };
const SUFFIXES: Record<string, string> = {
	"'ve": 'have',
	"'re": 'are',
	"'ll": 'will',
	"'m": 'am',
	"'d": "'d",
	"'s": "'s"
};

/** One written word, expanded: "didn't" -> did + not, "should've" -> should + have. */
function pushWord(raw: string, start: number, out: Token[]): void {
	const lower = raw.toLowerCase();
	const cap = UPPER.test(raw);
	const word = (text: string, s: number, e: number, capital: boolean): Token => ({
		text,
		start: start + s,
		end: start + e,
		cap: capital,
		punct: false,
		sentenceEnd: false
	});
	if (lower.endsWith("n't") && lower.length > 3) {
		const base = lower.slice(0, -3);
		out.push(word(NOT_BASES[base] ?? base, 0, raw.length - 3, cap));
		out.push(word('not', raw.length - 3, raw.length, false));
		return;
	}
	const apos = lower.lastIndexOf("'");
	if (apos > 0) {
		const suffix = SUFFIXES[lower.slice(apos)];
		if (suffix) {
			out.push(word(lower.slice(0, apos), 0, apos, cap));
			out.push(word(suffix, apos, raw.length, false));
			return;
		}
	}
	out.push(word(lower, 0, raw.length, cap));
}
