import type { CompiledLanguage } from './compile.ts';
import type { Token } from './tokenize.ts';

/** Lower-cased parts of the names a board knows ("Sam Ortiz" -> sam, ortiz). */
export type NameSet = ReadonlySet<string>;

/** `w` is in `words`; a number matches the entry `#` ("if only 2 replicas are left"). */
export function hasWord(words: ReadonlySet<string>, w: string): boolean {
	if (words.has(w)) return true;
	const c = w.charCodeAt(0);
	return c >= 48 && c <= 57 && words.has('#');
}

/** Builds the set of name parts; parts shorter than two letters are ignored. */
export function nameSet(names: readonly string[]): NameSet {
	const out = new Set<string>();
	for (const name of names) {
		for (const part of name.toLowerCase().split(/[\s,]+/)) {
			const p = part.replace(/^@/, '');
			if (p.length >= 2) out.add(p);
		}
	}
	return out;
}

/**
 * One text being checked: its tokens, the language and the names, plus the small questions the
 * rules ask about a position (is this a name? where does the sentence end?).
 */
export class Context {
	readonly tokens: readonly Token[];
	readonly lang: CompiledLanguage;
	readonly #names: NameSet;
	/** Index of the first token of each token's sentence, and one past its last. */
	readonly #sentStart: Int32Array;
	readonly #sentEnd: Int32Array;

	constructor(tokens: readonly Token[], lang: CompiledLanguage, names: NameSet) {
		this.tokens = tokens;
		this.lang = lang;
		this.#names = names;
		const n = tokens.length;
		this.#sentStart = new Int32Array(n);
		this.#sentEnd = new Int32Array(n);
		let start = 0;
		for (let i = 0; i < n; i++) {
			this.#sentStart[i] = start;
			if (tokens[i]!.sentenceEnd) {
				for (let k = start; k <= i; k++) this.#sentEnd[k] = i + 1;
				start = i + 1;
			}
		}
		for (let k = start; k < n; k++) this.#sentEnd[k] = n;
	}

	/** The word at `i`, or null past the ends and for punctuation. */
	word(i: number): string | null {
		const t = this.tokens[i];
		return t && !t.punct ? t.text : null;
	}

	sentenceStart(i: number): number {
		return this.#sentStart[i] ?? 0;
	}

	sentenceEnd(i: number): number {
		return this.#sentEnd[i] ?? this.tokens.length;
	}

	/** A word starts its sentence (or follows a quote or bracket at its start). */
	isSentenceInitial(i: number): boolean {
		return i === this.sentenceStart(i);
	}

	/** First token of the clause holding `i`: after punctuation or a clause word. */
	clauseStart(i: number): number {
		let s = i;
		while (s > 0) {
			const prev = this.word(s - 1);
			if (prev === null || this.lang.clauseWords.has(prev)) break;
			s--;
		}
		return s;
	}

	/**
	 * A known name at `i`. Names that are also common words ("Will") count only when capitalised,
	 * and at the start of a sentence only when not followed by a pronoun ("Will you check?").
	 */
	isName(i: number): boolean {
		const w = this.word(i);
		if (w === null || !this.#names.has(w)) return false;
		if (!this.lang.ambiguousNames.has(w)) return true;
		if (!this.tokens[i]!.cap) return false;
		if (!this.isSentenceInitial(i)) return true;
		const next = this.word(i + 1);
		return next === null || !(this.isPronoun(next) || this.lang.determiners.has(next));
	}

	isPronoun(w: string): boolean {
		const l = this.lang;
		return (
			l.personPronouns.has(w) ||
			l.pluralPronouns.has(w) ||
			l.selfPronouns.has(w) ||
			l.indefinitePersons.has(w) ||
			l.systemPronouns.has(w)
		);
	}

	/** End (exclusive) of a role noun at `i` ("engineer", "on call"), or -1. */
	personNounAt(i: number): number {
		const w = this.word(i);
		if (w === null) return -1;
		const next = this.word(i + 1);
		if (next !== null && this.lang.personPairs.has(`${w} ${next}`)) return i + 2;
		return this.lang.personNouns.has(w) ? i + 1 : -1;
	}

	isSystemNoun(w: string): boolean {
		const s = this.lang.systemNouns;
		return (
			s.has(w) ||
			(w.endsWith('s') && s.has(w.slice(0, -1))) ||
			(w.endsWith('es') && s.has(w.slice(0, -2)))
		);
	}

	/**
	 * End (exclusive) of a person phrase starting at `i`, or -1: known names ("Sam Ortiz"), a
	 * pronoun for people, or a role with up to two words before it ("the new on-call engineer").
	 */
	personPhraseAt(i: number): number {
		if (this.isName(i)) {
			let e = i + 1;
			while (this.isName(e)) e++;
			return e;
		}
		const w = this.word(i);
		if (w === null) return -1;
		const l = this.lang;
		if (
			l.personPronouns.has(w) ||
			l.pluralPronouns.has(w) ||
			l.selfPronouns.has(w) ||
			l.indefinitePersons.has(w)
		) {
			return i + 1;
		}
		// "no one" is a person, though "no" is also a determiner.
		const first = l.determiners.has(w) && this.personNounAt(i) < 0 ? i + 1 : i;
		for (let p = first; p < first + 3; p++) {
			if (this.word(p) === null) return -1;
			let e = this.personNounAt(p);
			if (e < 0) continue;
			for (let more = this.personNounAt(e); more > 0; more = this.personNounAt(e)) e = more;
			return e;
		}
		return -1;
	}

	/**
	 * End (exclusive) of one particular person at `i`, or -1: a known name, he/she, or a person
	 * phrase in the possessive ("the intern's", "someone's"), not a bare role or I/we.
	 */
	namedPersonAt(i: number): number {
		const w = this.word(i);
		if (w === null || this.lang.selfPronouns.has(w)) return -1;
		if (this.lang.personPronouns.has(w)) return i + 1;
		const e = this.personPhraseAt(i);
		if (e < 0 || this.isName(i)) return e;
		return this.word(e) === "'s" ? e : -1;
	}

	/** The sentence holding `i` says something happened in the past (hindsight's ground). */
	sentenceIsPast(i: number): boolean {
		for (let k = this.sentenceStart(i); k < this.sentenceEnd(i); k++) {
			const w = this.word(k);
			if (w !== null && (this.lang.pastMarkers.has(w) || (w.length > 4 && w.endsWith('ed')))) {
				return true;
			}
		}
		return false;
	}

	/** Some word from `words` comes after `from` in the same sentence. */
	laterInSentence(from: number, words: ReadonlySet<string>): boolean {
		for (let k = from; k < this.sentenceEnd(Math.max(0, from - 1)); k++) {
			const w = this.word(k);
			if (w !== null && hasWord(words, w)) return true;
		}
		return false;
	}

	/** Some word from `words` is among the next three words after `from` (same clause). */
	nextWordsInclude(from: number, words: ReadonlySet<string>): boolean {
		for (let k = from; k < from + 3; k++) {
			const w = this.word(k);
			if (w === null) return false;
			if (hasWord(words, w)) return true;
		}
		return false;
	}
}
