/**
 * `pnpm bench`: starts what it needs (the reference y-websocket server, our server on PGlite and on
 * Postgres, a second instance and Redis for scale-out), drives protocol clients from load
 * processes pinned apart from the servers, and writes test/bench/results/latest.{json,md}.
 * Figures, never pass/fail: it exits 0 unless it could not run. Knobs: see config.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCapacity } from './capacity.ts';
import { runChurn } from './churn.ts';
import { runColdJoin, settle } from './cold-join.ts';
import { readConfig } from './config.ts';
import { readCoreSpeed } from './core-speed.ts';
import type { BenchConfig, ScenarioKey, TargetId } from './config.ts';
import { S1_PLAN, S2_PLAN, latencyHistograms, mergeFanout, runFanout, warmUp } from './fanout.ts';
import type { FanoutResult } from './fanout.ts';
import type { FanoutPlan } from './fanout.ts';
import { LoadPool } from './load-pool.ts';
import { runPersistence } from './persistence.ts';
import { keepOffServerCores, pin, planCores, setBenchNice } from './process-stats.ts';
import { ratioInterval } from './stats.ts';
import { machine, renderMarkdown } from './report.ts';
import type { Report } from './report.ts';
import { runScaleOut } from './scale-out.ts';
import { startDebrief, startReference } from './servers.ts';
import type { Target } from './servers.ts';
import { findPostgres, findRedis } from './services.ts';

const FANOUT: Record<
	'S1' | 'S2' | 'S2p' | 'S3',
	{ title: string; plan: Omit<FanoutPlan, 'seconds'> }
> = {
	S1: {
		title: 'S1: 1 section, 10 writers + 40 readers, 5 updates/s each',
		plan: S1_PLAN
	},
	S2: {
		title: 'S2: 1 section, 50 writers + 150 readers, 2 updates/s each',
		plan: S2_PLAN
	},
	S2p: {
		title: 'S2 + presence: as S2, everyone renews presence 1/s, writers type into one shared text',
		plan: {
			rooms: 1,
			writersPerRoom: 50,
			readersPerRoom: 150,
			rate: 2,
			presence: true,
			mode: 'text'
		}
	},
	S3: {
		title: 'S3: 100 boards, 3 writers + 7 readers each, 1 update/s',
		plan: { rooms: 100, writersPerRoom: 3, readersPerRoom: 7, rate: 1 }
	}
};

const PERSISTENCE_STAGES = [
	{ label: 'S2 rate (1 doc, 50 writers × 2/s, 150 readers)', plan: FANOUT.S2.plan },
	{
		label: '1,000/s (100 docs × 2 writers × 5/s)',
		plan: { rooms: 100, writersPerRoom: 2, readersPerRoom: 0, rate: 5 }
	},
	{
		label: '3,000/s (300 docs × 2 writers × 5/s)',
		plan: { rooms: 300, writersPerRoom: 2, readersPerRoom: 0, rate: 5 }
	}
];

/** Settings of our bench servers that differ from the defaults, and why. */
const BENCH_SERVER_ENV = {
	// Churn and cold joins need rooms to unload soon after their sockets leave (default 30 s).
	DEBRIEF_ROOM_IDLE_MS: '1000'
};

const log = (line: string) => console.log(`[bench] ${line}`);

/** The command as run, with the knobs that were set, so the report says how to repeat it. */
function commandLine(): string {
	const knobs = Object.entries(process.env)
		.filter(([name]) => name.startsWith('BENCH_'))
		.map(([name, value]) => `${name}=${value}`)
		.sort();
	return [...knobs, 'pnpm --filter @debrief/test bench'].join(' ');
}

async function main() {
	const config = readConfig();
	const cores = planCores();
	const niced = setBenchNice(config.nice);
	pin(process.pid, cores.clients);
	log(
		`${cores.note}; ${config.quick ? 'quick run' : 'full run'}, ${config.seconds} s per fan-out run`
	);
	const load = { start: loadavg()[0]! };
	const postgres = await findPostgres();
	log(postgres.note);
	const postgresMoved = postgres.url
		? keepLocalServiceOff(postgres.url, 5432, cores.clients)
		: null;
	const pool = new LoadPool(config.clientProcesses, cores);
	const speedAtStart = readCoreSpeed(pool.serverCores, pool.clientCores);
	log(`core speed at the start: ${JSON.stringify(speedAtStart)} (ms)`);
	const report: Report = {
		date: new Date().toISOString(),
		command: commandLine(),
		machine: machine(),
		cores,
		config,
		serverEnv: BENCH_SERVER_ENV,
		targets: {},
		fanout: {},
		coldJoin: [],
		capacity: {},
		churn: {},
		persistence: {},
		notes: [
			postgres.note,
			...(postgresMoved ? [postgresMoved.note] : []),
			niced
				? `every process the bench starts runs at nice ${config.nice} (BENCH_NICE), so other work on a shared machine takes less of the measured cores`
				: `could not set nice ${config.nice}: processes run at normal priority`
		],
		durationsSeconds: {},
		loadAverage: { start: load.start, end: NaN },
		coreSpeed: { start: speedAtStart, end: null }
	};
	const targets = new Map<TargetId, Target>();
	const dataDir = mkdtempSync(join(tmpdir(), 'debrief-bench-'));
	const services: Services = { cpus: cores.server, dataRoot: dataDir, postgresUrl: postgres.url };
	try {
		for (const id of config.targets) {
			const target = await startTarget(id, services);
			if (target) targets.set(id, target);
		}
		for (const [id, target] of targets) report.targets[id] = target.name;
		await timed(report, 'warm-up', async () => {
			for (const target of targets.values()) {
				log(`warming up ${target.name}`);
				await warmUp(pool, target);
			}
		});
		await runScenarios(report, pool, targets, services).catch((error: unknown) => {
			for (const target of targets.values()) {
				console.error(`[bench] last output of ${target.name}:\n${target.output().slice(-4000)}`);
			}
			throw error;
		});
		for (const target of targets.values()) await target.stop();
		targets.clear();
		if (config.scenarios.includes('S6')) {
			await timed(report, 'S6', () =>
				scaleOut(report, pool, postgres.url, cores.server, cores.clients, config)
			);
		}
	} finally {
		for (const target of targets.values()) await target.stop().catch(() => {});
		postgresMoved?.restore();
		pool.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
	report.coreSpeed.end = readCoreSpeed(pool.serverCores, pool.clientCores);
	report.loadAverage.end = loadavg()[0]!;
	const outDir = fileURLToPath(new URL('./results/', import.meta.url));
	mkdirSync(outDir, { recursive: true });
	writeFileSync(join(outDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
	const markdown = renderMarkdown(report);
	writeFileSync(join(outDir, 'latest.md'), markdown);
	console.log(markdown);
}

interface Services {
	cpus: string | null;
	/** Folder for PGlite data directories (removed at the end). */
	dataRoot: string;
	postgresUrl: string | null;
}

/** Starts one server under test; null when it cannot run here (no Postgres). */
async function startTarget(id: TargetId, services: Services): Promise<Target | null> {
	const { cpus, dataRoot, postgresUrl } = services;
	if (id === 'reference') return startReference(cpus);
	if (id === 'pglite') {
		const env = { ...BENCH_SERVER_ENV, DEBRIEF_DATA_DIR: mkdtempSync(join(dataRoot, 'pglite-')) };
		return startDebrief('debrief (PGlite)', env, cpus);
	}
	if (!postgresUrl) return null;
	const env = { ...BENCH_SERVER_ENV, DATABASE_URL: postgresUrl };
	return startDebrief('debrief (Postgres)', env, cpus);
}

/** Runs `fn`, adding its wall time to the report (so the cost of each scenario is visible). */
async function timed<T>(report: Report, label: string, fn: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await fn();
	} finally {
		report.durationsSeconds[label] = Math.round((Date.now() - started) / 1000);
	}
}

/** `settle`, saying so when the servers did not go quiet. */
async function settleAll(targets: Map<TargetId, Target>): Promise<void> {
	const { quiet, waitedMs } = await settle([...targets.values()]);
	if (!quiet) log(`  servers still busy after ${waitedMs} ms; going on`);
}

async function runScenarios(
	report: Report,
	pool: LoadPool,
	targets: Map<TargetId, Target>,
	services: Services
) {
	const { config } = report;
	const has = (key: ScenarioKey) => config.scenarios.includes(key);
	const each = (fn: (id: TargetId, target: Target) => Promise<void>) => async () => {
		for (const [id, target] of targets) {
			await settleAll(targets);
			await fn(id, target);
		}
	};
	for (const key of ['S1', 'S2', 'S2p', 'S3'] as const) {
		if (!has(key)) continue;
		const { title, plan } = FANOUT[key];
		const results: NonNullable<Report['fanout'][string]>['results'] = {};
		report.fanout[key] = { title, results };
		// Interleaved by scenario and by repeat, so background noise on the machine hits every
		// server alike; each server's runs are pooled into one result.
		const runs = new Map<TargetId, FanoutResult[]>();
		await timed(report, key, async () => {
			for (let repeat = 1; repeat <= config.repeats; repeat++) {
				await each(async (id, target) => {
					log(`${key} on ${target.name} (run ${repeat} of ${config.repeats})`);
					const r = await runFanout(pool, target, { ...plan, seconds: config.seconds });
					runs.set(id, [...(runs.get(id) ?? []), r]);
					log(
						`  p50 ${r.latencyMs.p50} p99 ${r.latencyMs.p99} ms, lost ${r.lost}, server CPU ${r.serverCpuPercent}% (core busy ${r.serverCores.busyPercent}%), client CPU ${r.client.cpuPercentMax}%`
					);
				})();
			}
		});
		for (const [id, list] of runs) results[id] = mergeFanout(list);
		const reference = runs.get('reference');
		const referenceHistograms = reference ? latencyHistograms(reference) : null;
		for (const [id, list] of runs) {
			if (id === 'reference' || !referenceHistograms) continue;
			results[id]!.p99RatioInterval = ratioInterval(latencyHistograms(list), referenceHistograms);
		}
	}
	if (has('S4')) {
		for (const entries of config.coldJoinEntries) {
			const row: Report['coldJoin'][number] = { entries, results: {} };
			report.coldJoin.push(row);
			await timed(
				report,
				`S4 ${entries}`,
				each(async (id, target) => {
					log(`S4 ${entries} entries on ${target.name}`);
					row.results[id] = await runColdJoin(pool, target, entries, config.coldJoins);
				})
			);
		}
	}
	if (has('S5')) {
		await timed(
			report,
			'S5',
			each(async (id, target) => {
				log(`S5 capacity on ${target.name}`);
				const { capacitySteps, capacitySeconds } = config;
				report.capacity[id] = await runCapacity(pool, target, capacitySteps, capacitySeconds, log);
			})
		);
	}
	if (has('churn')) {
		await timed(report, 'churn', () => churn(report, pool, [...targets.keys()], services));
	}
	if (has('S7')) {
		const stages = PERSISTENCE_STAGES.slice(0, config.persistenceStages);
		await timed(
			report,
			'S7',
			each(async (id, target) => {
				if (target.kind !== 'debrief') return;
				log(`S7 persistence on ${target.name}`);
				report.persistence[id] = await runPersistence(pool, target, stages, config.seconds, log);
			})
		);
	}
}

/**
 * The churn runs on freshly started servers (warmed up like the others), so round 0 shows what
 * loaded boards and connections cost without the garbage earlier scenarios left behind.
 */
async function churn(report: Report, pool: LoadPool, started: TargetId[], services: Services) {
	const { churnRounds, churnBoards, churnTargets } = report.config;
	// Without Postgres, the churn falls back to PGlite rather than not measuring our server.
	const ids = churnTargets.filter((id) => started.includes(id));
	if (!ids.some((id) => id !== 'reference') && started.includes('pglite')) ids.push('pglite');
	for (const id of ids) {
		const target = await startTarget(id, services);
		if (!target) continue;
		try {
			log(
				`churn on a fresh ${target.name}: warm-up + ${churnRounds} rounds of ${churnBoards} boards`
			);
			await warmUp(pool, target, { long: false });
			report.churn[id] = await runChurn(pool, target, churnRounds, churnBoards, log);
		} finally {
			await target.stop();
		}
	}
}

async function scaleOut(
	report: Report,
	pool: LoadPool,
	databaseUrl: string | null,
	cpus: string | null,
	clientCpus: string | null,
	{ seconds, repeats }: Pick<BenchConfig, 'seconds' | 'repeats'>
) {
	if (!databaseUrl) {
		report.scaleOut = { skipped: 'needs Postgres (two instances cannot share PGlite)' };
		return;
	}
	const redis = await findRedis();
	if (!redis) {
		report.scaleOut = { skipped: 'no Redis reachable and no redis-server to start' };
		return;
	}
	report.notes.push(redis.note);
	log(`S6 scale-out: two instances, ${redis.note}`);
	const redisMoved = keepLocalServiceOff(redis.url, 6379, clientCpus);
	if (redisMoved) report.notes.push(redisMoved.note);
	try {
		report.scaleOut = await runScaleOut(
			pool,
			{ databaseUrl, redisUrl: redis.url },
			cpus,
			{ ...FANOUT.S1.plan, seconds },
			repeats
		);
		log(
			`  cross-instance p99 ${report.scaleOut.split.crossInstanceLatencyMs?.p99 ?? 'n/a'} ms vs single ${report.scaleOut.single.latencyMs.p99} ms`
		);
	} finally {
		redisMoved?.restore();
		await redis.stop();
	}
}

/**
 * A service on this machine (Postgres, Redis) moved to the load clients' cores for the run, where
 * a service on a machine of its own would not take the server's core; put back at the end.
 */
function keepLocalServiceOff(
	url: string,
	defaultPort: number,
	clientCpus: string | null
): { note: string; restore(): void } | null {
	const { hostname, port, protocol } = new URL(url);
	if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) return null;
	const name = protocol.startsWith('redis') ? 'Redis' : 'Postgres';
	const moved = keepOffServerCores(Number(port || defaultPort), clientCpus);
	if (!moved) {
		log(`${name} could not be moved off the server core: it shares it with the server`);
		return null;
	}
	log(`${name} (pid ${moved.pid}, ${moved.moved} processes) on the client cores for the run`);
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
		moved.restore();
	};
	// Stopped half-way (Ctrl-C), the bench still puts the service back where it was.
	const interrupted = (signal: NodeJS.Signals) => {
		restore();
		process.kill(process.pid, signal);
	};
	process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
	return {
		note: `${name} (pid ${moved.pid} and its ${moved.moved - 1} child processes) ran on the client cores (${clientCpus}), as on a machine of its own: not on the servers' core`,
		restore
	};
}

try {
	await main();
} catch (error) {
	console.error('[bench] could not run:', error);
	process.exitCode = 1;
}
