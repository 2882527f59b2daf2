/**
 * Issue 8, crash: writers type while the server is killed with SIGKILL; after a restart, what
 * is stored is compared with what was sent. The loss window is how long before the kill the
 * first lost update was sent: it should stay near the persistence batch window.
 * `tsx bench/reliability/crash.ts` (BENCH_QUICK=1 for fewer trials).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { startChildServer } from '../../../server/test/child-server.ts';
import { percentile } from '../stats.ts';
import { boardOn, closeProvider, provider, sleep, whenSynced, writeReport } from './common.ts';

const TRIALS = process.env.BENCH_QUICK ? 2 : 5;
const WRITERS = 10;
const RATE = 20;
const BATCH_MS = 25;

async function trial() {
	const dir = mkdtempSync(join(tmpdir(), 'debrief-crash-'));
	const env = {
		DEBRIEF_DATA_DIR: dir,
		DEBRIEF_PERSIST_BATCH_MS: String(BATCH_MS),
		LOG_LEVEL: 'warn'
	};
	const first = await startChildServer(env);
	const { boardId, token } = await boardOn(first.url, 'Crash drill');
	const writers = Array.from({ length: WRITERS }, () =>
		provider(first.url, boardId, 'timeline', token)
	);
	await Promise.all(writers.map((w) => whenSynced(w)));
	const sentAt: number[][] = writers.map(() => []);
	const timers = writers.map((w, i) =>
		setInterval(() => {
			const seq = sentAt[i]!.length;
			sentAt[i]!.push(Date.now());
			w.doc.getMap('marks').set(`w${i}`, seq);
		}, 1000 / RATE)
	);
	await sleep(3000);
	const killedAt = Date.now();
	first.process.kill('SIGKILL');
	for (const t of timers) clearInterval(t);
	// Nothing may come back from the clients: this measures what the server had stored.
	for (const w of writers) closeProvider(w);
	await first.exited;
	const second = await startChildServer(env);
	const reader = provider(second.url, boardId, 'timeline', token, new Y.Doc());
	await whenSynced(reader);
	await sleep(300);
	const windows: number[] = [];
	let sent = 0;
	let lost = 0;
	for (let i = 0; i < WRITERS; i++) {
		const times = sentAt[i]!.filter((t) => t <= killedAt);
		sent += times.length;
		const stored = (reader.doc.getMap('marks').get(`w${i}`) as number | undefined) ?? -1;
		const firstLost = stored + 1;
		lost += Math.max(0, times.length - firstLost);
		windows.push(firstLost < times.length ? killedAt - times[firstLost]! : 0);
	}
	closeProvider(reader);
	second.process.kill('SIGTERM');
	await second.exited;
	rmSync(dir, { recursive: true, force: true });
	return { sent, lost, maxWindowMs: Math.max(...windows), windows };
}

const results = [];
for (let i = 0; i < TRIALS; i++) {
	console.log(`[crash] trial ${i + 1}/${TRIALS}`);
	results.push(await trial());
}
const all = results.flatMap((r) => r.windows);
const summary = {
	date: new Date().toISOString(),
	setup: {
		writers: WRITERS,
		updatesPerSecondEach: RATE,
		batchMs: BATCH_MS,
		trials: TRIALS,
		database: 'PGlite'
	},
	lossWindowMs: { p50: percentile(all, 50), max: Math.max(...all) },
	trials: results.map(({ sent, lost, maxWindowMs }) => ({ sent, lost, maxWindowMs }))
};
writeReport(
	'crash',
	summary,
	[
		`# Crash: SIGKILL while ${WRITERS} writers type (${RATE} updates/s each), batch window ${BATCH_MS} ms`,
		'',
		'| trial | updates sent | lost | loss window (ms) |',
		'|---|---|---|---|',
		...summary.trials.map((t, i) => `| ${i + 1} | ${t.sent} | ${t.lost} | ${t.maxWindowMs} |`),
		'',
		`Loss window over all writers: p50 ${summary.lossWindowMs.p50} ms, max ${summary.lossWindowMs.max} ms ` +
			'(time before the kill at which the first unstored update was sent). In the product the ' +
			'clients still hold these and re-send them on reconnect; this run stops them from doing so.',
		''
	].join('\n')
);
