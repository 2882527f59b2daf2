import type { LoadPool } from './load-pool.ts';
import { coreUsage, readCores, readProcess } from './process-stats.ts';
import type { CoreTimes } from './process-stats.ts';
import { socketUrl } from './servers.ts';
import type { RoomRef, Target } from './servers.ts';
import { Histogram, concat, round, summarize } from './stats.ts';
import type { Summary } from './stats.ts';
import { now } from './sync-client.ts';
import type { ClientSpec, WriteMode } from './sync-client.ts';
import type { ConnectResult, RunResult, VerifyResult } from './worker-protocol.ts';

export interface FanoutPlan {
	rooms: number;
	writersPerRoom: number;
	readersPerRoom: number;
	/** Updates per second per writer. */
	rate: number;
	seconds: number;
	presence?: boolean;
	mode?: WriteMode;
	/** Server base URLs clients are spread over (scale-out); default: the target's own. */
	instances?: string[];
	/** Extra server pids to count (the other instance). */
	extraPids?: number[];
}

export interface FanoutResult {
	/** Runs pooled into this result (see mergeFanout). */
	runs: number;
	clients: number;
	rooms: number;
	updatesSent: number;
	deliveriesExpected: number;
	deliveriesSeen: number;
	lost: number;
	duplicates: number;
	/** Fan-out latency, send to receive, ms (same instance). */
	latencyMs: Summary;
	/** Each pooled run's own p99 (ms), in the order they ran: how far runs differ. */
	p99PerRun?: number[];
	/**
	 * Ours only: where the ratio ours / reference of the pooled p99 lands when each server's runs
	 * are drawn again with replacement (`ratioInterval`); null with fewer than 2 runs a side.
	 */
	p99RatioInterval?: { low: number; high: number; level: number } | null;
	crossInstanceLatencyMs?: Summary;
	presenceLatencyMs?: Summary;
	connectMs: Summary;
	firstSyncMs: Summary;
	connectFailures: number;
	/** Wall time to connect and sync every client (they connect 50 at a time per load process). */
	connectAllMs: number;
	serverCpuPercent: number;
	/**
	 * How busy the server core(s) were while sending (%), and how much of that was not our server
	 * (other processes on a shared machine, or the hypervisor's steal): context for the latencies.
	 */
	serverCores: { busyPercent: number; othersPercent: number; stealPercent: number };
	clientCoresBusyPercent: number;
	serverRssMiB: { before: number; peak: number; after: number };
	client: { processes: number; cpuPercentMax: number; eventLoopDelayP99Ms: number; rssMiB: number };
	closes: Record<string, number>;
	refusals: number;
	/** Full readers whose document lacks a marker it should hold at the end (0 = converged). */
	verify: { fullReaders: number; missingMarkers: number };
	/** When the sends ran (wall-clock ms), to line up figures sampled elsewhere. */
	window: { startAt: number; endAt: number };
}

/** Builds the clients of a plan; writers' phases spread their sends over one interval. */
function specsFor(plan: FanoutPlan, rooms: RoomRef[], bases: string[]): ClientSpec[] {
	const specs: ClientSpec[] = [];
	const totalWriters = plan.rooms * plan.writersPerRoom;
	let writerIndex = 0;
	rooms.forEach((room, r) => {
		for (let i = 0; i < plan.writersPerRoom + plan.readersPerRoom; i++) {
			const writer = i < plan.writersPerRoom;
			const instance = i % bases.length;
			specs.push({
				id: specs.length,
				url: socketUrl(bases[instance]!, room, writer ? 'writer' : 'reader'),
				role: writer ? 'writer' : i === plan.writersPerRoom ? 'full' : 'reader',
				room: r,
				instance,
				mode: plan.mode ?? 'map',
				phase: writer ? writerIndex++ / totalWriters : Math.random()
			});
		}
	});
	return specs;
}

/** Creates documents with at most `concurrency` requests in flight. */
export async function newRooms(target: Target, count: number, concurrency = 16, readers = true) {
	const rooms: RoomRef[] = new Array(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, count) }, async () => {
			for (let i = next++; i < count; i = next++) rooms[i] = await target.newRoom({ readers });
		})
	);
	return rooms;
}

/** Runs one fan-out scenario: connect, send with markers for `seconds`, count, verify, close. */
export async function runFanout(
	pool: LoadPool,
	target: Target,
	plan: FanoutPlan
): Promise<FanoutResult> {
	const rooms = await newRooms(target, plan.rooms);
	const bases = plan.instances ?? [target.url];
	const specs = specsFor(plan, rooms, bases);
	const instanceOf = specs.map((s) => s.instance);
	const pids = [target.pid, ...(plan.extraPids ?? [])];
	const serverMemory = () => pids.reduce((n, pid) => n + readProcess(pid).rssMiB, 0);
	const serverCpu = () => pids.reduce((n, pid) => n + readProcess(pid).cpuSeconds, 0);
	const rssBefore = serverMemory();

	const connectStarted = now();
	const connected = await pool.all<ConnectResult>((w) => ({
		cmd: 'connect',
		clients: specs.filter((_, i) => i % pool.size === w),
		concurrency: 50,
		instanceOf
	}));
	const connectAllMs = now() - connectStarted;

	let peak = serverMemory();
	const sampler = setInterval(() => (peak = Math.max(peak, serverMemory())), 250);
	const startAt = now() + 500;
	const cpu: { start?: number; end?: number; coresStart?: CoreTimes; coresEnd?: CoreTimes } = {};
	setTimeout(() => {
		cpu.start = serverCpu();
		cpu.coresStart = readCores();
	}, startAt - now());
	setTimeout(
		() => {
			cpu.end = serverCpu();
			cpu.coresEnd = readCores();
		},
		startAt - now() + plan.seconds * 1000
	);
	const runs = await pool.all<RunResult>(() => ({
		cmd: 'run',
		startAt,
		seconds: plan.seconds,
		rate: plan.rate,
		presence: plan.presence ?? false,
		settleMs: 1000,
		maxSettleMs: 15_000,
		allWritersHere: pool.size === 1
	}));
	clearInterval(sampler);
	const verified = (await pool.all<VerifyResult>(() => ({ cmd: 'verify' }))).flat();
	await pool.all(() => ({ cmd: 'close' }));
	const rssAfter = serverMemory();

	const lastSeq = new Map(runs.flatMap((r) => r.lastSeq));
	const perRoom = new Map<number, { sent: number; delivered: number; readers: number }>();
	for (const room of runs.flatMap((r) => r.rooms)) {
		const total = perRoom.get(room.room) ?? { sent: 0, delivered: 0, readers: 0 };
		total.sent += room.sent;
		total.delivered += room.delivered;
		total.readers += room.readers;
		perRoom.set(room.room, total);
	}
	const sent = [...perRoom.values()].reduce((n, r) => n + r.sent, 0);
	const expected = [...perRoom.values()].reduce((n, r) => n + r.sent * r.readers, 0);
	const seen = [...perRoom.values()].reduce((n, r) => n + r.delivered, 0);
	const closes: Record<string, number> = {};
	for (const run of runs) {
		for (const [code, n] of Object.entries(run.closes)) closes[code] = (closes[code] ?? 0) + n;
	}
	const cross = concat(runs.map((r) => r.crossLatency));
	const serverCpuPercent = (((cpu.end ?? serverCpu()) - (cpu.start ?? 0)) / plan.seconds) * 100;
	const usage = (cores: number[]) =>
		cpu.coresStart && cpu.coresEnd
			? coreUsage(cpu.coresStart, cpu.coresEnd, cores)
			: { busyPercent: NaN, stealPercent: NaN };
	const serverCores = usage(pool.serverCores);
	const presence = concat(runs.map((r) => r.presenceLatency));
	const latency = concat(runs.map((r) => r.latency));
	const connectMs = connected.flatMap((c) => c.connectMs);
	const firstSyncMs = connected.flatMap((c) => c.firstSyncMs);
	const result: FanoutResult = {
		clients: specs.length,
		rooms: plan.rooms,
		updatesSent: sent,
		deliveriesExpected: expected,
		deliveriesSeen: seen,
		lost: expected - seen,
		duplicates: runs.reduce((n, r) => n + r.duplicates, 0),
		runs: 1,
		latencyMs: summarize(latency),
		...(cross.length > 0 ? { crossInstanceLatencyMs: summarize(cross) } : {}),
		...(presence.length > 0 ? { presenceLatencyMs: summarize(presence) } : {}),
		connectMs: summarize(connectMs),
		firstSyncMs: summarize(firstSyncMs),
		connectFailures: connected.reduce((n, c) => n + c.failed.length, 0),
		connectAllMs: round(connectAllMs),
		serverCpuPercent: round(serverCpuPercent, 1),
		serverCores: {
			busyPercent: round(serverCores.busyPercent, 1),
			// Server CPU is in % of one core; the cores' figure is % of all listed cores.
			othersPercent: round(
				serverCores.busyPercent - serverCpuPercent / Math.max(1, pool.serverCores.length),
				1
			),
			stealPercent: round(serverCores.stealPercent, 1)
		},
		clientCoresBusyPercent: round(usage(pool.clientCores).busyPercent, 1),
		serverRssMiB: { before: round(rssBefore, 1), peak: round(peak, 1), after: round(rssAfter, 1) },
		client: {
			processes: pool.size,
			cpuPercentMax: round(Math.max(...runs.map((r) => r.cpuPercent)), 1),
			eventLoopDelayP99Ms: round(Math.max(...runs.map((r) => r.eventLoopDelayMs.p99))),
			rssMiB: round(Math.max(...runs.map((r) => r.rssMiB)), 1)
		},
		closes,
		refusals: runs.reduce((n, r) => n + r.refusals, 0),
		verify: {
			fullReaders: verified.length,
			missingMarkers: missingMarkers(verified, specs, lastSeq)
		},
		window: { startAt, endAt: startAt + plan.seconds * 1000 }
	};
	samplesOf.set(result, {
		latency,
		cross,
		presence,
		connect: Float64Array.from(connectMs),
		firstSync: Float64Array.from(firstSyncMs)
	});
	return result;
}

interface Samples {
	latency: Float64Array;
	cross: Float64Array;
	presence: Float64Array;
	connect: Float64Array;
	firstSync: Float64Array;
}

/** The latencies of each run, as histograms (for `ratioInterval`). */
export function latencyHistograms(runs: FanoutResult[]): Histogram[] {
	return runs.map((run) => Histogram.of(samplesOf.get(run)?.latency ?? []));
}

/** Each run's raw samples, for pooling repeated runs (kept out of the JSON report). */
const samplesOf = new WeakMap<FanoutResult, Samples>();

/**
 * Several runs of one scenario on one server as one result: latencies pooled over every run's
 * samples (a 10 s run's p99 rests on its ~5 slowest updates; three runs, interleaved with the
 * other servers', on ~15), counts summed, CPU averaged, peaks and worst cases kept.
 */
export function mergeFanout(results: FanoutResult[]): FanoutResult {
	if (results.length === 1) return results[0]!;
	const raw = results.map((r) => samplesOf.get(r)!);
	const pooled = (pick: (s: Samples) => Float64Array) => concat(raw.map(pick));
	const sum = (pick: (r: FanoutResult) => number) => results.reduce((n, r) => n + pick(r), 0);
	const max = (pick: (r: FanoutResult) => number) => Math.max(...results.map(pick));
	const mean = (pick: (r: FanoutResult) => number) => round(sum(pick) / results.length, 1);
	const first = results[0]!;
	const cross = pooled((s) => s.cross);
	const presence = pooled((s) => s.presence);
	const closes: Record<string, number> = {};
	for (const r of results) {
		for (const [code, n] of Object.entries(r.closes)) closes[code] = (closes[code] ?? 0) + n;
	}
	return {
		...first,
		runs: results.length,
		updatesSent: sum((r) => r.updatesSent),
		deliveriesExpected: sum((r) => r.deliveriesExpected),
		deliveriesSeen: sum((r) => r.deliveriesSeen),
		lost: sum((r) => r.lost),
		duplicates: sum((r) => r.duplicates),
		latencyMs: summarize(pooled((s) => s.latency)),
		p99PerRun: results.map((r) => r.latencyMs.p99),
		...(cross.length > 0 ? { crossInstanceLatencyMs: summarize(cross) } : {}),
		...(presence.length > 0 ? { presenceLatencyMs: summarize(presence) } : {}),
		connectMs: summarize(pooled((s) => s.connect)),
		firstSyncMs: summarize(pooled((s) => s.firstSync)),
		connectFailures: sum((r) => r.connectFailures),
		connectAllMs: max((r) => r.connectAllMs),
		serverCpuPercent: mean((r) => r.serverCpuPercent),
		serverCores: {
			busyPercent: mean((r) => r.serverCores.busyPercent),
			othersPercent: mean((r) => r.serverCores.othersPercent),
			stealPercent: mean((r) => r.serverCores.stealPercent)
		},
		clientCoresBusyPercent: mean((r) => r.clientCoresBusyPercent),
		serverRssMiB: {
			before: first.serverRssMiB.before,
			peak: max((r) => r.serverRssMiB.peak),
			after: results[results.length - 1]!.serverRssMiB.after
		},
		client: {
			processes: first.client.processes,
			cpuPercentMax: max((r) => r.client.cpuPercentMax),
			eventLoopDelayP99Ms: max((r) => r.client.eventLoopDelayP99Ms),
			rssMiB: max((r) => r.client.rssMiB)
		},
		closes,
		refusals: sum((r) => r.refusals),
		verify: {
			fullReaders: sum((r) => r.verify.fullReaders),
			missingMarkers: sum((r) => r.verify.missingMarkers)
		},
		window: { startAt: first.window.startAt, endAt: results[results.length - 1]!.window.endAt }
	};
}

/**
 * Map mode: each full reader's document must hold every writer's last value of its room. Text
 * mode: every marker every writer of its room typed.
 */
function missingMarkers(verified: VerifyResult, specs: ClientSpec[], lastSeq: Map<number, number>) {
	let missing = 0;
	for (const reader of verified) {
		const held = new Set(reader.markers.map(([source, seq]) => `${source}:${seq}`));
		for (const writer of specs) {
			if (writer.role !== 'writer' || writer.room !== reader.room) continue;
			const last = lastSeq.get(writer.id) ?? 0;
			const wanted = writer.mode === 'map' ? (last > 0 ? [last] : []) : range(1, last);
			for (const seq of wanted) if (!held.has(`${writer.id}:${seq}`)) missing += 1;
		}
	}
	return missing;
}

const range = (from: number, to: number) =>
	Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * Runs that are not recorded: a fresh process compiles its hot paths and fills its pools during
 * its first seconds of load, and no server should be measured doing that. 3 s S1-shaped, then
 * (`long`) 10 s S2-shaped: after the short run alone, both servers were still compiling during
 * their first S2 run (V8's compiler threads took 11 ms/s of the reference's core, 21 ms/s of
 * ours). The churn keeps the short one: its memory figures are differences of RSS, and the
 * garbage of a big room collected in the middle of a round made them negative.
 */
export async function warmUp(
	pool: LoadPool,
	target: Target,
	{ instances, long = true }: { instances?: string[]; long?: boolean } = {}
) {
	const where = instances ? { instances } : {};
	await runFanout(pool, target, { ...S1_PLAN, seconds: 3, ...where });
	if (long) await runFanout(pool, target, { ...S2_PLAN, seconds: 10, ...where });
}

/** S1's and S2's load (see the scenarios in run.ts); the warm-up runs them too. */
export const S1_PLAN: Omit<FanoutPlan, 'seconds'> = {
	rooms: 1,
	writersPerRoom: 10,
	readersPerRoom: 40,
	rate: 5
};
export const S2_PLAN: Omit<FanoutPlan, 'seconds'> = {
	rooms: 1,
	writersPerRoom: 50,
	readersPerRoom: 150,
	rate: 2
};
