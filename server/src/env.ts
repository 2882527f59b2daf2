import { resolve } from 'node:path';

/** The server's settings. Read once from the environment; defaults serve one person on a laptop. */
export interface Env {
	port: number;
	/** postgres:// URL; without it, embedded PGlite under `dataDir`. */
	databaseUrl: string | null;
	dataDir: string;
	redisUrl: string | null;
	/** The origin browsers use; state-changing requests and socket upgrades must come from it. */
	publicOrigin: string | null;
	logLevel: LogLevel;
	/** Largest WebSocket frame accepted, in bytes (larger frames close with 1009). */
	maxMessageBytes: number;
	/** How long accepted updates wait to be written together. */
	persistBatchMs: number;
	/** Log rows after which a document is compacted. */
	compactAfter: number;
	/** How long a room without sockets stays in memory. */
	roomIdleMs: number;
	/** Send buffer bound per socket before a slow reader is dropped. */
	maxBufferedBytes: number;
	/**
	 * Fan-out per room: changes gathered reach each reader as one frame. `'turn'`: what one
	 * event-loop turn brought; a number: a timer tick in ms (0: every change at once).
	 */
	fanoutTick: 'turn' | number;
	/** How often open sockets are checked for an ended session. */
	sessionSweepMs: number;
	/** With Redis: how often instances holding a document compare states (heals lost messages). */
	healMs: number;
	/** Messages per second one socket may send on average. */
	maxMessagesPerSecond: number;
	/** Approximate bound on one section document's size. */
	maxDocBytes: number;
	/** Accepted updates waiting for storage before new writes are turned away. */
	maxPendingUpdates: number;
	/** Open sockets per board (a person has one per section). */
	maxSocketsPerBoard: number;
	/** Persistence lag past which /readyz answers 503. */
	unhealthyLagMs: number;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Source = Record<string, string | undefined>;

/** Parses the environment; throws one error naming every bad variable. */
export function readEnv(source: Source = process.env): Env {
	const problems: string[] = [];
	const int = (name: string, fallback: number, min: number, max: number): number => {
		const raw = source[name];
		if (raw === undefined || raw === '') return fallback;
		const value = Number(raw);
		if (!Number.isInteger(value) || value < min || value > max) {
			problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
			return fallback;
		}
		return value;
	};
	const url = (name: string, protocols: string[]): string | null => {
		const raw = source[name];
		if (!raw) return null;
		try {
			const parsed = new URL(raw);
			if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
			return name === 'PUBLIC_ORIGIN' ? parsed.origin : raw;
		} catch {
			problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
			return null;
		}
	};
	const logLevel = (source.LOG_LEVEL ?? 'info') as LogLevel;
	if (!LOG_LEVELS.includes(logLevel))
		problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

	const env: Env = {
		port: int('PORT', 3000, 0, 65535),
		databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
		dataDir: dataDir(source.DEBRIEF_DATA_DIR, source.INIT_CWD),
		redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
		publicOrigin: url('PUBLIC_ORIGIN', ['http:', 'https:']),
		logLevel,
		maxMessageBytes: int('DEBRIEF_MAX_MESSAGE_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
		persistBatchMs: int('DEBRIEF_PERSIST_BATCH_MS', 25, 0, 5000),
		compactAfter: int('DEBRIEF_COMPACT_AFTER', 500, 1, 1_000_000),
		roomIdleMs: int('DEBRIEF_ROOM_IDLE_MS', 30_000, 0, 3_600_000),
		maxBufferedBytes: int('DEBRIEF_MAX_BUFFERED_BYTES', 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
		fanoutTick:
			source.DEBRIEF_FANOUT_TICK_MS === 'turn' || !source.DEBRIEF_FANOUT_TICK_MS
				? 'turn'
				: int('DEBRIEF_FANOUT_TICK_MS', 0, 0, 1000),
		healMs: int('DEBRIEF_HEAL_MS', 5000, 50, 600_000),
		sessionSweepMs: int('DEBRIEF_SESSION_SWEEP_MS', 60_000, 50, 3_600_000),
		maxMessagesPerSecond: int('DEBRIEF_MAX_MESSAGES_PER_SECOND', 100, 1, 100_000),
		maxDocBytes: int('DEBRIEF_MAX_DOC_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
		maxPendingUpdates: int('DEBRIEF_MAX_PENDING_UPDATES', 100_000, 1, 10_000_000),
		maxSocketsPerBoard: int('DEBRIEF_MAX_SOCKETS_PER_BOARD', 3000, 1, 1_000_000),
		unhealthyLagMs: int('DEBRIEF_UNHEALTHY_LAG_MS', 5000, 10, 3_600_000)
	};
	if (problems.length > 0) throw new Error(`Invalid environment:\n- ${problems.join('\n- ')}`);
	return env;
}

/** `memory://` keeps PGlite in memory (tests); anything else is a folder. */
function dataDir(raw: string | undefined, initCwd: string | undefined): string {
	if (raw?.startsWith('memory://')) return raw;
	// Relative to where the person ran the command: `pnpm start` at the root runs the server in
	// server/, and pnpm passes the original directory as INIT_CWD.
	return resolve(initCwd ?? process.cwd(), raw || '.data');
}
