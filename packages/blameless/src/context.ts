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
		if (w === null) return false;
		if (!this.#names.has(w)) {
			return this.tokens[i]!.cap && (this.isTitle(i - 1) || this.#namedByPronoun(i));
		}
		if (!this.lang.ambiguousNames.has(w)) return true;
		if (!this.tokens[i]!.cap) return false;
		if (!this.isSentenceInitial(i)) return true;
		const next = this.word(i + 1);
		return next === null || !(this.isPronoun(next) || this.lang.determiners.has(next));
	}

	/**
	 * A capitalised word nobody listed, mid-sentence, that the next clause calls he or she: "this
	 * one's on Gerhard, he pushed for the Friday launch". Not a day, a product or a place.
	 */
	#namedByPronoun(i: number): boolean {
		const t = this.tokens[i]!;
		if (t.ident || this.isSentenceInitial(i) || this.tokens[i + 1]?.text !== ',') return false;
		if (!this.lang.personPronouns.has(this.word(i + 2) ?? '')) return false;
		const w = t.text;
		const before = this.word(i - 1);
		if (before === 'in' || before === 'at') return false;
		return !this.isSystemNoun(w) && !this.isPronoun(w) && !this.lang.calendarWords.has(w);
	}

	/** A verb in the past or a past participle: "canaried", "run", "went" (not "need"). */
	isPastForm(i: number): boolean {
		const w = this.word(i);
		if (w === null) return false;
		return (w.length > 4 && w.endsWith('ed')) || this.lang.pastForms.has(w);
	}

	/** A title before a surname ("Ms.", "Dr"), written with its capital. */
	isTitle(i: number): boolean {
		const t = this.tokens[i];
		return !!t && t.cap && !t.punct && this.lang.titles.has(t.text);
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
		if (!this.lang.personNouns.has(w)) return -1;
		return this.isSoftwareRole(i) ? -1 : i + 1;
	}

	isSystemNoun(w: string): boolean {
		const s = this.lang.systemNouns;
		return (
			s.has(w) ||
			(w.endsWith('s') && s.has(w.slice(0, -1))) ||
			(w.endsWith('es') && s.has(w.slice(0, -2)))
		);
	}

	/** A system noun at `i`, or a role that names software here ("the Strimzi operator"). */
	isSystemAt(i: number): boolean {
		const w = this.word(i);
		return w !== null && (this.isSystemNoun(w) || this.isSoftwareRole(i));
	}

	/**
	 * A role that is also software, read as software: after a system noun ("the k8s operator"),
	 * a name written like code, or a capitalised product name mid-sentence ("CloudNativePG"), here
	 * or anywhere in the sentence ("Operator errors filled the log of the Strimzi operator").
	 */
	isSoftwareRole(i: number): boolean {
		const w = this.word(i);
		if (w === null || !this.lang.softwareRoles.has(w)) return false;
		for (let k = this.sentenceStart(i); k < this.sentenceEnd(i); k++) {
			if (this.lang.softwareRoles.has(this.word(k) ?? '') && this.#softwareHere(k)) return true;
		}
		return false;
	}

	#softwareHere(i: number): boolean {
		const before = this.tokens[i - 1];
		if (!before || before.punct || this.lang.personNouns.has(before.text)) return false;
		if (this.isSystemNoun(before.text) || before.ident) return true;
		return before.cap && !this.isSentenceInitial(i - 1) && !this.isName(i - 1);
	}

	/**
	 * End (exclusive) of a person phrase starting at `i`, or -1: known names ("Sam Ortiz"), a
	 * pronoun for people, or a role with up to two words before it ("the new on-call engineer").
	 */
	personPhraseAt(i: number): number {
		if (this.isName(i) || (this.isTitle(i) && this.isName(i + 1))) {
			let e = i + 1;
			while (this.isName(e)) e++;
			return e;
		}
		const w = this.word(i);
		if (w === null) return -1;
		if (this.isOwnerOfChoice(i)) return i + 1;
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
			// "by the on-call bot", "the support tool": a role naming the system after it. Not
			// when an object follows: in "didn't the on-call check the lag", check is the verb.
			const after = this.word(e);
			if (after === null || !this.isSystemNoun(after)) return e;
			const object = this.word(e + 1) ?? '';
			return l.determiners.has(object) || this.isPronoun(object) ? e : -1;
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
		if (e < 0 || this.isName(i) || this.isTitle(i)) return e;
		return this.word(e) === "'s" ? e : -1;
	}

	/**
	 * A capitalised word nobody listed, mid-sentence, owning a choice: "caused by Teodora's
	 * decision". Names come from the board, but a director mentioned once is not on it.
	 */
	isOwnerOfChoice(i: number): boolean {
		const t = this.tokens[i];
		if (!t || t.punct || !t.cap || t.ident || this.isSentenceInitial(i)) return false;
		if (this.word(i + 1) !== "'s" || !this.lang.choiceNouns.has(this.word(i + 2) ?? '')) {
			return false;
		}
		const w = t.text;
		return !this.isSystemNoun(w) && !this.isPronoun(w) && !this.lang.calendarWords.has(w);
	}

	/**
	 * A safeguard is being planned around token `i`: a guard word among the four words before it
	 * in its clause ("reduce the chance of operator mistakes"), or the sentence is an action item
	 * ("AI: add a confirm step", "TODO make ...").
	 */
	isPlanned(i: number): boolean {
		const l = this.lang;
		for (let k = i - 1; k >= i - 4; k--) {
			const w = this.word(k);
			if (w === null || l.clauseWords.has(w)) break;
			if (l.guardWords.has(w)) return true;
		}
		let k = this.sentenceStart(i);
		if (!l.actionMarkers.has(this.word(k) ?? '')) return false;
		k++;
		if (this.word(k) === 'item' || this.word(k) === 'items') k++;
		if (this.tokens[k]?.text === ':') k++;
		return l.planVerbs.has(this.word(k) ?? '') || l.guardWords.has(this.word(k) ?? '');
	}

	/** The clause ends right at `e`: punctuation, a clause word, or the end of the text. */
	clauseEndsAt(e: number): boolean {
		const w = this.word(e);
		return w === null || this.lang.clauseWords.has(w);
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

	/**
	 * Some word from `words` is in the phrase starting at `from`: up to five words, ending before
	 * punctuation, a clause word or a preposition ("for the four-hour checkout outage").
	 */
	nextPhraseIncludes(from: number, words: ReadonlySet<string>): boolean {
		const l = this.lang;
		for (let k = from; k < from + 5; k++) {
			const w = this.word(k);
			if (w === null) return false;
			if (hasWord(words, w)) {
				const next = this.word(k + 1);
				// "for the incident review process" and "for the missed pages dashboard" are about
				// the work or the thing the phrase ends in, not the incident.
				if (this.#workFollows(k + 1)) continue;
				// "responsible for this" and "for this one" point at the incident; "for this alert"
				// at a thing whose owner is asked for.
				if (!l.determiners.has(w)) return true;
				if (next === null || next === 'one' || hasWord(words, next)) return true;
				continue;
			}
			if (k > from && (l.clauseWords.has(w) || l.prepositions.has(w))) return false;
		}
		return false;
	}

	/** A word of incident work ends the compound noun at `k` within two words ("pages dashboard"). */
	#workFollows(k: number): boolean {
		const l = this.lang;
		for (let n = k; n < k + 2; n++) {
			const w = this.word(n);
			// A determiner opens an object ("skipping the review"), not a compound noun.
			if (w === null || l.clauseWords.has(w) || l.prepositions.has(w) || l.determiners.has(w)) {
				return false;
			}
			if (l.incidentWork.has(w)) return true;
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
