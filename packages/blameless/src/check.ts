import { compileLanguage, type CompiledPattern, type Slot } from './compile.ts';
import { Context, hasWord, nameSet } from './context.ts';
import { en } from './rules/en/index.ts';
import { subjectBefore, subjectOfClause, type Subject } from './subject.ts';
import { tokenize, type Token } from './tokenize.ts';
import {
	Category,
	type Finding,
	type Language,
	type SubjectKind,
	type SubjectPolicy
} from './types.ts';

export interface CheckOptions {
	/** Names the board knows: members, responders. "Sam Ortiz" makes "Sam" and "Ortiz" people. */
	names?: readonly string[];
	/** Rules and words; English by default. */
	language?: Language;
}

/** Checks one text. */
export type Checker = (text: string) => Finding[];

/**
 * A checker for one board: names and rules compiled once, then `check(text)` for every field.
 * Pure and synchronous; a typical field takes microseconds.
 */
export function createChecker(options: CheckOptions = {}): Checker {
	const lang = compileLanguage(options.language ?? en);
	const names = nameSet(options.names ?? []);
	return (text) => {
		if (!text.trim()) return [];
		const ctx = new Context(tokenize(text, lang.titles), lang, names);
		return resolveOverlaps(candidates(ctx));
	};
}

/** Checks one text with the given options (compiles the names each call: prefer `createChecker`). */
export function checkText(text: string, options: CheckOptions = {}): Finding[] {
	return createChecker(options)(text);
}

interface Candidate extends Finding {
	order: number;
}

function candidates(ctx: Context): Candidate[] {
	const out: Candidate[] = [];
	const { tokens } = ctx;
	const adverbs = ctx.lang.adverbs;
	for (let i = 0; i < tokens.length; i++) {
		const w = ctx.word(i);
		if (w === null) continue;
		const entry = ctx.lang.byFirstWord.get(w);
		if (!entry) continue;
		const next = tokens[i + 1]?.text ?? '';
		// An adverb may sit before the second slot ("was completely ignored by"): try them all.
		if (adverbs.has(next)) {
			for (const pattern of entry.all) tryPattern(ctx, pattern, i, out);
			continue;
		}
		for (const pattern of entry.open) tryPattern(ctx, pattern, i, out);
		const seconds = entry.bySecond.get(next);
		if (seconds) for (const pattern of seconds) tryPattern(ctx, pattern, i, out);
	}
	return out;
}

function tryPattern(ctx: Context, pattern: CompiledPattern, i: number, out: Candidate[]): void {
	if (pattern.anchor && !anchorNear(ctx.tokens, i, pattern.anchor)) return;
	const end = matchSlots(ctx, pattern.slots, i);
	if (end < 0) return;
	const found = evaluate(ctx, pattern, i, end);
	if (found) out.push(found);
}

/** A word of the anchor's set within its reach after token `i`: a cheap test before matching. */
function anchorNear(
	tokens: readonly Token[],
	i: number,
	anchor: { words: ReadonlySet<string>; reach: number }
): boolean {
	const end = Math.min(tokens.length, i + 1 + anchor.reach);
	for (let k = i + 1; k < end; k++) if (anchor.words.has(tokens[k]!.text)) return true;
	return false;
}

/**
 * End (exclusive) of a match of `slots` starting at token `t`, or -1. Adverbs may sit between
 * slots ("did not even follow", "should really have": up to two). An optional slot is taken when
 * the rest still matches and skipped otherwise, so "a <any> <any>? would" matches "a dry run
 * would" and "a check would". Patterns are a few slots long: the backtracking stays small.
 */
function matchSlots(ctx: Context, slots: readonly Slot[], t: number, s = 0): number {
	if (s === slots.length) return t;
	const slot = slots[s]!;
	for (let skip = 0; skip <= (s > 0 ? 2 : 0); skip++) {
		if (skip > 0) {
			const w = ctx.word(t + skip - 1);
			if (w === null || !ctx.lang.adverbs.has(w)) break;
		}
		const next = slotEnd(ctx, slot, t + skip);
		if (next < 0) continue;
		const end = matchSlots(ctx, slots, next, s + 1);
		if (end >= 0) return end;
	}
	return slot.optional ? matchSlots(ctx, slots, t, s + 1) : -1;
}

function slotEnd(ctx: Context, slot: Slot, t: number): number {
	if (slot.person) return slot.named ? ctx.namedPersonAt(t) : ctx.personPhraseAt(t);
	const token = ctx.tokens[t];
	if (!token) return -1;
	if (slot.any) return token.punct ? -1 : t + 1;
	if (slot.past) return ctx.isPastForm(t) ? t + 1 : -1;
	// Punctuation matches only when the pattern names it (`root cause :`).
	const w = token.text;
	if (slot.words!.has(w)) return t + 1;
	return slot.numbers && !token.punct && isDigit(w.charCodeAt(0)) ? t + 1 : -1;
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

const PERSONS: ReadonlySet<SubjectKind> = new Set(['named', 'person', 'self']);

function allowed(policy: SubjectPolicy, subject: Subject, ctx: Context, end: number): boolean {
	const k = subject.kind;
	switch (policy) {
		case 'any':
			return true;
		case 'person':
			return PERSONS.has(k);
		case 'person-or-possessed':
			return PERSONS.has(k) || k === 'possessed';
		case 'possessed':
			return k === 'possessed';
		case 'not-system':
			return k !== 'system';
		case 'not-self':
			return k !== 'system' && k !== 'self';
		case 'not-person':
			return !PERSONS.has(k);
		case 'human-action': {
			if (PERSONS.has(k) || k === 'possessed' || k === 'none') return true;
			if (k !== 'unknown') return false;
			// The verb is the last word matched ("should have asked") or the one after it.
			if (ctx.lang.humanVerbs.has(ctx.word(end - 1) ?? '')) return true;
			let n = end;
			while (ctx.lang.adverbs.has(ctx.word(n) ?? '')) n++;
			return ctx.lang.humanVerbs.has(ctx.word(n) ?? '');
		}
	}
}

function evaluate(ctx: Context, p: CompiledPattern, i: number, end: number): Candidate | null {
	const rule = p.rule;
	if (p.unlessNext && ctx.nextWordsInclude(end, p.unlessNext)) return null;
	if (p.notFollowedBy && hasWord(p.notFollowedBy, ctx.word(end) ?? '')) return null;
	if (p.requireNext && !ctx.nextPhraseIncludes(end, p.requireNext)) return null;
	if (p.requireLater && !ctx.laterInSentence(end, p.requireLater)) return null;
	if (rule.unlessExplained && ctx.laterInSentence(end, ctx.lang.reasonWords)) return null;
	if (rule.pastOnly && !ctx.sentenceIsPast(i)) return null;
	if (rule.unlessPlanned && ctx.isPlanned(i)) return null;
	if (rule.atClauseEnd && !ctx.clauseEndsAt(end)) return null;
	if (p.requireInSentence && !inSentence(ctx, p.requireInSentence, i)) return null;
	if (p.unlessInSentence && inSentence(ctx, p.unlessInSentence, i)) return null;

	// "Operator error loop: the CloudNativePG operator retried": the sentence's operator is software.
	if (ctx.isSoftwareRole(i)) return null;
	let start = i;
	let category = rule.category;
	if (rule.subject !== 'any') {
		const clause = rule.subjectAt === 'clause';
		const subject = clause ? subjectOfClause(ctx, i) : subjectBefore(ctx, i);
		if (!allowed(rule.subject, subject, ctx, end)) return null;
		if (p.unlessBefore && hasWord(p.unlessBefore, ctx.word(subject.start - 1) ?? '')) return null;
		if (p.unlessSubject && hasWord(p.unlessSubject, ctx.word(subject.start) ?? '')) return null;
		// Underline the person with the verb ("Sam didn't follow"), not a whole clause.
		if (!clause && subject.kind !== 'none' && subject.start < i) start = subject.start;
		if (rule.namedIsPerson && (subject.kind === 'named' || subject.kind === 'possessed')) {
			category = Category.person;
		}
	}
	const first = ctx.tokens[start]!;
	const last = ctx.tokens[end - 1]!;
	return {
		start: first.start,
		end: last.end,
		category,
		rule: rule.id,
		message: rule.message,
		question: rule.question,
		order: p.order
	};
}

/** One of `patterns` matches somewhere in the sentence holding token `i`. */
function inSentence(ctx: Context, patterns: ReadonlyArray<readonly Slot[]>, i: number): boolean {
	const end = ctx.sentenceEnd(i);
	for (let k = ctx.sentenceStart(i); k < end; k++) {
		for (const slots of patterns) {
			const e = matchSlots(ctx, slots, k);
			if (e >= 0 && e <= end) return true;
		}
	}
	return false;
}

/**
 * Where findings of one category overlap, keeps the earliest, then longest, then first-listed.
 * Findings of different categories are both kept when they only partly overlap ("Obviously Ana"
 * is hindsight, "Ana failed to" puts a step on a person: two questions worth asking); one whose
 * words lie inside another's is dropped, as the earlier-listed, more specific rule already speaks
 * for those words ("who caused" is a culprit hunt, not also a person named as the cause).
 */
function resolveOverlaps(found: Candidate[]): Finding[] {
	if (found.length < 2) return found.map(({ order: _order, ...f }) => f);
	found.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
	const kept: Candidate[] = [];
	for (const f of found) {
		let keep = true;
		for (let k = kept.length - 1; k >= 0; k--) {
			const g = kept[k]!;
			if (g.end <= f.start) continue;
			// g starts no later than f and they overlap.
			if (g.category === f.category || f.end <= g.end) {
				keep = false;
				break;
			}
		}
		if (keep) kept.push(f);
	}
	return kept.map(({ order: _order, ...f }) => f);
}
