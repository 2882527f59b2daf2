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
	/**
	 * The word is written like a name in code: parts joined by - _ . or / with digits ("db-03")
	 * or without a capital after the first letter ("cert-manager", "billing_rw").
	 */
	ident: boolean;
}

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
	if (text.includes('\n')) {
		let lineStart = 0;
		for (const line of text.split('\n')) {
			if (LOG_LINE.test(line)) ranges.push([lineStart, lineStart + line.length]);
			lineStart += line.length + 1;
		}
	} else if (LOG_LINE.test(text)) {
		ranges.push([0, text.length]);
	}
	if (text.includes('http')) {
		for (const m of text.matchAll(URL)) ranges.push([m.index, m.index + m[0].length]);
	}
	pairRanges(text, ranges);
	return ranges.length > 1 ? mergeRanges(ranges) : ranges;
}

/** Backticks, straight and curly double quotes, and single quotes that are not apostrophes. */
function pairRanges(text: string, out: Array<[number, number]>): void {
	QUOTE_CHARS.lastIndex = 0;
	for (let m = QUOTE_CHARS.exec(text); m; m = QUOTE_CHARS.exec(text)) {
		const i = m.index;
		const close = closerFor(text, i);
		if (close === null) continue;
		const end = findCloser(text, i + 1, text[i]!, close);
		if (end === -1) continue;
		out.push([i, end + 1]);
		QUOTE_CHARS.lastIndex = end + 1;
	}
}
const QUOTE_CHARS = /[`"“'‘]/g;

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

const NO_TITLES: ReadonlySet<string> = new Set();

/**
 * Splits `text` into tokens, skipping quoted ranges (each leaves a clause break behind). The full
 * stop after one of `titles` ("Ms. Lindqvist") is left out: it ends no sentence.
 */
export function tokenize(text: string, titles: ReadonlySet<string> = NO_TITLES): Token[] {
	const tokens: Token[] = [];
	let from = 0;
	for (const [qs, qe] of quotedRanges(text)) {
		wordsIn(text, from, qs, tokens, titles);
		tokens.push({
			text: '"',
			start: qs,
			end: qe,
			cap: false,
			punct: true,
			sentenceEnd: false,
			ident: false
		});
		from = qe;
	}
	wordsIn(text, from, text.length, tokens, titles);
	return tokens;
}

/** Letters and digits; non-ASCII letters (é, ß, 名) through a Unicode test, which is rare. */
function isWordCode(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	return LETTER.test(text[i]!);
}
const LETTER = /[\p{L}\p{N}]/u;

/** Characters that join two runs of letters into one word: don't, on-call, 14:02, v4.12. */
function isJoinerCode(c: number): boolean {
	// ' ’ _ . : / @ -
	return (
		c === 39 || c === 0x2019 || c === 95 || c === 46 || c === 58 || c === 47 || c === 64 || c === 45
	);
}
// `=` is a mark so "cause = Tomás" can be matched; it never joins words ("level=warn" is two).
const MARKS = new Set(['.', ',', ';', ':', '=', '!', '?', '(', ')', '\u2014', '\u2013', '\n']);
const SPACE = /\s/;

/** Words and punctuation between `from` and `to`, by hand: this runs on every keystroke pause. */
function wordsIn(
	text: string,
	from: number,
	to: number,
	out: Token[],
	titles: ReadonlySet<string>
): void {
	let i = from;
	while (i < to) {
		if (isWordCode(text, i)) {
			let e = i + 1;
			let joined = false;
			for (;;) {
				while (e < to && isWordCode(text, e)) e++;
				// A joiner counts only between two letters: "on-call" but not "up -" or "end.".
				if (e + 1 < to && isJoinerCode(text.charCodeAt(e)) && isWordCode(text, e + 1)) {
					e += 2;
					joined = true;
					continue;
				}
				break;
			}
			pushWord(text.slice(i, e), i, out, joined);
			i = e;
			continue;
		}
		const ch = text[i]!;
		if (ch === '.' && titles.size > 0 && afterTitle(out, i, titles)) {
			i++;
			continue;
		}
		if (
			MARKS.has(ch) ||
			(ch === '-' && SPACE.test(text[i - 1] ?? '') && SPACE.test(text[i + 1] ?? ''))
		) {
			const sentenceEnd = SENTENCE_END.has(ch);
			out.push({
				text: ch,
				start: i,
				end: i + 1,
				cap: false,
				punct: true,
				sentenceEnd,
				ident: false
			});
		}
		i++;
	}
}

/** The full stop at `i` closes a title written just before it ("Dr." in "Dr. Chen"). */
function afterTitle(out: readonly Token[], i: number, titles: ReadonlySet<string>): boolean {
	const last = out.at(-1);
	return !!last && last.end === i && last.cap && !last.punct && titles.has(last.text);
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

/**
 * Contractions typed without the apostrophe ("didnt", "shouldve", "whos"), read like the written
 * ones: [base, expansion, length of the base in the written word]. Only forms that are not also
 * common words ("its", "well", "hell", "shed" stay as they are).
 */
const BARE = new Map<string, readonly [string, string, number]>(
	Object.entries({
		didnt: ['did', 'not', 3],
		doesnt: ['does', 'not', 4],
		dont: ['do', 'not', 2],
		wasnt: ['was', 'not', 3],
		werent: ['were', 'not', 4],
		isnt: ['is', 'not', 2],
		arent: ['are', 'not', 3],
		havent: ['have', 'not', 4],
		hasnt: ['has', 'not', 3],
		hadnt: ['had', 'not', 3],
		shouldnt: ['should', 'not', 6],
		wouldnt: ['would', 'not', 5],
		couldnt: ['could', 'not', 5],
		mustnt: ['must', 'not', 4],
		cant: ['can', 'not', 3],
		wont: ['will', 'not', 3],
		shouldve: ['should', 'have', 6],
		wouldve: ['would', 'have', 5],
		couldve: ['could', 'have', 5],
		mustve: ['must', 'have', 4],
		whos: ['who', "'s", 3],
		thats: ['that', "'s", 4],
		shoulda: ['should', 'have', 6],
		woulda: ['would', 'have', 5],
		coulda: ['could', 'have', 5],
		musta: ['must', 'have', 4]
	} as const)
);

/**
 * "because" typed fast ("bc of Sam's push", "b/c", "cuz"): read as the word, so the rules and
 * conditions that know "because" (a cause, an explanation) know these too.
 */
const BECAUSE = new Set(['bc', 'b/c', 'bcuz', 'bcoz', 'bcos', 'cuz', 'coz']);

function word(text: string, start: number, end: number, cap: boolean, ident = false): Token {
	return { text, start, end, cap, punct: false, sentenceEnd: false, ident };
}

/**
 * A word of joined parts (`joined`) written like a name in code: with digits ("db-03", "v4.12")
 * or no capital after the first letter ("cert-manager", "Cert-manager", not "Jean-Luc").
 */
function isIdent(raw: string): boolean {
	let letters = false;
	let digits = false;
	let capitalInside = false;
	for (let k = 0; k < raw.length; k++) {
		const c = raw.charCodeAt(k);
		if (c >= 48 && c <= 57) digits = true;
		else if (c !== 45 && c !== 95 && c !== 46 && c !== 47 && c !== 58) {
			letters = true;
			if (k > 0 && c >= 65 && c <= 90) capitalInside = true;
		}
	}
	return letters && (digits || !capitalInside);
}

/** One written word, expanded: "didn't" -> did + not, "should've" -> should + have. */
function pushWord(written: string, start: number, out: Token[], joined: boolean): void {
	const raw = written.includes('’') ? written.replace(/’/g, "'") : written;
	const lower = raw.toLowerCase();
	const code = raw.charCodeAt(0);
	const cap = code < 128 ? code >= 65 && code <= 90 : UPPER.test(raw);
	const n = raw.length;
	if (n > 3 && lower.endsWith("n't")) {
		const base = lower.slice(0, -3);
		out.push(word(NOT_BASES[base] ?? base, start, start + n - 3, cap));
		out.push(word('not', start + n - 3, start + n, false));
		return;
	}
	if (n <= 4 && BECAUSE.has(lower)) {
		out.push(word('because', start, start + n, cap));
		return;
	}
	// Every such form is 4 to 8 letters and ends in t, e, s or a: most words skip the lookup.
	const lastCode = lower.charCodeAt(n - 1);
	const bare =
		n >= 4 &&
		n <= 8 &&
		(lastCode === 116 || lastCode === 101 || lastCode === 115 || lastCode === 97)
			? BARE.get(lower)
			: undefined;
	if (bare) {
		out.push(word(bare[0], start, start + bare[2], cap));
		out.push(word(bare[1], start + bare[2], start + n, false));
		return;
	}
	const apos = lower.lastIndexOf("'");
	if (apos > 0) {
		const suffix = SUFFIXES[lower.slice(apos)];
		if (suffix) {
			out.push(word(lower.slice(0, apos), start, start + apos, cap));
			out.push(word(suffix, start + apos, start + n, false));
			return;
		}
	}
	out.push(word(lower, start, start + n, cap, joined && isIdent(raw)));
}
