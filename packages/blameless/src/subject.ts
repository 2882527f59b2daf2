import type { Context } from './context.ts';
import type { SubjectKind } from './types.ts';

/** Who a clause is about, and the first token of that phrase (for the underline). */
export interface Subject {
	kind: SubjectKind;
	start: number;
}

const MAX_DEPTH = 3;

/**
 * The subject of the verb starting at `i`: the words just before it, skipping adverbs and
 * auxiliaries ("Sam had really forgotten" -> Sam). Falls back to the start of the clause when
 * the word before is an object ("Whoever merged this didn't run the tests" -> whoever).
 */
export function subjectBefore(ctx: Context, i: number): Subject {
	const { adverbs, auxiliaries } = ctx.lang;
	let j = i - 1;
	for (let w = ctx.word(j); w !== null; w = ctx.word(j)) {
		// "Will skipped the checks": a name that is also an auxiliary is still a name. "not" sits
		// between a subject and its verb in "the team could not be bothered to".
		const skip = adverbs.has(w) || auxiliaries.has(w) || w === "'s" || w === 'not';
		if (!skip || ctx.isName(j)) break;
		j--;
	}
	return endingAt(ctx, j, i, 0);
}

/** The subject of the clause holding `i`, read from the clause's first words. */
export function subjectOfClause(ctx: Context, i: number, depth = 0): Subject {
	const cs = ctx.clauseStart(i);
	const found = scanClause(ctx, cs, i, depth);
	if (found) return found;
	if (cs < i) return { kind: 'unknown', start: cs };
	return inherit(ctx, cs - 1, i, depth);
}

/** Classifies the phrase that ends at token `j`, for a verb at `anchor`. */
function endingAt(ctx: Context, j: number, anchor: number, depth: number): Subject {
	const t = ctx.tokens[j];
	if (!t) return { kind: 'none', start: anchor };
	const l = ctx.lang;
	if (t.punct || l.clauseWords.has(t.text)) {
		if (t.sentenceEnd || !l.coordinators.has(t.text)) return { kind: 'none', start: anchor };
		return inherit(ctx, j, anchor, depth);
	}
	const w = t.text;
	const clauseInitial = ctx.clauseStart(j) === j;
	if (w === 'who') return { kind: 'person', start: j };
	if (w === 'which' || (w === 'that' && !clauseInitial)) return relativeHead(ctx, j, depth);
	if (ctx.isName(j)) return { kind: 'named', start: nameStart(ctx, j) };
	if (l.systemPronouns.has(w)) {
		// "it failed" is about a system; "whoever merged this didn't" is about whoever.
		return clauseInitial ? { kind: 'system', start: j } : subjectOfClause(ctx, j, depth + 1);
	}
	const pronoun = pronounKind(ctx, j);
	if (pronoun) return { kind: pronoun, start: j };
	return nounPhrase(ctx, j, anchor, depth);
}

function pronounKind(ctx: Context, j: number): SubjectKind | null {
	const w = ctx.word(j);
	if (w === null) return null;
	const l = ctx.lang;
	if (l.personPronouns.has(w)) return 'named';
	if (l.selfPronouns.has(w)) return 'self';
	if (l.indefinitePersons.has(w)) return 'person';
	if (l.pluralPronouns.has(w)) return theyKind(ctx, j);
	if (w === 'one' && ctx.word(j - 1) === 'no') return 'person';
	return null;
}

/** "They" is people, unless the sentence named systems (and no people) before it. */
function theyKind(ctx: Context, j: number): SubjectKind {
	let system = false;
	for (let k = ctx.sentenceStart(j); k < j; k++) {
		const w = ctx.word(k);
		if (w === null) continue;
		if (ctx.isName(k) || ctx.personNounAt(k) > 0 || ctx.lang.personPronouns.has(w)) return 'named';
		if (ctx.isSystemNoun(w)) system = true;
	}
	return system ? 'system' : 'named';
}

/** "the alert that failed", "the procedure, which pointed": the noun before the relative. */
function relativeHead(ctx: Context, j: number, depth: number): Subject {
	let k = j - 1;
	while (k >= 0 && ctx.tokens[k]!.punct && !ctx.tokens[k]!.sentenceEnd) k--;
	if (k < 0 || ctx.word(k) === null || depth >= MAX_DEPTH) return { kind: 'unknown', start: j };
	return endingAt(ctx, k, j, depth + 1);
}

function nameStart(ctx: Context, j: number): number {
	let s = j;
	while (s > 0 && ctx.isName(s - 1)) s--;
	return s > 0 && ctx.isTitle(s - 1) ? s - 1 : s;
}

/**
 * A noun phrase ending at `j`: its head decides (on-call -> person, pipeline -> system); a
 * phrase after a preposition belongs to the noun before it ("the typo in the config" is about
 * the typo); a person's possessive makes it `possessed` ("Sam's change").
 */
function nounPhrase(ctx: Context, j: number, anchor: number, depth: number): Subject {
	const l = ctx.lang;
	if (j > 0 && ctx.personNounAt(j - 1) === j + 1) return { kind: 'person', start: j - 1 };
	let s = j;
	while (s > 0 && j - s < 4) {
		const prev = ctx.word(s - 1);
		if (prev === null || l.clauseWords.has(prev) || l.prepositions.has(prev)) break;
		s--;
		// "which engineer is accountable": the question word opens the phrase, like "the".
		if (l.determiners.has(prev) || l.relatives.has(prev)) break;
	}
	const doer = relativeDoer(ctx, s);
	if (doer >= 0) return { kind: 'person', start: doer };
	const prep = s - 1;
	if (depth < MAX_DEPTH && ctx.word(prep) !== null && l.prepositions.has(ctx.word(prep)!)) {
		if (ctx.word(prep - 1) !== null) {
			const outer = endingAt(ctx, prep - 1, anchor, depth + 1);
			if (outer.kind !== 'unknown' && outer.kind !== 'none') return outer;
		}
	}
	if (ctx.personNounAt(j) > 0) return { kind: 'person', start: s };
	// A person's thing, even a system ("Ravi's bad deploy caused"), points at the person.
	for (let k = s; k < j; k++) {
		const kw = ctx.word(k);
		if (l.personPossessives.has(kw ?? '')) return { kind: 'possessed', start: k };
		if (kw === "'s" && (ctx.isName(k - 1) || ctx.personNounAt(k - 1) === k)) {
			return { kind: 'possessed', start: ctx.isName(k - 1) ? nameStart(ctx, k - 1) : k - 1 };
		}
	}
	// "cert-manager forgot": a name written like code is a tool.
	if (ctx.isSystemAt(j) || ctx.tokens[j]!.ident) return { kind: 'system', start: s };
	return { kind: 'unknown', start: s };
}

/**
 * "whoever set up this cron didn't", "the person who wrote this alert didn't": the noun phrase
 * starting at `s` is the object of a relative clause opened by who/whoever a few words before, so
 * the verb that follows is the doer's. Returns the index of who/whoever, or -1.
 */
function relativeDoer(ctx: Context, s: number): number {
	for (let k = s - 2; k >= s - 3 && k >= 0; k--) {
		const w = ctx.word(k);
		if (w === null || ctx.word(k + 1) === null || ctx.lang.clauseWords.has(w)) return -1;
		if (w === 'who' || w === 'whoever') return k;
	}
	return -1;
}

/**
 * The clause's subject from its first words: the first name, pronoun or noun we know, taking
 * the last noun of a compound ("the release manager") and a person's possessive into account.
 */
function scanClause(ctx: Context, cs: number, end: number, depth: number): Subject | null {
	const l = ctx.lang;
	const first = ctx.word(cs);
	if (first === 'which' || first === 'that' || first === 'who') {
		return first === 'who' ? { kind: 'person', start: cs } : relativeHead(ctx, cs, depth);
	}
	if (first !== null && l.systemPronouns.has(first)) return { kind: 'system', start: cs };
	for (let k = cs; k < end && k < cs + 6; k++) {
		const w = ctx.word(k);
		if (w === null) return null;
		if (ctx.isName(k)) {
			let e = k + 1;
			while (ctx.isName(e)) e++;
			if (ctx.word(e) === "'s") return { kind: 'possessed', start: k };
			return { kind: 'named', start: k };
		}
		if (l.personPossessives.has(w) && ctx.word(k + 1) !== null) {
			return { kind: 'possessed', start: k };
		}
		const pronoun = pronounKind(ctx, k);
		if (pronoun) return { kind: pronoun, start: k };
		if (ctx.personNounAt(k) > 0 || ctx.isSystemAt(k)) {
			// The head is the last of a run of known nouns: "the release manager" -> manager.
			let head = k;
			for (let n = head + 1; n < end; n++) {
				const nw = ctx.word(n);
				if (nw === null || !(ctx.personNounAt(n) > 0 || ctx.isSystemAt(n))) break;
				head = n;
			}
			return { kind: ctx.personNounAt(head) > 0 ? 'person' : 'system', start: k };
		}
	}
	return null;
}

/**
 * A clause with no subject of its own after "and", "but" or a comma borrows the one before it
 * ("Devs merged to main and skipped CI"); the underline stays on the verb.
 */
function inherit(ctx: Context, j: number, anchor: number, depth: number): Subject {
	let pos = j;
	for (let step = depth; step < MAX_DEPTH && pos > 0; step++) {
		const t = ctx.tokens[pos];
		if (!t || t.sentenceEnd) break;
		const cs = ctx.clauseStart(pos);
		const found = cs < pos ? scanClause(ctx, cs, pos, step + 1) : null;
		if (found && found.kind !== 'unknown') return { kind: found.kind, start: anchor };
		pos = cs - 1;
	}
	return { kind: 'none', start: anchor };
}
