/**
 * `pnpm bench` (blameless): how well the blameless language checker does on the labelled
 * corpora, with every miss listed, and how long checking all text of a 2,000-event board takes.
 * Writes test/bench/results/blameless.json and .md. Figures, never pass/fail: the bar is shown
 * next to each figure, and the precision/recall bar is held by a unit test in the package.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { addTimelineEntry, readTimeline } from '@debrief/doc';
import { createChecker, en } from '../../packages/blameless/src/index.ts';
import {
	loadCorpus,
	scoreCorpus,
	type Corpus,
	type Example,
	type Score
} from '../../packages/blameless/src/corpus.ts';
import { round, summarize } from './stats.ts';

const EVENTS = 2000;
const RUNS = Number(process.env.BENCH_BLAMELESS_RUNS ?? 60);

const corpusDir = new URL('../../packages/blameless/corpus/', import.meta.url);

function withExamples(base: Corpus, file: string, rosterFile?: string): Corpus {
	const text = readFileSync(fileURLToPath(new URL(file, corpusDir)), 'utf8');
	const examples = text
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => JSON.parse(l) as Example);
	if (!rosterFile) return { ...base, examples };
	const roster = JSON.parse(
		readFileSync(fileURLToPath(new URL(rosterFile, corpusDir)), 'utf8')
	) as {
		names: string[];
	};
	return { ...base, names: roster.names, examples };
}

interface SetReport {
	name: string;
	file: string;
	note: string;
	score: Score;
}

/**
 * The held-out sets after the corpus, in the order they were written. `ownRoster`: the set came
 * with the names its writer used (`en.<name>.roster.json`); the others use the corpus's roster.
 */
const HELD_OUT: Array<{ name: string; note: string; ownRoster?: true }> = [
	{
		name: 'holdout',
		note: 'written after the rules froze; first measured at P 0.98 / R 0.67, then tuned on'
	},
	{
		name: 'fresh',
		note: 'written after the holdout; measured at P 1.00 / R 0.75 before it was tuned on'
	},
	{
		name: 'blind',
		note: 'written by someone who never read the rules (own roster); measured at P 0.919 / R 0.567 before it was tuned on',
		ownRoster: true
	},
	{
		name: 'blind2',
		note: 'a second blind set, written while the rules were tuned on the first (own roster); measured at P 0.900 / R 0.750 before it was tuned on',
		ownRoster: true
	},
	{
		name: 'blind3',
		note: 'a third blind set, written while the rules were tuned on the second (own roster); measured at P 1.000 / R 0.583 before it was tuned on',
		ownRoster: true
	},
	{
		name: 'blind4',
		note: 'a fourth blind set, written while the rules were tuned on the third (own roster); measured at P 0.980 / R 0.800 before it was tuned on',
		ownRoster: true
	},
	{
		name: 'blind5',
		note: 'a fifth blind set, written while the rules were tuned on the fourth; never tuned on: the out-of-sample figure',
		ownRoster: true
	}
];

function scoreSets(): SetReport[] {
	const main = loadCorpus('en');
	return [
		{
			name: 'corpus',
			file: 'en.jsonl',
			note: 'written with the rules (in-sample); holds the bar',
			score: scoreCorpus(main)
		},
		...HELD_OUT.map(({ name, note, ownRoster }) => {
			const file = `en.${name}.jsonl`;
			const roster = ownRoster ? `en.${name}.roster.json` : undefined;
			return { name, file, note, score: scoreCorpus(withExamples(main, file, roster)) };
		})
	];
}

/**
 * A board of 2,000 timeline events in a real Y.Doc: texts drawn from every corpus sentence, every
 * third event two sentences long, as pasted notes are.
 */
function boardDoc(sentences: string[], names: string[]): Y.Doc {
	const doc = new Y.Doc();
	const start = Date.parse('2026-03-02T13:00:00Z');
	for (let i = 0; i < EVENTS; i++) {
		const a = sentences[i % sentences.length]!;
		const b = sentences[(i * 7 + 3) % sentences.length]!;
		const at = new Date(start + i * 15_000).toISOString();
		const text = i % 3 === 0 ? `${a} ${b}` : a;
		const r = addTimelineEntry(doc, { at, kind: 'note', text, author: names[i % names.length]! });
		if (!r.ok) throw new Error(`could not add event ${i}: ${r.reason}`);
	}
	return doc;
}

function timeBoard(sentences: string[], names: string[]) {
	const doc = boardDoc(sentences, names);
	const texts = readTimeline(doc).map((e) => e.text);
	const chars = texts.reduce((n, t) => n + t.length, 0);

	const compileStart = performance.now();
	// A copy of the language, so the compile cache (filled while scoring) does not hide the cost.
	const check = createChecker({ names, language: { ...en } });
	const compileMs = performance.now() - compileStart;

	// Wall time is what a person waits; CPU time is the same work without the time this process
	// sat descheduled, which matters on a shared 2-core machine.
	const pass = (read: boolean) => {
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		const list = read ? readTimeline(doc).map((e) => e.text) : texts;
		let findings = 0;
		for (const text of list) findings += check(text).length;
		const ms = performance.now() - t0;
		const cpu = process.cpuUsage(cpu0);
		return { ms, cpuMs: (cpu.user + cpu.system) / 1000, findings };
	};
	// The first pass runs cold (before the JIT has seen the code): report it on its own.
	const cold = pass(false);
	const checkOnly: number[] = [];
	const checkOnlyCpu: number[] = [];
	const withRead: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const p = pass(false);
		checkOnly.push(p.ms);
		checkOnlyCpu.push(p.cpuMs);
		withRead.push(pass(true).ms);
	}
	return {
		events: texts.length,
		chars,
		findings: cold.findings,
		compileMs: round(compileMs),
		coldMs: round(cold.ms),
		checkAll: summarize(checkOnly),
		checkAllCpu: summarize(checkOnlyCpu),
		readAndCheckAll: summarize(withRead),
		perFieldMicros: round((summarize(checkOnly).p50 * 1000) / texts.length)
	};
}

function missLines(score: Score): string[] {
	const out: string[] = [];
	if (score.falseNegativeList.length) {
		out.push('', 'Missed (blameful, not flagged):', '');
		for (const m of score.falseNegativeList) out.push(`- [${m.label}] ${m.text}`);
	}
	if (score.falsePositiveList.length) {
		out.push('', 'Flagged but neutral:', '');
		for (const m of score.falsePositiveList) {
			const what = m.findings.map((f) => `${f.rule} on “${f.words}”`).join(', ');
			out.push(`- [${m.label}] ${m.text} — ${what}`);
		}
	}
	return out;
}

function main(): void {
	const sets = scoreSets();
	const roster = loadCorpus('en').names;
	const sentences = sets.flatMap((s) =>
		s.file === 'en.jsonl'
			? loadCorpus('en').examples.map((e) => e.text)
			: withExamples(loadCorpus('en'), s.file).examples.map((e) => e.text)
	);
	const board = timeBoard(sentences, [...roster, 'Ana Lima', 'Bo Chen', 'Noor Haddad']);

	const report = {
		at: new Date().toISOString(),
		node: process.version,
		cores: availableParallelism(),
		loadAverage1m: round(loadavg()[0] ?? NaN),
		bar: { precision: 0.9, recall: 0.85, checkAllMs: 50 },
		sets: sets.map(({ name, file, note, score }) => ({ name, file, note, ...score })),
		board
	};
	const outDir = fileURLToPath(new URL('./results/', import.meta.url));
	mkdirSync(outDir, { recursive: true });
	writeFileSync(join(outDir, 'blameless.json'), JSON.stringify(report, null, 2) + '\n');

	const pct = (n: number) => n.toFixed(3);
	const md = [
		`# Blameless checker (${report.at}, Node ${report.node}, ${report.cores} cores, load ${report.loadAverage1m})`,
		'',
		'Sentence level: a sentence counts as flagged when it has any finding. Bar: precision >= 0.9, recall >= 0.85 on the corpus.',
		'',
		'| set | sentences | blameful | precision | recall | category agreement | FP | FN | note |',
		'|---|---|---|---|---|---|---|---|---|',
		...sets.map(
			({ name, file, note, score: s }) =>
				`| ${name} (\`${file}\`) | ${s.total} | ${s.blameful} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.categoryAgreement)} | ${s.falsePositives} | ${s.falseNegatives} | ${note} |`
		),
		'',
		`## Checking a board of ${board.events} events (${board.chars} characters, ${board.findings} findings)`,
		'',
		`Bar: all text checked in under 50 ms. ${RUNS} runs after one cold run.`,
		'',
		'| figure | p50 ms | p95 ms | max ms |',
		'|---|---|---|---|',
		`| check all ${board.events} texts (wall) | ${board.checkAll.p50} | ${board.checkAll.p95} | ${board.checkAll.max} |`,
		`| check all ${board.events} texts (CPU time) | ${board.checkAllCpu.p50} | ${board.checkAllCpu.p95} | ${board.checkAllCpu.max} |`,
		`| read all from the Y.Doc and check (wall) | ${board.readAndCheckAll.p50} | ${board.readAndCheckAll.p95} | ${board.readAndCheckAll.max} |`,
		'',
		`Cold first pass: ${board.coldMs} ms. Compiling rules and names (once per board, uncached): ${board.compileMs} ms. Per field at p50: ${board.perFieldMicros} µs.`,
		...sets.flatMap((s) =>
			s.score.falseNegatives + s.score.falsePositives
				? ['', `## Misses: ${s.name}`, ...missLines(s.score)]
				: []
		),
		''
	].join('\n');
	writeFileSync(join(outDir, 'blameless.md'), md);
	console.log(md);
}

main();
