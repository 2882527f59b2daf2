/**
 * `pnpm bench` (board render): a board with 2,000 timeline events and 300 cause tree nodes, in
 * Chromium. Measures, from the page's own clock:
 *
 * - **first render**: navigation start until all 2,000 rows (timeline) or all 300 outline rows
 *   and diagram boxes (root causes) are in the DOM; cold (new browser profile: no IndexedDB, no
 *   service worker) and warm (reload: IndexedDB copy and cached app);
 * - **remote edit**: a protocol client adds an event (or a node) and we time until the new row is
 *   in the page's DOM (MutationObserver), wall clock on one machine.
 *
 * Needs the built web app (`pnpm build`). Writes test/bench/results/board-render.{json,md}.
 * Figures, never pass/fail.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addRcaNode, addTimelineEntry, formatZonedIso, TIMELINE_KINDS } from '@debrief/doc';
import { freePort, startChildServer } from '../../server/test/child-server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/environment.ts';
import { round, summarize, type Summary } from './stats.ts';

const EVENTS = 2000;
const NODES = 300;
const RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 5);
const EDITS = Number(process.env.BENCH_RENDER_EDITS ?? 30);
const log = (line: string) => console.log(`[bench:render] ${line}`);

const WORDS =
	'checkout api p99 latency pool database deploy rollback alert paged eu canary error rate cache queue worker timeout retries'.split(
		' '
	);
const sentence = (i: number): string =>
	Array.from({ length: 6 + (i % 7) }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');

interface Account {
	email: string;
	password: string;
	token: string;
	boardId: string;
}

async function account(url: string): Promise<Account> {
	const email = `render-${Date.now()}@example.com`;
	const password = 'correct horse battery staple';
	const signup = await fetch(`${url}/api/auth/signup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: url },
		body: JSON.stringify({ email, password, name: 'Bench Writer' })
	});
	if (!signup.ok) throw new Error(`signup: ${signup.status} ${await signup.text()}`);
	const { token } = (await signup.json()) as { token: string };
	const board = await fetch(`${url}/api/boards`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: url },
		body: JSON.stringify({ title: 'Bench: 2,000 events, 300 causes' })
	});
	if (!board.ok) throw new Error(`board: ${board.status} ${await board.text()}`);
	return { email, password, token, boardId: ((await board.json()) as { id: string }).id };
}

/** A live protocol client on one section, as another participant's browser would be. */
async function connect(
	url: string,
	acc: Account,
	section: string
): Promise<{ doc: Y.Doc; close: () => void }> {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(
		`${url.replace(/^http/, 'ws')}/sync/${acc.boardId}`,
		section,
		doc,
		{
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
			params: { token: acc.token },
			disableBc: true
		}
	);
	await new Promise<void>((resolve) => {
		if (provider.synced) resolve();
		else provider.once('sync', () => resolve());
	});
	return { doc, close: () => provider.destroy() };
}

function seedTimeline(doc: Y.Doc): void {
	const start = Date.parse('2026-03-01T13:00:00Z');
	doc.transact(() => {
		for (let i = 0; i < EVENTS; i++) {
			addTimelineEntry(doc, {
				at: formatZonedIso(new Date(start + i * 5_400), 60),
				kind: TIMELINE_KINDS[i % TIMELINE_KINDS.length]!,
				text: `${sentence(i)} #${i}`,
				source: i % 5 === 0 ? `https://grafana.example.com/d/${i}` : '',
				author: 'Bench Writer'
			});
		}
	});
}

/** A tree three wide, filled level by level: 300 nodes, five to six levels deep. */
function seedTree(doc: Y.Doc): void {
	const queue: string[] = [''];
	let made = 0;
	doc.transact(() => {
		while (made < NODES) {
			const parent = queue.shift() ?? '';
			for (let k = 0; k < 3 && made < NODES; k++) {
				const r = addRcaNode(doc, {
					parentId: parent,
					text: sentence(made),
					kind: ['why', 'cause', 'hypothesis'][made % 3]
				});
				if (r.ok) queue.push(r.id);
				made++;
			}
		}
	});
}

/** ms from navigation start until `count` elements match `selector` (the page's clock). */
async function renderTime(page: Page, path: string, checks: { selector: string; count: number }[]) {
	await page.goto(path, { waitUntil: 'commit' });
	return page
		.waitForFunction(
			(cs) =>
				cs.every((c) => document.querySelectorAll(c.selector).length >= c.count)
					? performance.now()
					: 0,
			checks,
			{ polling: 'raf', timeout: 120_000 }
		)
		.then((h) => h.jsonValue());
}

async function firstRender(
	browser: Browser,
	url: string,
	acc: Account,
	path: string,
	checks: { selector: string; count: number }[]
): Promise<{ cold: Summary; warm: Summary }> {
	const cold: number[] = [];
	const warm: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext({ baseURL: url });
		const login = await context.request.post('/api/auth/login', {
			data: { email: acc.email, password: acc.password },
			headers: { origin: url }
		});
		if (!login.ok()) throw new Error(`login: ${login.status()}`);
		const page = await context.newPage();
		cold.push(await renderTime(page, path, checks));
		// Let IndexedDB and the service worker settle, then a reload reads from both.
		await page.waitForTimeout(1500);
		warm.push(await renderTime(page, path, checks));
		await context.close();
	}
	return { cold: summarize(cold), warm: summarize(warm) };
}

/** Watches the page for new rows carrying `data-bench` markers; returns when each was seen. */
async function watchMarkers(page: Page): Promise<void> {
	await page.evaluate(() => {
		const seen: Record<string, number> = {};
		(window as unknown as { __seen: Record<string, number> }).__seen = seen;
		new MutationObserver((mutations) => {
			const at = performance.timeOrigin + performance.now();
			for (const m of mutations) {
				for (const n of m.addedNodes) {
					if (!(n instanceof HTMLElement)) continue;
					const text = n.textContent ?? '';
					for (const hit of text.matchAll(/bench-mark-(\d+)/g)) seen[hit[1]!] ??= at;
					const id = n.dataset.nodeId ?? '';
					if (id.startsWith('benchmark')) seen[id.slice(9)] ??= at;
				}
			}
		}).observe(document.body, { childList: true, subtree: true });
	});
}

async function remoteEdits(page: Page, write: (i: number) => void): Promise<Summary> {
	await watchMarkers(page);
	const sent = new Map<number, number>();
	for (let i = 0; i < EDITS; i++) {
		sent.set(i, Date.now());
		write(i);
		await new Promise((r) => setTimeout(r, 300));
	}
	await page.waitForTimeout(1500);
	const seen = await page.evaluate(
		() => (window as unknown as { __seen: Record<string, number> }).__seen
	);
	const latencies = [...sent].flatMap(([i, t]) => (seen[i] !== undefined ? [seen[i]! - t] : []));
	if (latencies.length < EDITS) log(`only ${latencies.length}/${EDITS} remote edits were seen`);
	return summarize(latencies);
}

async function main() {
	if (!existsSync(fileURLToPath(new URL('../../web/build/handler.js', import.meta.url)))) {
		log('web/build is missing: run `pnpm build` first. Skipped.');
		return;
	}
	if (!existsSync(chromiumPath())) {
		log(`no Chromium at ${chromiumPath()}. Skipped.`);
		return;
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'debrief-render-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const server = await startChildServer(
		{ DEBRIEF_DATA_DIR: dataDir, PUBLIC_ORIGIN: url, LOG_LEVEL: 'warn' },
		port
	);
	log(`server on ${url}`);
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
	try {
		const acc = await account(url);
		log(`board ${acc.boardId}`);
		const timeline = await connect(url, acc, 'timeline');
		const rca = await connect(url, acc, 'rca');
		const t0 = performance.now();
		seedTimeline(timeline.doc);
		seedTree(rca.doc);
		log(`seeded ${EVENTS} events and ${NODES} nodes in ${round(performance.now() - t0, 0)} ms`);
		await new Promise((r) => setTimeout(r, 2000));

		log(`first render, ${RUNS} runs each`);
		const timelineRender = await firstRender(browser, url, acc, `/boards/${acc.boardId}/timeline`, [
			{ selector: '[data-testid="timeline-entry"]', count: EVENTS }
		]);
		const rcaRender = await firstRender(browser, url, acc, `/boards/${acc.boardId}/rca`, [
			{ selector: '[data-testid="rca-node"]', count: NODES },
			{ selector: '[data-testid="diagram-node"]', count: NODES }
		]);

		log(`remote edits, ${EDITS} each`);
		const context = await browser.newContext({ baseURL: url });
		await context.request.post('/api/auth/login', {
			data: { email: acc.email, password: acc.password },
			headers: { origin: url }
		});
		const page = await context.newPage();
		await renderTime(page, `/boards/${acc.boardId}/timeline`, [
			{ selector: '[data-testid="timeline-entry"]', count: EVENTS }
		]);
		const timelineEdit = await remoteEdits(page, (i) =>
			addTimelineEntry(timeline.doc, {
				at: formatZonedIso(new Date(Date.parse('2026-03-01T14:00:00Z') + i * 1000), 60),
				kind: 'note',
				text: `remote bench-mark-${i}`,
				author: 'Remote'
			})
		);
		await renderTime(page, `/boards/${acc.boardId}/rca`, [
			{ selector: '[data-testid="rca-node"]', count: NODES }
		]);
		const rcaEdit = await remoteEdits(page, (i) =>
			addRcaNode(rca.doc, { id: `benchmark${i}`, parentId: '', text: `remote node ${i}` })
		);
		await context.close();
		timeline.close();
		rca.close();

		const report = {
			date: new Date().toISOString(),
			node: process.version,
			cpus: cpus().length,
			load: loadavg().map((l) => round(l, 2)),
			chromium: browser.version(),
			board: { events: EVENTS, nodes: NODES },
			runs: RUNS,
			edits: EDITS,
			firstRenderMs: { timeline: timelineRender, rca: rcaRender },
			remoteEditMs: { timeline: timelineEdit, rca: rcaEdit }
		};
		write(report);
	} finally {
		await browser.close();
		server.process.kill('SIGTERM');
		await server.exited;
		rmSync(dataDir, { recursive: true, force: true });
	}
}

function write(report: {
	date: string;
	node: string;
	cpus: number;
	load: number[];
	chromium: string;
	runs: number;
	edits: number;
	firstRenderMs: Record<'timeline' | 'rca', { cold: Summary; warm: Summary }>;
	remoteEditMs: Record<'timeline' | 'rca', Summary>;
}): void {
	const outDir = fileURLToPath(new URL('./results/', import.meta.url));
	mkdirSync(outDir, { recursive: true });
	writeFileSync(join(outDir, 'board-render.json'), JSON.stringify(report, null, 2) + '\n');
	const f = (s: Summary) => `${s.p50} | ${s.p95} | ${s.max}`;
	const md = [
		`# Board render (${report.date}, Chromium ${report.chromium}, Node ${report.node}, ${report.cpus} cores, load ${report.load.join(' ')})`,
		'',
		`A board with ${EVENTS} timeline events and ${NODES} cause tree nodes. First render: navigation start until every row is in the DOM (${report.runs} runs; cold = new profile, warm = reload with the IndexedDB copy). Remote edit: a protocol client adds an item, timed until its row is in the DOM (${report.edits} edits).`,
		'',
		'| measure | p50 ms | p95 ms | max ms |',
		'|---|---|---|---|',
		`| first render, timeline (2,000 rows), cold | ${f(report.firstRenderMs.timeline.cold)} |`,
		`| first render, timeline (2,000 rows), warm | ${f(report.firstRenderMs.timeline.warm)} |`,
		`| first render, root causes (300 rows + diagram), cold | ${f(report.firstRenderMs.rca.cold)} |`,
		`| first render, root causes (300 rows + diagram), warm | ${f(report.firstRenderMs.rca.warm)} |`,
		`| remote edit to screen, timeline of 2,000 | ${f(report.remoteEditMs.timeline)} |`,
		`| remote edit to screen, tree of 300 | ${f(report.remoteEditMs.rca)} |`,
		''
	].join('\n');
	writeFileSync(join(outDir, 'board-render.md'), md);
	console.log(md);
}

await main();
