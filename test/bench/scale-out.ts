import { settle } from './cold-join.ts';
import { mergeFanout, runFanout, warmUp } from './fanout.ts';
import type { FanoutPlan, FanoutResult } from './fanout.ts';
import type { LoadPool } from './load-pool.ts';
import { startDebrief } from './servers.ts';
import type { Target } from './servers.ts';
import { round } from './stats.ts';

export interface ScaleOutResult {
	plan: FanoutPlan;
	/** Everyone on instance A (same run, same database and Redis); `runs` pooled. */
	single: FanoutResult;
	/** Clients alternate between A and B; `runs` pooled, interleaved with the single runs. */
	split: FanoutResult;
	/** Cross-instance p99 / single-instance p99. */
	crossVsSingleP99: number;
	note?: string;
}

/**
 * S6: two instances of our server on one Postgres with REDIS_URL, clients split across them.
 * Writers and readers alternate between instances, so about half of every reader's deliveries
 * cross instances; latencies are kept apart by whether writer and reader shared an instance.
 */
export async function runScaleOut(
	pool: LoadPool,
	env: { databaseUrl: string; redisUrl: string },
	cpus: string | null,
	plan: Omit<FanoutPlan, 'instances' | 'extraPids'>,
	repeats = 1
): Promise<ScaleOutResult> {
	const serverEnv = {
		DATABASE_URL: env.databaseUrl,
		REDIS_URL: env.redisUrl,
		DEBRIEF_ROOM_IDLE_MS: '1000'
	};
	const a = await startDebrief('debrief A (Postgres + Redis)', serverEnv, cpus);
	let b: Target | null = null;
	try {
		b = await startDebrief('debrief B (Postgres + Redis)', serverEnv, cpus, a.token);
		await warmUp(pool, a, { instances: [a.url, b.url] });
		const servers = [a, b];
		// As for S1–S3: each run starts once both instances have unloaded the last run's rooms and
		// gone quiet, and the runs of one p99 are pooled (one 10 s run's p99 is a few samples).
		const singles: FanoutResult[] = [];
		const splits: FanoutResult[] = [];
		for (let repeat = 0; repeat < repeats; repeat++) {
			await settle(servers);
			singles.push(await runFanout(pool, a, plan));
			await settle(servers);
			splits.push(
				await runFanout(pool, a, { ...plan, instances: [a.url, b.url], extraPids: [b.pid] })
			);
		}
		const single = mergeFanout(singles);
		const split = mergeFanout(splits);
		const crossP99 = split.crossInstanceLatencyMs?.p99 ?? NaN;
		return {
			plan,
			single,
			split,
			crossVsSingleP99: round(crossP99 / single.latencyMs.p99),
			...(split.crossInstanceLatencyMs === undefined
				? { note: 'no update crossed instances: this server build does not fan out through Redis' }
				: {})
		};
	} finally {
		await b?.stop();
		await a.stop();
	}
}
