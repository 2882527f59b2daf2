import type { Language, Rule } from './types.ts';

/** One position of a pattern: a set of words, a person phrase, or any one word. */
export interface Slot {
	words: ReadonlySet<string> | null;
	person: boolean;
	/**
	 * `<named>`: one particular person: a known name, he/she, or someone's ("the intern's").
	 * "Root cause: engineers had no way to see the lag" names a role, not a culprit.
	 */
	named: boolean;
	/** The word list has `#`: any number matches. */
	numbers: boolean;
	any: boolean;
	/** `<past>`: a verb in the past or a past participle ("canaried", "run", "went"). */
	past: boolean;
	optional: boolean;
}

export interface CompiledPattern {
	rule: Rule;
	/**
	 * The words the second slot accepts when it is a required word slot: a quick test on the next
	 * token before matching the whole pattern (most tries stop there).
	 */
	second: ReadonlySet<string> | null;
	/**
	 * When the second slot is optional or any word: the first later slot that is a required word
	 * set, and how many tokens after the start it can sit at most (each slot one word, plus two
	 * adverbs). No such word that near means no match, without backtracking through the slots.
	 */
	anchor: { words: ReadonlySet<string>; reach: number } | null;
	/** Position of the rule in its language: the earlier rule wins a tie. */
	order: number;
	slots: readonly Slot[];
	unlessNext: ReadonlySet<string> | null;
	notFollowedBy: ReadonlySet<string> | null;
	requireNext: ReadonlySet<string> | null;
	requireLater: ReadonlySet<string> | null;
	requireInSentence: ReadonlyArray<readonly Slot[]> | null;
	unlessInSentence: ReadonlyArray<readonly Slot[]> | null;
	unlessBefore: ReadonlySet<string> | null;
	unlessSubject: ReadonlySet<string> | null;
}

type WordSets = Record<
	| 'personNouns'
	| 'personPronouns'
	| 'pluralPronouns'
	| 'selfPronouns'
	| 'indefinitePersons'
	| 'systemNouns'
	| 'systemPronouns'
	| 'adverbs'
	| 'auxiliaries'
	| 'prepositions'
	| 'clauseWords'
	| 'coordinators'
	| 'determiners'
	| 'personPossessives'
	| 'relatives'
	| 'pastMarkers'
	| 'reasonWords'
	| 'humanVerbs'
	| 'ambiguousNames'
	| 'titles'
	| 'softwareRoles'
	| 'choiceNouns'
	| 'calendarWords'
	| 'guardWords'
	| 'incidentWork'
	| 'actionMarkers'
	| 'planVerbs'
	| 'pastForms',
	ReadonlySet<string>
>;

/**
 * The patterns that start with one word. Most also need a particular second word ("was|were
 * <blamedPassive> by"), so they are kept by that word as well: a common first word such as "the"
 * or "was" then costs a lookup, not a try of every pattern it starts.
 */
export interface FirstWordPatterns {
	/** Every pattern, in rule order: for a next word that is an adverb, which slots may skip. */
	all: readonly CompiledPattern[];
	/** Patterns without a required second word. */
	open: readonly CompiledPattern[];
	/** Patterns with a required second word, by that word. */
	bySecond: ReadonlyMap<string, readonly CompiledPattern[]>;
}

/** A language made ready for matching: sets instead of arrays, patterns by first word. */
export interface CompiledLanguage extends WordSets {
	id: string;
	/** Two-word person nouns ("on call", "no one"), keyed by their joined text. */
	personPairs: ReadonlySet<string>;
	byFirstWord: ReadonlyMap<string, FirstWordPatterns>;
}

const cache = new WeakMap<Language, CompiledLanguage>();

/** Compiles (once per language object) and validates every pattern; throws on a bad rule. */
export function compileLanguage(language: Language): CompiledLanguage {
	const hit = cache.get(language);
	if (hit) return hit;
	const lex = language.lexicon;
	const set = (words: readonly string[]) => new Set(words);
	const single = lex.personNouns.filter((w) => !w.includes(' '));
	const pairs = [...lex.personNouns, ...lex.indefinitePersons].filter((w) => w.includes(' '));
	const sets: Record<string, ReadonlySet<string>> = { humanVerbs: set(lex.humanVerbs) };
	for (const [key, words] of Object.entries(lex.sets)) sets[key] = set(words);

	const byFirstWord = new Map<string, CompiledPattern[]>();
	language.rules.forEach((rule, order) => {
		const resolve = (words?: readonly string[]) =>
			words ? new Set(words.flatMap((w) => [...expand(w, sets, rule.id)])) : null;
		const parse = (source: string) => source.split(/\s+/).map((s) => parseSlot(s, sets, rule.id));
		for (const source of rule.patterns) {
			const slots = parse(source);
			const pattern = {
				rule,
				order,
				second: null,
				anchor: null,
				unlessNext: resolve(rule.unlessNext),
				notFollowedBy: resolve(rule.notFollowedBy),
				requireNext: resolve(rule.requireNext),
				requireLater: resolve(rule.requireLater),
				requireInSentence: rule.requireInSentence?.map(parse) ?? null,
				unlessInSentence: rule.unlessInSentence?.map(parse) ?? null,
				unlessBefore: resolve(rule.unlessBefore),
				unlessSubject: resolve(rule.unlessSubject)
			};
			index(byFirstWord, { ...pattern, slots }, source);
		}
	});

	const compiled: CompiledLanguage = {
		id: language.id,
		personNouns: set(single),
		personPronouns: set(lex.personPronouns),
		pluralPronouns: set(lex.pluralPronouns),
		selfPronouns: set(lex.selfPronouns),
		indefinitePersons: set(lex.indefinitePersons.filter((w) => !w.includes(' '))),
		systemNouns: set(lex.systemNouns),
		systemPronouns: set(lex.systemPronouns),
		adverbs: set(lex.adverbs),
		auxiliaries: set(lex.auxiliaries),
		prepositions: set(lex.prepositions),
		clauseWords: set(lex.clauseWords),
		coordinators: set(lex.coordinators),
		determiners: set(lex.determiners),
		personPossessives: set(lex.personPossessives),
		relatives: set(lex.relatives),
		pastMarkers: set(lex.pastMarkers),
		reasonWords: set(lex.reasonWords),
		humanVerbs: set(lex.humanVerbs),
		ambiguousNames: set(lex.ambiguousNames),
		titles: set(lex.titles),
		softwareRoles: set(lex.softwareRoles),
		choiceNouns: set(lex.choiceNouns),
		calendarWords: set(lex.calendarWords),
		guardWords: set(lex.guardWords),
		incidentWork: set(lex.incidentWork),
		actionMarkers: set(lex.actionMarkers),
		planVerbs: set(lex.planVerbs),
		pastForms: set(lex.pastForms),
		personPairs: set(pairs),
		byFirstWord: bySecondWord(byFirstWord)
	};
	cache.set(language, compiled);
	return compiled;
}

/** `a|b|<set>` -> the words it stands for. */
function expand(
	alternatives: string,
	sets: Record<string, ReadonlySet<string>>,
	ruleId: string
): Set<string> {
	const out = new Set<string>();
	for (const alt of alternatives.split('|')) {
		const ref = /^<([\w-]+)>$/.exec(alt);
		if (!ref) {
			out.add(alt.toLowerCase());
			continue;
		}
		const words = sets[ref[1]!];
		if (!words) throw new Error(`rule ${ruleId}: unknown word set <${ref[1]}>`);
		for (const w of words) out.add(w);
	}
	return out;
}

function parseSlot(raw: string, sets: Record<string, ReadonlySet<string>>, ruleId: string): Slot {
	const optional = raw.endsWith('?');
	const body = optional ? raw.slice(0, -1) : raw;
	const none = {
		words: null,
		person: false,
		named: false,
		any: false,
		numbers: false,
		past: false,
		optional
	};
	if (body === '<person>') return { ...none, person: true };
	if (body === '<named>') return { ...none, person: true, named: true };
	if (body === '<any>') return { ...none, any: true };
	if (body === '<past>') return { ...none, past: true };
	const words = expand(body, sets, ruleId);
	return { ...none, words, numbers: words.has('#') };
}

/**
 * Indexes a pattern by the words its first slot accepts. An optional first slot is indexed both
 * with and without it, so matching can always start from a literal word.
 */
function index(
	byFirstWord: Map<string, CompiledPattern[]>,
	pattern: CompiledPattern,
	source: string
): void {
	const [first, ...rest] = pattern.slots;
	if (!first || first.person || !first.words) {
		throw new Error(`rule ${pattern.rule.id}: pattern "${source}" must start with a word`);
	}
	const next = rest[0];
	const second = next && !next.optional && next.words && !next.numbers ? next.words : null;
	const anchor = second ? null : anchorOf(rest);
	for (const w of first.words) {
		const list = byFirstWord.get(w) ?? [];
		list.push({ ...pattern, second, anchor, slots: [{ ...first, optional: false }, ...rest] });
		byFirstWord.set(w, list);
	}
	if (first.optional) index(byFirstWord, { ...pattern, slots: rest }, source);
}

function bySecondWord(
	byFirstWord: ReadonlyMap<string, readonly CompiledPattern[]>
): Map<string, FirstWordPatterns> {
	const out = new Map<string, FirstWordPatterns>();
	for (const [word, all] of byFirstWord) {
		const open: CompiledPattern[] = [];
		const bySecond = new Map<string, CompiledPattern[]>();
		for (const pattern of all) {
			if (!pattern.second) {
				open.push(pattern);
				continue;
			}
			for (const w of pattern.second) {
				const list = bySecond.get(w) ?? [];
				list.push(pattern);
				bySecond.set(w, list);
			}
		}
		out.set(word, { all, open, bySecond });
	}
	return out;
}

/** The first required word slot among `rest` (after the first slot), before any person slot. */
function anchorOf(rest: readonly Slot[]): CompiledPattern['anchor'] {
	for (let k = 0; k < rest.length; k++) {
		const slot = rest[k]!;
		if (slot.person) return null;
		if (!slot.optional && slot.words && !slot.numbers)
			return { words: slot.words, reach: 3 * (k + 1) };
	}
	return null;
}
