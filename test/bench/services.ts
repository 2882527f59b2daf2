import { spawn } from 'node:child_process';
import { freePort } from '../../server/test/child-server.ts';
import { canConnect, waitForPort } from './servers.ts';

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

async function reachable(url: string, defaultPort: number): Promise<boolean> {
	const parsed = new URL(url);
	return canConnect(parsed.hostname, Number(parsed.port || defaultPort));
}

/** DATABASE_URL, or the usual local Postgres when it answers; null when there is none. */
export async function findPostgres(): Promise<{ url: string | null; note: string }> {
	const url = process.env.DATABASE_URL || DEFAULT_POSTGRES;
	if (await reachable(url, 5432)) {
		return { url, note: `Postgres at ${new URL(url).host}${new URL(url).pathname}` };
	}
	return { url: null, note: `no Postgres at ${new URL(url).host}: Postgres runs skipped` };
}

export interface RedisService {
	url: string;
	note: string;
	stop(): Promise<void>;
}

/**
 * REDIS_URL or the usual local Redis when it answers; otherwise a private `redis-server` on a free
 * port (no persistence), stopped at the end; null when neither exists.
 */
export async function findRedis(): Promise<RedisService | null> {
	const url = process.env.REDIS_URL || DEFAULT_REDIS;
	if (await reachable(url, 6379)) {
		return { url, note: `Redis at ${new URL(url).host}`, stop: async () => {} };
	}
	const port = await freePort();
	const child = spawn(
		'redis-server',
		['--port', String(port), '--save', '', '--appendonly', 'no'],
		{
			stdio: 'ignore'
		}
	);
	const spawned = await new Promise<boolean>((resolve) => {
		child.once('spawn', () => resolve(true));
		child.once('error', () => resolve(false));
	});
	if (!spawned) return null;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	await waitForPort(port, () => child.exitCode !== null);
	return {
		url: `redis://127.0.0.1:${port}`,
		note: `redis-server started by the bench on port ${port}`,
		stop: async () => {
			child.kill('SIGTERM');
			await exited;
		}
	};
}
