/**
 * The labelled corpus and its score. Node only (reads files): exported as
 * `@debrief/blameless/corpus`, never from the browser entry.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createChecker } from './check.ts';
import type { Category, Finding, Language } from './types.ts';

/** One sentence, labelled by hand. */
export interface Example {
	text: string;
	blameful: boolean;
	/** For blameful sentences: the category a reader would name. */
	category?: Category;
	/** For neutral sentences: why it is a hard case (system, quote, name, plain). */
	kind?: string;
}

export interface Corpus {
	language: string;
	/** Names the board knows, as members and responders would be. */
	names: string[];
	examples: Example[];
}

/** Loads `corpus/<language>.jsonl` and `corpus/roster.json` from this package. */
export function loadCorpus(language = 'en'): Corpus {
	const dir = new URL('../corpus/', import.meta.url);
	const lines = readFileSync(fileURLToPath(new URL(`${language}.jsonl`, dir)), 'utf8')
		.split('\n')
		.filter((l) => l.trim());
	const examples = lines.map((line, n) => parseExample(line, n + 1));
	const roster = JSON.parse(readFileSync(fileURLToPath(new URL('roster.json', dir)), 'utf8')) as {
		names: string[];
	};
	return { language, names: roster.names, examples };
}

function parseExample(line: string, lineNo: number): Example {
	const raw = JSON.parse(line) as Partial<Example>;
	if (typeof raw.text !== 'string' || typeof raw.blameful !== 'boolean') {
		throw new Error(`corpus line ${lineNo}: needs "text" (string) and "blameful" (boolean)`);
	}
	return raw as Example;
}

export interface Miss {
	text: string;
	/** What the sentence was labelled (blameful category or neutral kind). */
	label: string;
	/** What the checker said (for false positives). */
	findings: Array<Pick<Finding, 'rule' | 'category'> & { words: string }>;
}

export interface Score {
	total: number;
	blameful: number;
	neutral: number;
	truePositives: number;
	falsePositives: number;
	falseNegatives: number;
	precision: number;
	recall: number;
	/** Of the true positives, how many had the labelled category among their findings. */
	categoryAgreement: number;
	falsePositiveList: Miss[];
	falseNegativeList: Miss[];
}

/**
 * Sentence-level precision and recall: a sentence counts as flagged when it has any finding.
 * Deterministic, so a unit test can hold the bar.
 */
export function scoreCorpus(corpus: Corpus, language?: Language): Score {
	const check = createChecker({ names: corpus.names, language });
	let tp = 0;
	let fp = 0;
	let fn = 0;
	let agree = 0;
	const fpList: Miss[] = [];
	const fnList: Miss[] = [];
	for (const ex of corpus.examples) {
		const findings = check(ex.text);
		const flagged = findings.length > 0;
		const miss = (): Miss => ({
			text: ex.text,
			label: ex.blameful ? (ex.category ?? 'blameful') : (ex.kind ?? 'neutral'),
			findings: findings.map((f) => ({
				rule: f.rule,
				category: f.category,
				words: ex.text.slice(f.start, f.end)
			}))
		});
		if (ex.blameful && flagged) {
			tp++;
			if (findings.some((f) => f.category === ex.category)) agree++;
		} else if (ex.blameful) {
			fn++;
			fnList.push(miss());
		} else if (flagged) {
			fp++;
			fpList.push(miss());
		}
	}
	const blameful = corpus.examples.filter((e) => e.blameful).length;
	return {
		total: corpus.examples.length,
		blameful,
		neutral: corpus.examples.length - blameful,
		truePositives: tp,
		falsePositives: fp,
		falseNegatives: fn,
		precision: tp + fp === 0 ? 1 : tp / (tp + fp),
		recall: tp + fn === 0 ? 1 : tp / (tp + fn),
		categoryAgreement: tp === 0 ? 1 : agree / tp,
		falsePositiveList: fpList,
		falseNegativeList: fnList
	};
}
