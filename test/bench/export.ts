/**
 * `pnpm bench` (export): how long it takes to freeze and export a big board, 2,000 timeline
 * events and 300 cause-tree nodes. Two layers:
 *
 * - the pure functions (`@debrief/export`): read the six documents into content, digest it,
 *   render each format, diff two revisions, check readiness;
 * - the real server in this process (PGlite in memory): close the meeting (every room flushed,
 *   snapshot and follow-ups stored) and download each format over HTTP (read from the database,
 *   digest verified, rendered).
 *
 * Writes test/bench/results/export.json and .md. Figures, never pass/fail.
 */
import { signUpBench } from './api.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { EDITABLE_SECTIONS, addTimelineEntry, updateAction } from '@debrief/doc';
import {
	EXPORT_FORMATS,
	checkReadiness,
	contentDigest,
	diffSnapshots,
	readBoardContent,
	renderExport
} from '../../packages/export/src/index.ts';
import { FIXTURE_CLOSE } from '../../packages/export/src/fixtures/board.ts';
import { largeDocs } from '../../packages/export/src/fixtures/large.ts';
import { readEnv } from '../../server/src/env.ts';
import { createLogger } from '../../server/src/log.ts';
import { startServer } from '../../server/src/server.ts';
import { round, summarize, type Summary } from './stats.ts';

const EVENTS = 2000;
const NODES = 300;
const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 30);
const CLOSE_RUNS = Number(process.env.BENCH_EXPORT_CLOSE_RUNS ?? 5);

async function time(runs: number, fn: () => unknown): Promise<Summary> {
	await fn(); // one cold run, not counted
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		samples.push(performance.now() - start);
	}
	return summarize(samples);
}

async function pure() {
	const docs = largeDocs(EVENTS, NODES);
	const content = readBoardContent(docs, FIXTURE_CLOSE);
	const digest = await contentDigest(content);
	const sizes = Object.fromEntries(
		EXPORT_FORMATS.map((f) => [f, Buffer.byteLength(renderExport(f, content, digest).body)])
	);
	const read: [string, Summary] = [
		'read 6 documents into content',
		await time(RUNS, () => readBoardContent(docs, FIXTURE_CLOSE))
	];
	// A second revision with 100 changes: 50 new events, 50 actions moved to in-progress.
	for (let i = 0; i < 50; i++) {
		addTimelineEntry(docs.timeline, {
			id: `late${i}`,
			at: new Date(Date.UTC(2026, 2, 3, 9, i)).toISOString(),
			kind: 'note',
			text: `Later note ${i}`,
			author: 'Bench'
		});
		updateAction(docs.actions, `a${i}`, { status: 'in-progress' });
	}
	const next = readBoardContent(docs, { ...FIXTURE_CLOSE, revision: 2 });
	// Timed one after another: overlapping async timers would charge one figure for another's work.
	const renders: Array<[string, Summary]> = [];
	for (const f of EXPORT_FORMATS) {
		renders.push([`render ${f}`, await time(RUNS, () => renderExport(f, content, digest))]);
	}
	const rows: Array<[string, Summary]> = [
		read,
		['digest (canonical JSON + SHA-256)', await time(RUNS, () => contentDigest(content))],
		...renders,
		[
			'render all four formats',
			await time(RUNS, () => EXPORT_FORMATS.map((f) => renderExport(f, content, digest)))
		],
		['diff revision 1 → 2 (100 changes)', await time(RUNS, () => diffSnapshots(content, next))],
		['readiness check', await time(RUNS, () => checkReadiness(content))]
	];
	return { rows, sizes, changes: diffSnapshots(content, next).count };
}

async function overHttp() {
	const server = await startServer(
		readEnv({ PORT: '0', LOG_LEVEL: 'silent', DEBRIEF_DATA_DIR: 'memory://' }),
		createLogger('silent')
	);
	try {
		const call = (path: string, token: string, init: RequestInit = {}) =>
			fetch(`${server.url}${path}`, {
				...init,
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
			});
		const { token } = await signUpBench(server.url);
		const docs = largeDocs(EVENTS, NODES);
		const closes: number[] = [];
		const downloads: Record<string, number[]> = Object.fromEntries(
			EXPORT_FORMATS.map((f) => [f, []])
		);
		// Each round: a fresh board with the big content, closed once, each format downloaded.
		for (let round = 0; round <= CLOSE_RUNS; round++) {
			const created = await call('/api/boards', token, {
				method: 'POST',
				body: JSON.stringify({ title: 'Bench board', service: 'checkout' })
			});
			const { id } = (await created.json()) as { id: string };
			for (const section of EDITABLE_SECTIONS) {
				const room = server.deps.rooms.room({ boardId: id, section });
				await room.ready;
				room.applyServerChange((doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(docs[section])));
				await server.deps.rooms.flush({ boardId: id, section });
			}
			const start = performance.now();
			const closed = await call(`/api/boards/${id}/close`, token, { method: 'POST', body: '{}' });
			if (closed.status !== 200) throw new Error(`close: ${closed.status}`);
			if (round > 0) closes.push(performance.now() - start);
			for (let i = 0; i < 5; i++) {
				for (const f of EXPORT_FORMATS) {
					const t0 = performance.now();
					const res = await call(`/api/boards/${id}/snapshots/1?format=${f}`, token);
					await res.arrayBuffer();
					if (round > 0 || i > 0) downloads[f]!.push(performance.now() - t0);
				}
			}
		}
		return {
			close: summarize(closes),
			downloads: EXPORT_FORMATS.map((f) => [f, summarize(downloads[f]!)] as const)
		};
	} finally {
		await server.close();
	}
}

async function main() {
	const fn = await pure();
	const http = await overHttp();
	const report = {
		at: new Date().toISOString(),
		node: process.version,
		cores: availableParallelism(),
		loadAverage1m: round(loadavg()[0] ?? NaN),
		board: { events: EVENTS, nodes: NODES, factors: 40, actions: 60 },
		bytes: fn.sizes,
		pure: Object.fromEntries(fn.rows),
		http: { close: http.close, download: Object.fromEntries(http.downloads) }
	};
	const outDir = fileURLToPath(new URL('./results/', import.meta.url));
	mkdirSync(outDir, { recursive: true });
	writeFileSync(join(outDir, 'export.json'), JSON.stringify(report, null, 2) + '\n');
	const line = (name: string, s: Summary) =>
		`| ${name} | ${s.count} | ${s.p50} | ${s.p95} | ${s.max} |`;
	const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
	const md = [
		`# Export of a big board (${report.at}, Node ${report.node}, ${report.cores} cores, load ${report.loadAverage1m})`,
		'',
		`Board: ${EVENTS} timeline events, ${NODES} cause-tree nodes, 40 factors, 60 action items. ` +
			`Sizes: ${EXPORT_FORMATS.map((f) => `${f} ${kb(fn.sizes[f]!)}`).join(', ')}.`,
		'',
		'## Pure functions (`@debrief/export`), one cold run not counted',
		'',
		'| figure | runs | p50 ms | p95 ms | max ms |',
		'|---|---|---|---|---|',
		...fn.rows.map(([name, s]) => line(name, s)),
		'',
		'## Through the server (PGlite in memory, same process)',
		'',
		'Close: `POST /close`, which locks, flushes every room, reads the six documents, digests, and ' +
			'stores the snapshot and follow-ups. Download: `GET /snapshots/1?format=…`, which reads the ' +
			'snapshot, verifies its digest and renders.',
		'',
		'| figure | runs | p50 ms | p95 ms | max ms |',
		'|---|---|---|---|---|',
		line('close the meeting (snapshot stored)', http.close),
		...http.downloads.map(([f, s]) => line(`download ${f}`, s)),
		''
	].join('\n');
	writeFileSync(join(outDir, 'export.md'), md);
	console.log(md);
}

await main();
