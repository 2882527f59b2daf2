/**
 * Issue 8, soak: 100 stock clients on 10 boards (3 writers and 7 followers each, presence every
 * few seconds, some reconnects) for 10 minutes (BENCH_SOAK_SECONDS; BENCH_QUICK=1: 90 s).
 * Samples the server's RSS, heap-independent, and its open file descriptors; after warm-up both
 * must stay flat. `tsx bench/reliability/soak.ts`
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer } from '../../../server/test/child-server.ts';
import { readProcess } from '../process-stats.ts';
import { boardOn, closeProvider, provider, sleep, whenSynced, writeReport } from './common.ts';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? (process.env.BENCH_QUICK ? 90 : 600));
const BOARDS = 10;
const PER_BOARD = 10;
const WRITERS = 3;
const WARMUP_S = Math.min(60, Math.floor(SECONDS / 3));

const dir = mkdtempSync(join(tmpdir(), 'debrief-soak-'));
const server = await startChildServer({ DEBRIEF_DATA_DIR: dir, LOG_LEVEL: 'warn' });
const pid = server.process.pid!;
const fds = () => readdirSync(`/proc/${pid}/fd`).length;
const boards = await Promise.all(
	Array.from({ length: BOARDS }, (_, i) => boardOn(server.url, `Soak ${i}`))
);
const clients = boards.flatMap(({ boardId, token }) =>
	Array.from({ length: PER_BOARD }, (_, i) => ({
		p: provider(server.url, boardId, 'timeline', token),
		writer: i < WRITERS,
		name: `person-${boardId}-${i}`
	}))
);
await Promise.all(clients.map((c) => whenSynced(c.p)));
console.log(`[soak] ${clients.length} clients on ${BOARDS} boards for ${SECONDS} s`);

const samples: Array<{ t: number; rssMiB: number; fds: number }> = [];
const started = Date.now();
let tick = 0;
let sent = 0;
let reconnects = 0;
while (Date.now() - started < SECONDS * 1000) {
	tick += 1;
	for (const c of clients) {
		if (c.writer) {
			// A rolling window of 50 keys per writer: the document grows by tombstones, not keys.
			c.p.doc
				.getMap('events')
				.set(`${c.name}-${tick % 50}`, { at: Date.now(), text: `tick ${tick}` });
			sent += 1;
		}
		if (tick % 5 === 0) c.p.awareness.setLocalStateField('user', { name: c.name, tick });
	}
	// Every 30 s one follower per board drops and comes back, as phones do.
	if (tick % 30 === 0) {
		for (let b = 0; b < BOARDS; b++) {
			const c = clients[b * PER_BOARD + PER_BOARD - 1]!;
			c.p.disconnect();
			c.p.connect();
			reconnects += 1;
		}
	}
	if (tick % 10 === 0) {
		const { rssMiB } = readProcess(pid);
		samples.push({
			t: Math.round((Date.now() - started) / 1000),
			rssMiB: Math.round(rssMiB * 10) / 10,
			fds: fds()
		});
	}
	await sleep(1000);
}
for (const c of clients) closeProvider(c.p);
server.process.kill('SIGTERM');
await server.exited;
rmSync(dir, { recursive: true, force: true });

const after = samples.filter((s) => s.t >= WARMUP_S);
const first = after[0] ?? samples[0]!;
const last = after[after.length - 1] ?? samples[samples.length - 1]!;
const maxRss = Math.max(...after.map((s) => s.rssMiB));
const summary = {
	date: new Date().toISOString(),
	setup: {
		clients: clients.length,
		boards: BOARDS,
		writersPerBoard: WRITERS,
		seconds: SECONDS,
		warmupSeconds: WARMUP_S
	},
	updatesSent: sent,
	reconnects,
	rssMiB: {
		afterWarmup: first.rssMiB,
		end: last.rssMiB,
		maxAfterWarmup: maxRss,
		changePercent: Math.round(((last.rssMiB - first.rssMiB) / first.rssMiB) * 1000) / 10
	},
	openFds: { afterWarmup: first.fds, end: last.fds },
	samples
};
writeReport(
	'soak',
	summary,
	[
		`# Soak: ${clients.length} clients, ${BOARDS} boards, ${SECONDS} s`,
		'',
		`Updates sent: ${sent}; follower reconnects: ${reconnects}.`,
		'',
		'| after warm-up (' + WARMUP_S + ' s) | end | max after warm-up | change |',
		'|---|---|---|---|',
		`| RSS ${first.rssMiB} MiB, ${first.fds} fds | RSS ${last.rssMiB} MiB, ${last.fds} fds | ${maxRss} MiB | ${summary.rssMiB.changePercent}% |`,
		''
	].join('\n')
);
