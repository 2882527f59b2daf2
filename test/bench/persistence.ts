import { runFanout } from './fanout.ts';
import type { FanoutPlan } from './fanout.ts';
import type { LoadPool } from './load-pool.ts';
import type { Target } from './servers.ts';
import { round, summarize } from './stats.ts';
import type { Summary } from './stats.ts';
import { now } from './sync-client.ts';

export interface PersistenceStage {
	label: string;
	plan: Omit<FanoutPlan, 'seconds'>;
	offeredPerSecond: number;
	acceptedPerSecond: number;
	persistedPerSecond: number;
	/**
	 * `debrief_persist_lag_ms` (age of the oldest accepted update not yet stored) sampled every
	 * 50 ms while sending: every update became durable within its sample's figure.
	 */
	persistLagMs: Summary;
	queueDepthMax: number;
	/** After the last send, until nothing was left to store (NaN: not within a minute). */
	drainMs: number;
	/** How many samples of the gauges were taken while sending (a busy server answers slowly). */
	samples: number;
	fanoutP99Ms: number;
	lost: number;
	connectFailures: number;
	/** Close codes of sockets the server closed during the stage (e.g. 4503: storage behind). */
	closes: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * S7: sustained writes with the log in the database, sampling the server's persistence gauges.
 * The first stage is S2's rate and shape (50 writers × 2/s, 150 readers); later stages spread
 * writers over several documents with no readers, so storage rather than fan-out is the load.
 */
export async function runPersistence(
	pool: LoadPool,
	target: Target,
	stages: Array<{ label: string; plan: Omit<FanoutPlan, 'seconds'> }>,
	seconds: number,
	log: (line: string) => void
): Promise<PersistenceStage[]> {
	const results: PersistenceStage[] = [];
	for (const stage of stages) {
		const samples: Array<{
			at: number;
			lag: number;
			depth: number;
			accepted: number;
			persisted: number;
		}> = [];
		// Sampling goes on after the sends until the queue is empty (at most a minute more), so the
		// drain time is measured from the last send rather than from when the run wound down.
		let endAt = Infinity;
		const drained = () => samples.some((x) => x.at > endAt && x.depth === 0);
		const sampler = (async () => {
			while (!drained() && now() < endAt + 60_000) {
				const m = await target.metrics();
				samples.push({
					at: now(),
					lag: m.get('debrief_persist_lag_ms') ?? NaN,
					depth: m.get('debrief_persist_queue_depth') ?? NaN,
					accepted: m.get('debrief_updates_accepted_total') ?? NaN,
					persisted: m.get('debrief_updates_persisted_total') ?? NaN
				});
				await sleep(50);
			}
		})();
		const run = await runFanout(pool, target, { ...stage.plan, seconds });
		endAt = run.window.endAt;
		await sampler;
		const drainedAt = samples.find((x) => x.at > endAt && x.depth === 0)?.at;
		const drainMs = drainedAt === undefined ? NaN : drainedAt - endAt;
		const { startAt } = run.window;
		const during = samples.filter((s) => s.at >= startAt && s.at <= endAt);
		const first = during[0];
		const last = during[during.length - 1];
		const span = first && last ? (last.at - first.at) / 1000 : NaN;
		const result: PersistenceStage = {
			label: stage.label,
			plan: stage.plan,
			offeredPerSecond: stage.plan.rooms * stage.plan.writersPerRoom * stage.plan.rate,
			acceptedPerSecond: first && last ? round((last.accepted - first.accepted) / span, 1) : NaN,
			persistedPerSecond: first && last ? round((last.persisted - first.persisted) / span, 1) : NaN,
			persistLagMs: summarize(during.map((s) => s.lag)),
			queueDepthMax: Math.max(0, ...during.map((s) => s.depth).filter((d) => !Number.isNaN(d))),
			drainMs: round(drainMs),
			samples: during.length,
			fanoutP99Ms: run.latencyMs.p99,
			lost: run.lost,
			connectFailures: run.connectFailures,
			closes: run.closes
		};
		results.push(result);
		log(
			`  ${stage.label}: accepted ${result.acceptedPerSecond}/s, stored ${result.persistedPerSecond}/s, lag p99 ${result.persistLagMs.p99} ms (max ${result.persistLagMs.max}), queue max ${result.queueDepthMax}`
		);
	}
	return results;
}
