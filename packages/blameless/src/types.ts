/** What kind of blame a finding points at. */
export const Category = {
	/** A person (a known name, he/she/they) named as the cause. */
	person: 'person',
	/** A blame verb or phrase with a person as its subject ("the on-call forgot to"). */
	blameVerb: 'blame-verb',
	/** "Human error", "operator error", carelessness: labels that end the inquiry. */
	humanError: 'human-error',
	/** What someone should or could have done, instead of what made sense at the time. */
	counterfactual: 'counterfactual',
	/** Hindsight that makes the situation look easy ("obviously", "just had to"). */
	hindsight: 'hindsight',
	/** Looking for a culprit ("who caused", "whose fault"). */
	whoCaused: 'who-caused'
} as const;
export type Category = (typeof Category)[keyof typeof Category];
export const CATEGORIES: readonly Category[] = Object.values(Category);

/** One place in a text that reads as blame, with a kinder question to ask instead. */
export interface Finding {
	/** UTF-16 offsets into the checked text, `end` exclusive. */
	start: number;
	end: number;
	category: Category;
	/** Id of the rule that matched (stable: dismissals refer to it). */
	rule: string;
	/** Short label of what was noticed, e.g. "Counterfactual". */
	message: string;
	/** A reframing question, in our own words. */
	question: string;
}

/**
 * Who a blame verb's subject is, as far as a few words can tell. `self` is I/we; `named` a known
 * name or he/she; `person` a role or group (the on-call, someone, the team); `possessed` a thing
 * owned by a person ("Sam's change"); `system` a component, tool, or it/this; `none` when the
 * clause has no subject ("Forgot to renew the cert"); `unknown` for any other noun.
 */
export type SubjectKind = 'named' | 'person' | 'self' | 'possessed' | 'system' | 'unknown' | 'none';

/**
 * Which subjects make a rule fire. Rules about grammar that systems share ("failed to", "broke")
 * fire only for people, so "the alert failed to fire" stays quiet.
 *
 * - `any`: no subject needed (phrases such as "human error").
 * - `person`: named, person or self.
 * - `person-or-possessed`: also "Sam's change broke ...".
 * - `possessed`: only a person's thing, for verbs people also do harmlessly ("Sam killed the stuck
 *   query" is routine, "Sam's push killed the consumers" names Sam as the cause).
 * - `not-system`: anything but a system (verbs only people do: "forgot to", "screwed up").
 * - `not-self`: anything but a system or I/we ("he just had to" but not "we just had to wait").
 * - `not-person`: anything but a person or I/we ("this should have been caught", but not "the
 *   on-call should have been paged", where the person was let down).
 * - `human-action`: a person or a person's thing; no subject ("Should have canaried it"); an
 *   unknown subject when the verb is a human action ("the new hire should have asked", but not
 *   "the numbers should have matched"); never a system ("the cache should have expired").
 */
export type SubjectPolicy =
	| 'any'
	| 'person'
	| 'person-or-possessed'
	| 'possessed'
	| 'not-system'
	| 'not-self'
	| 'not-person'
	| 'human-action';

/**
 * One rule, as data. Patterns are space-separated token slots; a slot is `a|b|c` (alternatives),
 * may end in `?` (optional), and may be `<person>` (a name, pronoun or role), `<named>` (one
 * particular person: a name, he/she, or someone's), `<any>` (any one word), `<past>` (a verb in the
 * past or its participle: "canaried", "went") or `<lexicon-key>` (any word of that lexicon set).
 * The marks `:` and `=` may be slot words
 * ("root cause: Sam's change"). Contractions are expanded first: write `did not`, `should have`,
 * `'s`. Adverbs such as "really" or "even" may sit between slots. In any word list, `#` stands
 * for any number ("after 3 warnings", "if only 2 replicas").
 */
export interface Rule {
	id: string;
	category: Category;
	patterns: readonly string[];
	subject: SubjectPolicy;
	/**
	 * Where the subject is looked for: the words just before the match (`adjacent`, the default,
	 * for verbs) or the start of the clause (`clause`, for phrases after the verb: "without a review").
	 */
	subjectAt?: 'adjacent' | 'clause';
	/** With a known name or he/she as subject, report it as `person` (a person named as cause). */
	namedIsPerson?: boolean;
	/** Stays quiet when one of these words follows within three words ("broke the problem down"). */
	unlessNext?: readonly string[];
	/** Stays quiet when the very next word is one of these ("we should have a second approver"). */
	notFollowedBy?: readonly string[];
	/**
	 * Fires only when one of these words comes in the phrase that follows: up to five words, up
	 * to a preposition or clause word ("responsible for the four-hour checkout outage").
	 */
	requireNext?: readonly string[];
	/** Fires only when one of these words comes later in the same sentence. */
	requireLater?: readonly string[];
	/**
	 * Fires only when one of these patterns (same syntax as `patterns`) matches anywhere in the
	 * sentence: "a basic dry run" is hindsight only next to "would have".
	 */
	requireInSentence?: readonly string[];
	/**
	 * Stays quiet when one of these patterns matches anywhere in the sentence: "it was clear that"
	 * is hindsight, unless "nobody could have known" follows.
	 */
	unlessInSentence?: readonly string[];
	/**
	 * Stays quiet when the word just before the subject is one of these: in "add anything I
	 * missed" the object comes first, and the writer is asking for additions, not confessing.
	 */
	unlessBefore?: readonly string[];
	/** Stays quiet when the subject is one of these words: "nobody could have known" clears people. */
	unlessSubject?: readonly string[];
	/** Stays quiet when the sentence goes on to give the reason ("missed it because ..."). */
	unlessExplained?: boolean;
	/** Fires only in a sentence about the past (hindsight words also open action items). */
	pastOnly?: boolean;
	/**
	 * Stays quiet where a safeguard is being planned: a guard word a few words before in the
	 * clause ("reduce the chance of operator mistakes"), or an action item ("AI: add ...").
	 */
	unlessPlanned?: boolean;
	/** Fires only where the clause ends right after the match ("I need a name."). */
	atClauseEnd?: boolean;
	message: string;
	question: string;
	/** Sentences this rule must flag and must leave alone; each becomes a test. */
	examples: { flags: readonly string[]; passes: readonly string[] };
}

/** Word lists a language brings; the checker itself knows no words. */
export interface Lexicon {
	/** Roles and groups of people: on-call, engineer, team, someone. Multi-word entries allowed. */
	personNouns: readonly string[];
	/** Pronouns for one other person (he, she, him, her): treated like a known name. */
	personPronouns: readonly string[];
	/** They/them: a person unless a system was named earlier in the sentence. */
	pluralPronouns: readonly string[];
	/** I, we, me, us. */
	selfPronouns: readonly string[];
	/** Someone, nobody, whoever... */
	indefinitePersons: readonly string[];
	/** Components and tools: pipeline, alert, job, script. Plurals are found by dropping an s. */
	systemNouns: readonly string[];
	/** it, this, that: a system when they start the clause. */
	systemPronouns: readonly string[];
	/** Adverbs that may sit inside a pattern or between a subject and its verb: really, even. */
	adverbs: readonly string[];
	/** Auxiliaries skipped between a subject and its verb: had, was, kept. */
	auxiliaries: readonly string[];
	/** Prepositions: "the typo in the config" has its head before them. */
	prepositions: readonly string[];
	/** Words that open a new clause: and, but, because, when. */
	clauseWords: readonly string[];
	/** Of these, the ones after which a missing subject is taken from the clause before. */
	coordinators: readonly string[];
	/** Determiners and possessives that may open a noun phrase. */
	determiners: readonly string[];
	/** Possessive determiners that make the noun phrase a person's thing (his, her, their). */
	personPossessives: readonly string[];
	/** Relative pronouns: who (a person), that/which (the noun before them). */
	relatives: readonly string[];
	/** Words marking a sentence as about the past (was, had, did), besides words ending in -ed. */
	pastMarkers: readonly string[];
	/** Words that start an explanation: because, since. */
	reasonWords: readonly string[];
	/** Verbs of things people do (checked, asked, escalated), for the `human-action` policy. */
	humanVerbs: readonly string[];
	/** Names that are also common words (Will, May): matched only when capitalised. */
	ambiguousNames: readonly string[];
	/** Titles before a surname (Ms., Dr.): the word after one is a person, known or not. */
	titles: readonly string[];
	/**
	 * Roles that are also software (a Kubernetes operator): a system after a system noun or a
	 * product name ("the CloudNativePG operator retried"), a person otherwise.
	 */
	softwareRoles: readonly string[];
	/**
	 * Things only people have (a decision, an order): a capitalised word nobody listed owning one
	 * is a person ("caused by Teodora's decision").
	 */
	choiceNouns: readonly string[];
	/** Capitalised words that are not people: days and months ("Tuesday's decision"). */
	calendarWords: readonly string[];
	/**
	 * Words that design against what follows ("to prevent operator mistakes", "reduce the chance
	 * of human error"): a label after one of them is a safeguard being planned, not a verdict.
	 */
	guardWords: readonly string[];
	/**
	 * What people do about an incident ("incident review", "outage comms"): after an incident
	 * word it makes the phrase about the work ("responsible for the incident review process").
	 */
	incidentWork: readonly string[];
	/** Words that open an action item (AI:, Action:, TODO), and the verbs that plan one after them. */
	actionMarkers: readonly string[];
	planVerbs: readonly string[];
	/**
	 * Past forms that do not end in -ed ("run", "went", "caught"), for the `<past>` slot: "should
	 * have run the backfill" is a counterfactual, "should have two replicas" a requirement.
	 */
	pastForms: readonly string[];
	/** Named sets used in patterns as `<key>`. */
	sets: Readonly<Record<string, readonly string[]>>;
}

/** Everything a language needs: its words and its rules. */
export interface Language {
	id: string;
	lexicon: Lexicon;
	rules: readonly Rule[];
}
