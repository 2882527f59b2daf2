/**
 * Issue 8, reconnect storm: 200 stock clients (with our jittered reconnect) on one board; the
 * server restarts (SIGTERM, 1012) and they all come back. Reports how long until every client
 * had synced again and how the returns spread. `tsx bench/reliability/storm.ts`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withJitteredReconnect } from '@debrief/sync';
import { freePort, startChildServer } from '../../../server/test/child-server.ts';
import { percentile } from '../stats.ts';
import { boardOn, closeProvider, provider, sleep, whenSynced, writeReport } from './common.ts';

const CLIENTS = Number(process.env.BENCH_STORM_CLIENTS ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'debrief-storm-'));
const port = await freePort();
const env = { DEBRIEF_DATA_DIR: dir, LOG_LEVEL: 'warn' };
const first = await startChildServer(env, port);
const { boardId, token } = await boardOn(first.url, 'Storm');
const clients = [];
for (let i = 0; i < CLIENTS; i++) {
	clients.push(withJitteredReconnect(provider(first.url, boardId, 'timeline', token)));
	// Joining is not the storm under test: let them arrive over a second or two.
	if (i % 20 === 19) await sleep(100);
}
await Promise.all(clients.map((c) => whenSynced(c, 120_000)));
console.log(`[storm] ${CLIENTS} clients synced; restarting the server`);
first.process.kill('SIGTERM');
await first.exited;
const down = Date.now();
const back: number[] = [];
for (const c of clients) {
	c.on('sync', (synced: boolean) => {
		if (synced) back.push(Date.now() - down);
	});
}
const second = await startChildServer(env, port);
const upAfter = Date.now() - down;
const deadline = Date.now() + 120_000;
while (back.length < CLIENTS && Date.now() < deadline) await sleep(100);
for (const c of clients) closeProvider(c);
second.process.kill('SIGTERM');
await second.exited;
rmSync(dir, { recursive: true, force: true });

const summary = {
	date: new Date().toISOString(),
	clients: CLIENTS,
	serverBackAfterMs: upAfter,
	resynced: back.length,
	resyncMs: {
		first: Math.min(...back),
		p50: percentile(back, 50),
		p95: percentile(back, 95),
		last: Math.max(...back)
	}
};
writeReport(
	'storm',
	summary,
	[
		`# Reconnect storm: ${CLIENTS} clients, server restarted (SIGTERM, 1012)`,
		'',
		`Server listening again ${upAfter} ms after it went down (PGlite start).`,
		'',
		'| re-synced | first | p50 | p95 | last (ms after the restart began) |',
		'|---|---|---|---|---|',
		`| ${back.length}/${CLIENTS} | ${summary.resyncMs.first} | ${summary.resyncMs.p50} | ${summary.resyncMs.p95} | ${summary.resyncMs.last} |`,
		''
	].join('\n')
);
