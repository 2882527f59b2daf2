import type { LoadPool } from './load-pool.ts';
import { readProcess, waitQuiet } from './process-stats.ts';
import { socketUrl } from './servers.ts';
import type { Target } from './servers.ts';
import { round, summarize } from './stats.ts';
import type { Summary } from './stats.ts';
import type { ConnectResult, JoinResult } from './worker-protocol.ts';

export interface JoinFigures {
	joins: number;
	/** Until the joiner had received the whole state (sync step 2), ms. */
	stateReceivedMs: Summary;
	/** Until it had also applied it to its document, ms. */
	appliedMs: Summary;
	stateKiB: number;
	/** Entries the joiner read back: must equal what was preloaded. */
	entriesSeen: number;
}

export interface ColdJoinResult {
	entries: number;
	preloadMs: number;
	/** Our server: the document was unloaded before each join and loaded from the database. */
	cold?: JoinFigures & {
		unloaded: boolean;
		/** Longest answer to /metrics while the document unloaded (the server was busy that long). */
		slowestMetricsWhileUnloadingMs: number;
	};
	/** A client held the document open, so it was in memory. */
	warm: JoinFigures;
	serverRssMiB: number;
	note?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until our server holds no room in memory (the bench server unloads after 1 s idle).
 * `slowest` gets the longest /metrics answer meanwhile: how long unloading kept the server busy.
 */
export async function waitUnloaded(
	target: Target,
	timeoutMs = 60_000,
	slowest: { ms: number } = { ms: 0 }
): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const asked = Date.now();
		const rooms = (await target.metrics()).get('debrief_rooms');
		slowest.ms = Math.max(slowest.ms, Date.now() - asked);
		if (rooms === 0) return true;
		await sleep(250);
	}
	return false;
}

/**
 * Before a server's turn: every server of ours has unloaded its rooms (idle after 1 s, then
 * stored and compacted, maybe a garbage collection) and no server process has used the shared
 * core for a second. Without this, the server that ran last did that work during the next one's
 * run, and the next one's p99 carried it.
 */
export async function settle(targets: Target[]): Promise<{ quiet: boolean; waitedMs: number }> {
	for (const target of targets) {
		if (target.kind === 'debrief') await waitUnloaded(target, 20_000);
	}
	return waitQuiet(targets.map((t) => t.pid));
}

function figures(results: JoinResult[]): JoinFigures {
	return {
		joins: results.length,
		stateReceivedMs: summarize(results.map((r) => r.stateReceivedMs)),
		appliedMs: summarize(results.map((r) => r.firstSyncMs)),
		stateKiB: round(Math.max(...results.map((r) => r.stateBytes)) / 1024, 1),
		entriesSeen: Math.min(...results.map((r) => r.entries))
	};
}

/**
 * S4: a section preloaded with `entries` timeline entries (written through @debrief/doc, sent in
 * chunks well under the frame limit), then joined. On our server a join is cold: the room was
 * unloaded and is read back from the database. The reference server never unloads a document
 * (without its optional LevelDB persistence it keeps every document until it exits), so its joins
 * are all warm; ours are measured both ways.
 */
export async function runColdJoin(
	pool: LoadPool,
	target: Target,
	entries: number,
	joins: number
): Promise<ColdJoinResult> {
	const room = await target.newRoom({ readers: false });
	const url = socketUrl(target.url, room, 'writer');
	const preload = await pool.call<{ ms: number; entries: number }>(0, {
		cmd: 'preload',
		url,
		entries,
		perChunk: 250
	});
	let cold: ColdJoinResult['cold'];
	if (target.kind === 'debrief') {
		const results: JoinResult[] = [];
		let unloaded = true;
		const slowest = { ms: 0 };
		for (let i = 0; i < joins; i++) {
			unloaded = (await waitUnloaded(target, 60_000, slowest)) && unloaded;
			results.push(await pool.call<JoinResult>(0, { cmd: 'join', url }));
		}
		cold = { ...figures(results), unloaded, slowestMetricsWhileUnloadingMs: slowest.ms };
	}
	// Warm: one client holds the document open while the others join.
	await pool.call<ConnectResult>(0, {
		cmd: 'connect',
		clients: [{ id: 0, url, role: 'reader', room: 0, instance: 0, mode: 'map', phase: 0 }],
		concurrency: 1,
		instanceOf: [0]
	});
	const warmResults: JoinResult[] = [];
	for (let i = 0; i < joins; i++)
		warmResults.push(await pool.call<JoinResult>(0, { cmd: 'join', url }));
	const serverRssMiB = round(readProcess(target.pid).rssMiB, 1);
	await pool.call(0, { cmd: 'close' });
	return {
		entries,
		preloadMs: round(preload.ms),
		...(cold ? { cold } : {}),
		warm: figures(warmResults),
		serverRssMiB,
		...(target.kind === 'reference'
			? { note: 'the reference server keeps every document in memory: warm joins only' }
			: {})
	};
}
