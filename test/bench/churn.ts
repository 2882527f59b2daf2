import { waitUnloaded } from './cold-join.ts';
import { newRooms } from './fanout.ts';
import type { LoadPool } from './load-pool.ts';
import { readProcess } from './process-stats.ts';
import { socketUrl } from './servers.ts';
import type { RoomRef, Target } from './servers.ts';
import { now } from './sync-client.ts';
import type { ClientSpec } from './sync-client.ts';
import { round } from './stats.ts';
import type { ConnectResult, RunResult } from './worker-protocol.ts';

export interface ChurnRound {
	round: number;
	/** Server RSS before the round, with one socket per board, with two, and after all left. */
	rssMiB: { before: number; oneSocket: number; twoSockets: number; after: number };
	/** After this round vs after the warm-up round, in %. */
	afterVsStartPercent: number;
	/** Rooms our server still held once it reported none (0), or how many it kept. */
	roomsAfter: number | null;
	createBoardsMs: number;
	connectFailures: number;
	lost: number;
}

export interface ChurnResult {
	boardsPerRound: number;
	/** RSS before any churn, and after the warm-up round 0 (the start rounds are compared with). */
	coldStartRssMiB: number;
	startRssMiB: number;
	rounds: ChurnRound[];
	/** From round 0's RSS steps (KiB): see runChurn. */
	perLoadedBoardKiB: number;
	perConnectionKiB: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function specs(rooms: RoomRef[], target: Target, role: 'writer' | 'reader', offset: number) {
	return rooms.map((room, r): ClientSpec => ({
		id: offset + r,
		url: socketUrl(target.url, room, role),
		role,
		room: r,
		instance: 0,
		mode: 'map',
		phase: r / rooms.length
	}));
}

/**
 * Churn: rounds of `boards` short-lived boards. Each board gets a socket that writes a little and
 * a second one that follows, then both leave. Server RSS is read before, with one and two sockets
 * per board, and after the rooms unloaded (the bench server unloads after 1 s idle). Nothing is
 * forced: no GC call, no restart.
 */
export async function runChurn(
	pool: LoadPool,
	target: Target,
	rounds: number,
	boards: number,
	log: (line: string) => void
): Promise<ChurnResult> {
	const settle = async () => {
		if (target.kind === 'debrief') await waitUnloaded(target);
		await sleep(1000);
	};
	await settle();
	const coldStart = readProcess(target.pid).rssMiB;
	const result: ChurnResult = {
		boardsPerRound: boards,
		coldStartRssMiB: round(coldStart, 1),
		startRssMiB: NaN,
		rounds: [],
		perLoadedBoardKiB: NaN,
		perConnectionKiB: NaN
	};
	// Round 0 warms the server up (compiled code, connection pools, caches) and sets the start.
	for (let n = 0; n <= rounds; n++) {
		const figures = await churnRound(pool, target, boards, settle);
		if (n === 0) result.startRssMiB = figures.rssMiB.after;
		const start = result.startRssMiB;
		const entry: ChurnRound = {
			round: n,
			...figures,
			afterVsStartPercent: round(((figures.rssMiB.after - start) / start) * 100, 1)
		};
		result.rounds.push(entry);
		const r = entry.rssMiB;
		log(
			`  round ${n}${n === 0 ? ' (warm-up)' : ''}: RSS ${r.before} → ${r.twoSockets} → ${r.after} MiB (${entry.afterVsStartPercent}% vs start), rooms after: ${entry.roomsAfter ?? 'n/a'}`
		);
	}
	// From round 0, on a server that has done nothing but warm up: later rounds start on a heap
	// holding the garbage of the round before, which the next collection frees mid-measurement.
	const first = result.rounds[0]!.rssMiB;
	result.perConnectionKiB = round(((first.twoSockets - first.oneSocket) * 1024) / boards, 1);
	result.perLoadedBoardKiB = round(
		((first.oneSocket - first.before) * 1024) / boards - result.perConnectionKiB,
		1
	);
	return result;
}

async function churnRound(
	pool: LoadPool,
	target: Target,
	boards: number,
	settle: () => Promise<void>
): Promise<Omit<ChurnRound, 'round' | 'afterVsStartPercent'>> {
	const rss = () => round(readProcess(target.pid).rssMiB, 1);
	const split = (list: ClientSpec[]) => (w: number) => ({
		cmd: 'connect' as const,
		clients: list.filter((_, i) => i % pool.size === w),
		concurrency: 50,
		instanceOf: new Array<number>(boards * 2).fill(0)
	});
	const before = rss();
	const created = now();
	const rooms = await newRooms(target, boards, 16, false);
	const createBoardsMs = round(now() - created);
	const first = await pool.all<ConnectResult>(split(specs(rooms, target, 'writer', 0)));
	await sleep(500);
	const oneSocket = rss();
	const second = await pool.all<ConnectResult>(split(specs(rooms, target, 'reader', boards)));
	await sleep(500);
	const twoSockets = rss();
	const runs = await pool.all<RunResult>(() => ({
		cmd: 'run',
		startAt: now() + 200,
		seconds: 1,
		rate: 2,
		presence: false,
		settleMs: 1000,
		maxSettleMs: 15_000,
		allWritersHere: pool.size === 1
	}));
	await pool.all(() => ({ cmd: 'close' }));
	await settle();
	const rooms_ =
		target.kind === 'debrief' ? ((await target.metrics()).get('debrief_rooms') ?? null) : null;
	return {
		rssMiB: { before, oneSocket, twoSockets, after: rss() },
		roomsAfter: rooms_,
		createBoardsMs,
		connectFailures: [...first, ...second].reduce((n, c) => n + c.failed.length, 0),
		lost: runs.flatMap((r) => r.rooms).reduce((n, r) => n + r.sent * r.readers - r.delivered, 0)
	};
}
