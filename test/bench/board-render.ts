/**
 * `pnpm bench` (board render): a board with 2,000 timeline events and 300 cause tree nodes, in
 * Chromium. Measures, from the page's own clock:
 *
 * - **first render**: navigation start until the first 30 rows (first screen) and until all
 *   2,000 rows (timeline) or all 300 outline rows and diagram boxes (root causes) are in the DOM;
 *   cold (new browser profile: no IndexedDB, no service worker) and warm (reload: IndexedDB copy
 *   and cached app); and the longest task on the page's main thread meanwhile (a key pressed
 *   during it waits that long);
 * - **jump to an event not drawn yet**: from the root causes, "Show" in the facilitator's hints
 *   panel on event #1990, timed from the click until that row is on screen;
 * - **remote edit**: a protocol client adds an event (or a node) and we time until the new row is
 *   in the page's DOM (MutationObserver), wall clock on one machine.
 *
 * Ports: the server listens on a port the OS picks (`freePort` binds port 0, so one from the
 * ephemeral range, never a fixed one such as an e2e run's E2E_PORT); Playwright drives Chromium
 * over a pipe, so the browser listens on none.
 *
 * Needs the built web app (`pnpm build`). Writes test/bench/results/board-render.{json,md}.
 * Figures, never pass/fail.
 */
import { signUpBench } from './api.ts';
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
/** The event the jump goes to: near the end, so the timeline has not drawn it when it opens. */
const HINTED = 1990;
/** Wording the blameless checker flags, so the facilitator's panel lists that event. */
const HINTED_TEXT = `root cause: human error during the failover #${HINTED}`;
/** Rows the timeline draws at once (TimelineSection's FIRST_SCREEN), for the report's text. */
const TIMELINE_FIRST_SCREEN = 60;
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
	const { token, email, password } = await signUpBench(url, 'Bench Writer');
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
	// Destroying the doc destroys its awareness, whose timer would keep this process alive.
	return {
		doc,
		close: () => {
			provider.destroy();
			doc.destroy();
		}
	};
}

function seedTimeline(doc: Y.Doc): void {
	const start = Date.parse('2026-03-01T13:00:00Z');
	doc.transact(() => {
		for (let i = 0; i < EVENTS; i++) {
			addTimelineEntry(doc, {
				at: formatZonedIso(new Date(start + i * 5_400), 60),
				kind: TIMELINE_KINDS[i % TIMELINE_KINDS.length]!,
				text: i === HINTED ? HINTED_TEXT : `${sentence(i)} #${i}`,
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

type Check = { selector: string; count: number };

/** Waits until every check holds; returns the page clock (ms since navigation start) then. */
async function until(page: Page, checks: Check[]): Promise<number> {
	const handle = await page.waitForFunction(
		(cs) =>
			cs.every((c) => document.querySelectorAll(c.selector).length >= c.count)
				? performance.now()
				: 0,
		checks,
		{ polling: 'raf', timeout: 120_000 }
	);
	return handle.jsonValue();
}

/** Records the page's long tasks from its first script on (`__longest`: the longest, in ms). */
function watchLongTasks(): void {
	const w = window as unknown as { __longest: number };
	w.__longest = 0;
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
	}).observe({ type: 'longtask', buffered: true });
}

/**
 * Navigates, then times the first screen (`first`) and the whole board in the DOM (`all`), and
 * reads the longest task until then.
 */
async function renderTime(page: Page, path: string, first: Check[], all: Check[]) {
	await page.goto(path, { waitUntil: 'commit' });
	const firstScreen = await until(page, first);
	const allRows = await until(page, all);
	// A long task is reported after it ends: give the last one a moment to arrive.
	await page.waitForTimeout(100);
	const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
	return { first: firstScreen, all: allRows, longest };
}

interface RenderFigures {
	firstScreen: { cold: Summary; warm: Summary };
	allRows: { cold: Summary; warm: Summary };
	longestTask: { cold: Summary; warm: Summary };
}

async function firstRender(
	browser: Browser,
	url: string,
	acc: Account,
	path: string,
	first: Check[],
	all: Check[]
): Promise<RenderFigures> {
	const cold: { first: number; all: number; longest: number }[] = [];
	const warm: { first: number; all: number; longest: number }[] = [];
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext({ baseURL: url });
		await context.addInitScript(watchLongTasks);
		const login = await context.request.post('/api/auth/login', {
			data: { email: acc.email, password: acc.password },
			headers: { origin: url }
		});
		if (!login.ok()) throw new Error(`login: ${login.status()}`);
		const page = await context.newPage();
		cold.push(await renderTime(page, path, first, all));
		// Let IndexedDB and the service worker settle, then a reload reads from both.
		await page.waitForTimeout(1500);
		warm.push(await renderTime(page, path, first, all));
		await context.close();
	}
	const pick = (k: 'first' | 'all' | 'longest') => ({
		cold: summarize(cold.map((r) => r[k])),
		warm: summarize(warm.map((r) => r[k]))
	});
	return { firstScreen: pick('first'), allRows: pick('all'), longestTask: pick('longest') };
}

/**
 * From the root causes, as the facilitator: "Show" on the hint of event #HINTED in the hints
 * panel opens the timeline, which has to draw up to that row. Timed from the click until the row
 * is on screen; a new browser profile each run. A jump that never lands counts in `missed`.
 */
async function jumpToEvent(
	browser: Browser,
	url: string,
	acc: Account
): Promise<{ summary: Summary; missed: number }> {
	const times: number[] = [];
	let missed = 0;
	for (let run = 0; run < RUNS; run++) {
		const context = await browser.newContext({ baseURL: url });
		await context.request.post('/api/auth/login', {
			data: { email: acc.email, password: acc.password },
			headers: { origin: url }
		});
		const page = await context.newPage();
		await page.goto(`/boards/${acc.boardId}/rca`);
		await until(page, [{ selector: '[data-testid="rca-node"]', count: NODES }]);
		await page.getByTestId('blameless-panel-toggle').click();
		const show = page
			.locator('[data-testid="blameless-panel-item"][data-field^="timeline:"]')
			.getByRole('button', { name: 'Show' });
		await show.waitFor({ timeout: 30_000 });
		await page.evaluate(() => {
			const w = window as unknown as { __clickAt: number };
			// Inline: tsx names a function held in a const, and the page has no `__name` helper.
			document.addEventListener(
				'click',
				() => {
					w.__clickAt = performance.now();
				},
				{ capture: true, once: true }
			);
		});
		await show.click();
		const handle = page.waitForFunction(
			(text) => {
				const row = [...document.querySelectorAll('[data-testid="timeline-entry"]')].find((r) =>
					r.textContent?.includes(text)
				);
				const box = row?.getBoundingClientRect();
				const onScreen = box !== undefined && box.top >= 0 && box.bottom <= innerHeight;
				return onScreen
					? performance.now() - (window as unknown as { __clickAt: number }).__clickAt
					: 0;
			},
			HINTED_TEXT,
			{ polling: 'raf', timeout: 15_000 }
		);
		try {
			times.push(await (await handle).jsonValue());
		} catch {
			log(`run ${run}: event #${HINTED} was not on screen 15 s after "Show"`);
			missed++;
		}
		await context.close();
	}
	return { summary: summarize(times), missed };
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

/**
 * Sends `EDITS` edits 300 ms apart; returns, per edit, the time until the row is in the page and
 * until another protocol client (`relay`) has the update: the server's share of the delay.
 */
async function remoteEdits(
	page: Page,
	relay: Y.Doc,
	write: (i: number) => void
): Promise<{ screen: Summary; relay: Summary }> {
	await watchMarkers(page);
	const sent = new Map<number, number>();
	const relayed: number[] = [];
	const onUpdate = (): void => void relayed.push(Date.now());
	relay.on('update', onUpdate);
	for (let i = 0; i < EDITS; i++) {
		sent.set(i, Date.now());
		write(i);
		await new Promise((r) => setTimeout(r, 300));
	}
	await page.waitForTimeout(1500);
	relay.off('update', onUpdate);
	const seen = await page.evaluate(
		() => (window as unknown as { __seen: Record<string, number> }).__seen
	);
	const latencies = [...sent].flatMap(([i, t]) => (seen[i] !== undefined ? [seen[i]! - t] : []));
	if (latencies.length < EDITS) log(`only ${latencies.length}/${EDITS} remote edits were seen`);
	const relayLatencies = [...sent.values()].flatMap((t, i) =>
		relayed[i] !== undefined ? [relayed[i]! - t] : []
	);
	return { screen: summarize(latencies), relay: summarize(relayLatencies) };
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
		const timelineRelay = await connect(url, acc, 'timeline');
		const rcaRelay = await connect(url, acc, 'rca');
		const t0 = performance.now();
		seedTimeline(timeline.doc);
		seedTree(rca.doc);
		log(`seeded ${EVENTS} events and ${NODES} nodes in ${round(performance.now() - t0, 0)} ms`);
		await new Promise((r) => setTimeout(r, 2000));

		log(`first render, ${RUNS} runs each`);
		const timelineRender = await firstRender(
			browser,
			url,
			acc,
			`/boards/${acc.boardId}/timeline`,
			[{ selector: '[data-testid="timeline-entry"]', count: 30 }],
			[{ selector: '[data-testid="timeline-entry"]', count: EVENTS }]
		);
		const rcaRender = await firstRender(
			browser,
			url,
			acc,
			`/boards/${acc.boardId}/rca`,
			[{ selector: '[data-testid="rca-node"]', count: 30 }],
			[
				{ selector: '[data-testid="rca-node"]', count: NODES },
				{ selector: '[data-testid="diagram-node"]', count: NODES }
			]
		);

		// The same page on an empty board: what the app itself costs before any data.
		const empty = await fetch(`${url}/api/boards`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				authorization: `Bearer ${acc.token}`,
				origin: url
			},
			body: JSON.stringify({ title: 'Bench: empty board' })
		});
		const emptyId = ((await empty.json()) as { id: string }).id;
		const emptyCheck = [{ selector: '[data-testid="timeline-empty"]', count: 1 }];
		const emptyRender = await firstRender(
			browser,
			url,
			acc,
			`/boards/${emptyId}/timeline`,
			emptyCheck,
			emptyCheck
		);

		log(`jump to event #${HINTED} from the hints panel, ${RUNS} runs`);
		const jump = await jumpToEvent(browser, url, acc);

		log(`remote edits, ${EDITS} each`);
		const context = await browser.newContext({ baseURL: url });
		await context.request.post('/api/auth/login', {
			data: { email: acc.email, password: acc.password },
			headers: { origin: url }
		});
		const page = await context.newPage();
		await page.goto(`/boards/${acc.boardId}/timeline`);
		await until(page, [{ selector: '[data-testid="timeline-entry"]', count: EVENTS }]);
		const timelineEdit = await remoteEdits(page, timelineRelay.doc, (i) =>
			addTimelineEntry(timeline.doc, {
				at: formatZonedIso(new Date(Date.parse('2026-03-01T14:00:00Z') + i * 1000), 60),
				kind: 'note',
				text: `remote bench-mark-${i}`,
				author: 'Remote'
			})
		);
		await page.goto(`/boards/${acc.boardId}/rca`);
		await until(page, [{ selector: '[data-testid="rca-node"]', count: NODES }]);
		const rcaEdit = await remoteEdits(page, rcaRelay.doc, (i) =>
			addRcaNode(rca.doc, { id: `benchmark${i}`, parentId: '', text: `remote node ${i}` })
		);
		await context.close();
		for (const client of [timeline, rca, timelineRelay, rcaRelay]) client.close();

		const report = {
			date: new Date().toISOString(),
			node: process.version,
			cpus: cpus().length,
			load: loadavg().map((l) => round(l, 2)),
			chromium: browser.version(),
			board: { events: EVENTS, nodes: NODES },
			runs: RUNS,
			edits: EDITS,
			firstRenderMs: { timeline: timelineRender, rca: rcaRender, empty: emptyRender },
			jumpToEventMs: jump,
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
	firstRenderMs: Record<'timeline' | 'rca' | 'empty', RenderFigures>;
	jumpToEventMs: { summary: Summary; missed: number };
	remoteEditMs: Record<'timeline' | 'rca', { screen: Summary; relay: Summary }>;
}): void {
	const outDir = fileURLToPath(new URL('./results/', import.meta.url));
	mkdirSync(outDir, { recursive: true });
	writeFileSync(join(outDir, 'board-render.json'), JSON.stringify(report, null, 2) + '\n');
	const f = (s: Summary) => `${s.p50} | ${s.p95} | ${s.max}`;
	const md = [
		`# Board render (${report.date}, Chromium ${report.chromium}, Node ${report.node}, ${report.cpus} cores, load ${report.load.join(' ')})`,
		'',
		`A board with ${EVENTS} timeline events and ${NODES} cause tree nodes. First render: from navigation start, on the page's clock, until the first 30 rows are in the DOM (first screen) and until every row is (the timeline draws its first ${TIMELINE_FIRST_SCREEN} rows at once and the rest in slices of about 20 ms while the browser is idle); ${report.runs} runs; cold = new browser profile, warm = reload with the IndexedDB copy and the cached app. Longest task: the longest stretch the page's main thread was busy until every row was in (a key pressed then waits that long). Jump: from the root causes, "Show" in the facilitator's hints panel on event #${HINTED}, which the timeline has not drawn when it opens, from the click until its row is on screen (${report.runs} runs). Remote edit: a protocol client adds an item, timed until its row is in the DOM (${report.edits} edits).`,
		'',
		'| measure | p50 ms | p95 ms | max ms |',
		'|---|---|---|---|',
		`| empty board, timeline section shown, cold (the app alone) | ${f(report.firstRenderMs.empty.firstScreen.cold)} |`,
		`| empty board, timeline section shown, warm | ${f(report.firstRenderMs.empty.firstScreen.warm)} |`,
		...(['timeline', 'rca'] as const).flatMap((k) => {
			const r = report.firstRenderMs[k];
			const what =
				k === 'timeline' ? 'timeline (2,000 events)' : 'root causes (300 nodes + diagram)';
			return [
				`| first screen (30 rows), ${what}, cold | ${f(r.firstScreen.cold)} |`,
				`| first screen (30 rows), ${what}, warm | ${f(r.firstScreen.warm)} |`,
				`| every row in the page, ${what}, cold | ${f(r.allRows.cold)} |`,
				`| every row in the page, ${what}, warm | ${f(r.allRows.warm)} |`,
				`| longest task until every row is in, ${what}, cold | ${f(r.longestTask.cold)} |`,
				`| longest task until every row is in, ${what}, warm | ${f(r.longestTask.warm)} |`
			];
		}),
		`| jump to event #${HINTED} (not drawn yet) from the hints panel, click to row on screen${report.jumpToEventMs.missed ? ` (${report.jumpToEventMs.missed} of ${report.runs} never landed)` : ''} | ${f(report.jumpToEventMs.summary)} |`,
		`| remote edit to screen, timeline of 2,000 | ${f(report.remoteEditMs.timeline.screen)} |`,
		`| (of which the server relay, to another client) | ${f(report.remoteEditMs.timeline.relay)} |`,
		`| remote edit to screen, tree of 300 | ${f(report.remoteEditMs.rca.screen)} |`,
		`| (of which the server relay, to another client) | ${f(report.remoteEditMs.rca.relay)} |`,
		''
	].join('\n');
	writeFileSync(join(outDir, 'board-render.md'), md);
	console.log(md);
}

await main();
