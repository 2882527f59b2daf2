/** Scenario keys, as BENCH_ONLY takes them. */
export const SCENARIOS = ['S1', 'S2', 'S2p', 'S3', 'S4', 'S5', 'churn', 'S6', 'S7'] as const;
export type ScenarioKey = (typeof SCENARIOS)[number];

export const TARGETS = ['reference', 'pglite', 'postgres'] as const;
export type TargetId = (typeof TARGETS)[number];

export interface BenchConfig {
	quick: boolean;
	/** Length of each fan-out run (S1–S3, S6, S7 stages). */
	seconds: number;
	/** Runs of each fan-out scenario per server, interleaved, pooled into one result. */
	repeats: number;
	scenarios: ScenarioKey[];
	targets: TargetId[];
	coldJoinEntries: number[];
	coldJoins: number;
	capacitySteps: number[];
	capacitySeconds: number;
	churnRounds: number;
	churnBoards: number;
	/**
	 * Servers the churn runs on. Not PGlite by default: its embedded database lives in the same
	 * process and its memory swings by a hundred MiB on its own, which hides the server's.
	 */
	churnTargets: TargetId[];
	/** How many of S7's stages run (the heaviest last). */
	persistenceStages: number;
	clientProcesses: number;
	/** Nice value of every process the bench starts (servers, load, itself). */
	nice: number;
}

type Source = Record<string, string | undefined>;

function list<T extends string>(raw: string | undefined, all: readonly T[], name: string): T[] {
	if (!raw) return [...all];
	const wanted = raw.split(',').map((s) => s.trim().toLowerCase());
	const unknown = wanted.filter((w) => !all.some((a) => a.toLowerCase() === w));
	if (unknown.length)
		throw new Error(`${name}: unknown ${unknown.join(', ')} (known: ${all.join(', ')})`);
	return all.filter((a) => wanted.includes(a.toLowerCase()));
}

/**
 * Knobs (environment): BENCH_QUICK=1 for a run of a few minutes; BENCH_SECONDS per fan-out run;
 * BENCH_REPEATS runs of each fan-out scenario per server, pooled (default 5, quick 1);
 * BENCH_ONLY=S1,S4 to pick scenarios; BENCH_TARGETS=reference,pglite to pick servers;
 * BENCH_CHURN_TARGETS the servers of the churn run (default reference,postgres);
 * BENCH_CLIENT_PROCS load processes (default 1: this machine has one core for them); BENCH_NICE
 * the nice value of everything the bench starts (default -20, 0 to leave priorities alone).
 */
export function readConfig(env: Source = process.env): BenchConfig {
	const quick = env.BENCH_QUICK === '1';
	const seconds = Number(env.BENCH_SECONDS ?? (quick ? 4 : 10));
	if (!(seconds > 0)) throw new Error('BENCH_SECONDS must be a positive number');
	const repeats = Number(env.BENCH_REPEATS ?? (quick ? 1 : 5));
	if (!Number.isInteger(repeats) || repeats < 1)
		throw new Error('BENCH_REPEATS must be a whole number of at least 1');
	const processes = Number(env.BENCH_CLIENT_PROCS ?? 1);
	if (!Number.isInteger(processes) || processes < 1) {
		throw new Error('BENCH_CLIENT_PROCS must be a whole number ≥ 1');
	}
	const nice = Number(env.BENCH_NICE ?? -20);
	if (!Number.isInteger(nice) || nice < -20 || nice > 19) {
		throw new Error('BENCH_NICE must be a whole number from -20 to 19');
	}
	return {
		quick,
		seconds,
		repeats,
		scenarios: list(env.BENCH_ONLY, SCENARIOS, 'BENCH_ONLY'),
		targets: list(env.BENCH_TARGETS, TARGETS, 'BENCH_TARGETS'),
		coldJoinEntries: quick ? [5_000] : [5_000, 20_000],
		coldJoins: quick ? 1 : 3,
		capacitySteps: quick ? [20, 80, 240] : [20, 60, 120, 180, 240, 320, 400, 480, 640],
		capacitySeconds: quick ? 3 : 6,
		churnRounds: quick ? 1 : 5,
		churnBoards: quick ? 200 : 1000,
		churnTargets: list(
			env.BENCH_CHURN_TARGETS ?? 'reference,postgres',
			TARGETS,
			'BENCH_CHURN_TARGETS'
		),
		persistenceStages: quick ? 2 : 3,
		clientProcesses: processes,
		nice
	};
}
