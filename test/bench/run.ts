/**
 * `pnpm bench`: starts the real server (PGlite, and Postgres when DATABASE_URL is set), drives
 * protocol clients that embed send times in their updates, and writes figures to
 * test/bench/results/ as JSON and a Markdown table. Figures, never pass/fail.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChildServer } from '../../server/test/child-server.ts';
import { readProcess } from './process-stats.ts';
import { ProtocolClient } from './protocol-client.ts';
import { round, summarize } from './stats.ts';

interface Scenario {
	name: string;
	writers: number;
	readers: number;
	ratePerWriter: number;
	seconds: number;
}

const SCENARIOS: Scenario[] = [
	{
		name: 'S1: 1 section, 10 writers + 40 readers, 5 updates/s each',
		writers: 10,
		readers: 40,
		ratePerWriter: 5,
		seconds: Number(process.env.BENCH_SECONDS ?? 20)
	}
];

const now = () => performance.timeOrigin + performance.now();

async function session(url: string): Promise<{ token: string | null; boardId: string }> {
	const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
	const signup = await fetch(`${url}/api/auth/signup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password: 'correct horse battery staple', name: 'Bench' })
	});
	const token = signup.ok ? (((await signup.json()) as { token?: string }).token ?? null) : null;
	const board = await fetch(`${url}/api/boards`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(token ? { authorization: `Bearer ${token}` } : {})
		},
		body: JSON.stringify({ title: 'Bench board' })
	});
	if (!board.ok) throw new Error(`could not create a board: ${board.status} ${await board.text()}`);
	return { token, boardId: ((await board.json()) as { id: string }).id };
}

async function runScenario(url: string, pid: number, scenario: Scenario) {
	const { token, boardId } = await session(url);
	const socketUrl = `${url.replace(/^http/, 'ws')}/sync/${boardId}/timeline${token ? `?token=${token}` : ''}`;
	const clients = Array.from(
		{ length: scenario.writers + scenario.readers },
		() => new ProtocolClient()
	);
	const connectStarted = now();
	await Promise.all(clients.map((client) => client.connect(socketUrl)));
	const connectAll = now() - connectStarted;
	const writers = clients.slice(0, scenario.writers);
	const readers = clients.slice(scenario.writers);
	const latencies: number[] = [];
	const seen = new Set<string>();
	for (const reader of readers) {
		reader.doc.getMap<{ t: number; seq: number }>('lat').observe((event) => {
			const at = now();
			for (const key of event.keysChanged) {
				const value = reader.doc.getMap<{ t: number; seq: number }>('lat').get(key);
				if (!value) continue;
				latencies.push(at - value.t);
				seen.add(`${key}:${value.seq}:${readers.indexOf(reader)}`);
			}
		});
	}
	const before = readProcess(pid);
	const started = now();
	let sent = 0;
	const timers = writers.map((writer, index) => {
		let seq = 0;
		// Writers start spread over one interval so their updates do not all land on one tick.
		const interval = 1000 / scenario.ratePerWriter;
		return new Promise<void>((resolve) => {
			setTimeout(
				() => {
					const timer = setInterval(() => {
						if (now() - started > scenario.seconds * 1000) {
							clearInterval(timer);
							resolve();
							return;
						}
						writer.doc.getMap('lat').set(`w${index}`, { t: now(), seq: ++seq });
						sent += 1;
					}, interval);
				},
				(interval * index) / scenario.writers
			);
		});
	});
	let peakRss = before.rssMiB;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, readProcess(pid).rssMiB)), 500);
	await Promise.all(timers);
	await new Promise((resolve) => setTimeout(resolve, 1000));
	clearInterval(sampler);
	const after = readProcess(pid);
	const elapsed = (now() - started) / 1000;
	const expected = sent * scenario.readers;
	for (const client of clients) client.close();
	return {
		scenario: scenario.name,
		clients: clients.length,
		updatesSent: sent,
		deliveriesExpected: expected,
		deliveriesSeen: seen.size,
		lost: expected - seen.size,
		latencyMs: summarize(latencies),
		connectMs: summarize(clients.map((c) => c.connectedAt)),
		firstSyncMs: summarize(clients.map((c) => c.syncedAt)),
		connectAllMs: round(connectAll),
		serverCpuPercent: round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100, 1),
		serverRssMiB: {
			before: round(before.rssMiB, 1),
			peak: round(peakRss, 1),
			after: round(after.rssMiB, 1)
		}
	};
}

async function main() {
	const backends: Array<{ name: string; env: Record<string, string> }> = [];
	const dataDir = mkdtempSync(join(tmpdir(), 'debrief-bench-'));
	backends.push({ name: 'debrief (PGlite)', env: { DEBRIEF_DATA_DIR: dataDir } });
	if (process.env.DATABASE_URL)
		backends.push({ name: 'debrief (Postgres)', env: { DATABASE_URL: process.env.DATABASE_URL } });
	else console.warn('[bench] DATABASE_URL not set: the Postgres run is skipped.');
	const results = [];
	for (const backend of backends) {
		const server = await startChildServer({ ...backend.env, LOG_LEVEL: 'warn' });
		try {
			for (const scenario of SCENARIOS) {
				console.log(`[bench] ${backend.name}: ${scenario.name} (${scenario.seconds}s)`);
				results.push({
					server: backend.name,
					...(await runScenario(server.url, server.process.pid!, scenario))
				});
			}
		} finally {
			server.process.kill('SIGTERM');
			await server.exited;
		}
	}
	rmSync(dataDir, { recursive: true, force: true });
	const outDir = fileURLToPath(new URL('./results/', import.meta.url));
	mkdirSync(outDir, { recursive: true });
	const report = {
		date: new Date().toISOString(),
		node: process.version,
		cpus: (await import('node:os')).cpus().length,
		results
	};
	writeFileSync(join(outDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
	const md = [
		`# Debrief benchmark (${report.date}, Node ${report.node}, ${report.cpus} cores)`,
		'',
		'| server | scenario | sent | delivered/expected | p50 ms | p95 ms | p99 ms | max ms | first sync p95 ms | CPU % | RSS peak MiB |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
		...results.map(
			(r) =>
				`| ${r.server} | ${r.scenario} | ${r.updatesSent} | ${r.deliveriesSeen}/${r.deliveriesExpected} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.firstSyncMs.p95} | ${r.serverCpuPercent} | ${r.serverRssMiB.peak} |`
		),
		''
	].join('\n');
	writeFileSync(join(outDir, 'latest.md'), md);
	console.log(md);
}

await main();
