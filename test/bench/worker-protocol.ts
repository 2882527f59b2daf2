import type { ClientSpec } from './sync-client.ts';

/** Commands the orchestrator sends a load process (IPC, advanced serialization). */
export type Command =
	| { cmd: 'connect'; clients: ClientSpec[]; concurrency: number; instanceOf: number[] }
	| {
			cmd: 'run';
			/** Wall-clock start shared by every load process, so their sends interleave. */
			startAt: number;
			seconds: number;
			/** Updates per second per writer (0: none). */
			rate: number;
			/** Every client renews its presence once a second. */
			presence: boolean;
			/** Least time after the last send before counting what arrived. */
			settleMs: number;
			/** Most time to wait for updates still arriving. */
			maxSettleMs: number;
			/** Every writer is in this process, so it knows when everything has arrived. */
			allWritersHere: boolean;
	  }
	| { cmd: 'verify' }
	| { cmd: 'close' }
	| { cmd: 'preload'; url: string; entries: number; perChunk: number }
	| { cmd: 'join'; url: string };

export interface ConnectResult {
	connectMs: number[];
	firstSyncMs: number[];
	failed: string[];
}

export interface RunResult {
	/** Per document: updates sent by writers here, first deliveries seen by readers here. */
	rooms: Array<{ room: number; sent: number; delivered: number; readers: number }>;
	/** Last sequence number each writer here sent. */
	lastSeq: Array<[number, number]>;
	/** Fan-out latencies (ms) where writer and reader share a server instance. */
	latency: Float64Array;
	/** Fan-out latencies (ms) across instances (scale-out runs). */
	crossLatency: Float64Array;
	presenceLatency: Float64Array;
	duplicates: number;
	refusals: number;
	/** Close codes of clients that lost their socket, with counts. */
	closes: Record<string, number>;
	/** This load process's CPU over the run, in % of one core. */
	cpuPercent: number;
	eventLoopDelayMs: { p99: number; max: number };
	rssMiB: number;
}

/** Per full reader: the markers its document holds. */
export type VerifyResult = Array<{ room: number; open: boolean; markers: Array<[number, number]> }>;

export interface JoinResult {
	connectMs: number;
	stateReceivedMs: number;
	firstSyncMs: number;
	stateBytes: number;
	entries: number;
}
