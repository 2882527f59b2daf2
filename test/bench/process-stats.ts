import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, getPriority, setPriority } from 'node:os';

const TICKS_PER_SECOND = 100;

/** RSS in MiB and total CPU seconds of a process, from /proc (Linux). */
export function readProcess(pid: number): { rssMiB: number; cpuSeconds: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may contain spaces) start after the last ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const utime = Number(fields[11]);
	const stime = Number(fields[12]);
	return { rssMiB: rssKiB / 1024, cpuSeconds: (utime + stime) / TICKS_PER_SECOND };
}

/** Which cores the servers and the load clients run on; null lists when pinning is impossible. */
export interface CorePlan {
	cores: number;
	server: string | null;
	clients: string | null;
	note: string;
}

/**
 * Servers on core 0, clients (and this orchestrator) on the others: the load never takes CPU
 * from the server it measures. BENCH_SERVER_CPUS / BENCH_CLIENT_CPUS override (taskset lists).
 */
export function planCores(env: Record<string, string | undefined> = process.env): CorePlan {
	const cores = availableParallelism();
	let hasTaskset = true;
	try {
		execFileSync('taskset', ['-V'], { stdio: 'ignore' });
	} catch {
		hasTaskset = false;
	}
	if (!hasTaskset)
		return { cores, server: null, clients: null, note: 'taskset not found: no pinning' };
	if (cores < 2 && !env.BENCH_SERVER_CPUS) {
		return { cores, server: null, clients: null, note: 'one core: servers and clients share it' };
	}
	const server = env.BENCH_SERVER_CPUS ?? '0';
	const clients = env.BENCH_CLIENT_CPUS ?? (cores === 2 ? '1' : `1-${cores - 1}`);
	return {
		cores,
		server,
		clients,
		note: `servers on cpu ${server}, load clients on cpu ${clients}`
	};
}

let benchNice = 0;

/**
 * The nice value every process the bench starts gets (BENCH_NICE, default -20). On a shared
 * machine other work otherwise takes most of the server core and the figures measure the
 * neighbours; every server under test gets the same value, so none is favoured.
 */
export function setBenchNice(nice: number): boolean {
	benchNice = nice;
	return nice === 0 || renice(process.pid, nice);
}

function renice(pid: number, nice: number): boolean {
	try {
		// Per thread: on Linux a nice value belongs to a thread, and a process's threads are tasks.
		// A thread that runs nicer than the main one on purpose (our PGlite thread) stays as much
		// nicer.
		const main = getPriority(pid);
		for (const tid of readdirSync(`/proc/${pid}/task`)) {
			const offset = getPriority(Number(tid)) - main;
			setPriority(Number(tid), Math.max(-20, Math.min(19, nice + offset)));
		}
		return true;
	} catch {
		return false;
	}
}

/**
 * Pins every thread of a process to the cores in `list` (taskset syntax) and gives it the bench's
 * nice value. False if pinning failed.
 */
export function pin(pid: number, list: string | null): boolean {
	if (benchNice !== 0) renice(pid, benchNice);
	return list !== null && setAffinity(pid, list);
}

/** Moves every thread of a process to the cores in `list` (taskset syntax). False if it failed. */
function setAffinity(pid: number, list: string): boolean {
	try {
		execFileSync('taskset', ['-a', '-p', '-c', list, String(pid)], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Cumulative jiffies per core from /proc/stat: busy (not idle or iowait), steal, and total. */
export type CoreTimes = Map<number, { busy: number; steal: number; total: number }>;

export function readCores(): CoreTimes {
	const times: CoreTimes = new Map();
	for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
		const match = /^cpu(\d+)\s+(.*)$/.exec(line);
		if (!match) continue;
		const f = match[2]!.split(/\s+/).map(Number);
		const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
		const idle = (f[3] ?? 0) + (f[4] ?? 0);
		times.set(Number(match[1]), { busy: total - idle, steal: f[7] ?? 0, total });
	}
	return times;
}

/** Core indices of a taskset list such as "0", "1-3" or "0,2". */
export function parseCoreList(list: string | null): number[] {
	if (!list) return [];
	return list.split(',').flatMap((part) => {
		const [from, to] = part.split('-').map(Number);
		if (to === undefined) return [from!];
		return Array.from({ length: to - from! + 1 }, (_, i) => from! + i);
	});
}

/** Busy and steal % of the listed cores between two readings (100 = every listed core busy). */
export function coreUsage(before: CoreTimes, after: CoreTimes, cores: number[]) {
	let busy = 0;
	let steal = 0;
	let total = 0;
	for (const core of cores) {
		const a = before.get(core);
		const b = after.get(core);
		if (!a || !b) continue;
		busy += b.busy - a.busy;
		steal += b.steal - a.steal;
		total += b.total - a.total;
	}
	return total > 0
		? { busyPercent: (busy / total) * 100, stealPercent: (steal / total) * 100 }
		: { busyPercent: NaN, stealPercent: NaN };
}

/**
 * Waits until none of these processes has used more than one clock tick of CPU in `windowMs`
 * (or `maxMs` passed). The servers share one core: a server that has just finished a run still
 * unloads its rooms, stores them and collects garbage for a second or two, and that work must not
 * land in the next server's run. Returns how long it waited and whether the processes went quiet.
 */
export async function waitQuiet(
	pids: number[],
	{ windowMs = 1000, maxMs = 20_000 }: { windowMs?: number; maxMs?: number } = {}
): Promise<{ waitedMs: number; quiet: boolean }> {
	const started = Date.now();
	const cpu = () => pids.reduce((sum, pid) => sum + readProcess(pid).cpuSeconds, 0);
	for (;;) {
		const before = cpu();
		await new Promise((resolve) => setTimeout(resolve, windowMs));
		const quiet = cpu() - before <= 1 / TICKS_PER_SECOND + 1e-9;
		const waitedMs = Date.now() - started;
		if (quiet || waitedMs >= maxMs) return { waitedMs, quiet };
	}
}

/** The process listening on a local TCP port (from `ss`), or null. */
export function listenerPid(port: number): number | null {
	try {
		const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
		const pid = Number(/pid=(\d+)/.exec(out)?.[1]);
		return Number.isInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

function affinity(pid: number): string | null {
	try {
		const out = execFileSync('taskset', ['-p', '-c', String(pid)], { encoding: 'utf8' });
		return /list:\s*(\S+)/.exec(out)?.[1] ?? null;
	} catch {
		return null;
	}
}

function childrenOf(pid: number): number[] {
	const children: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const status = readFileSync(`/proc/${entry}/status`, 'utf8');
			if (Number(/PPid:\s+(\d+)/.exec(status)?.[1]) === pid) children.push(Number(entry));
		} catch {
			// gone meanwhile
		}
	}
	return children;
}

/**
 * Moves a local service (Postgres, Redis) and the processes it has forked onto the client cores
 * for the bench, as a database on a machine of its own would be: left alone, Linux wakes a
 * Postgres backend on the core of the server that wrote to it, and it took up to 8% of the
 * server's core in S2. New Postgres backends inherit the pin from the postmaster. Returns the
 * pids moved and how to put them back, or null when it cannot (no such listener, not allowed).
 */
export function keepOffServerCores(
	port: number,
	list: string | null
): { pid: number; moved: number; restore(): void } | null {
	const pid = list ? listenerPid(port) : null;
	if (!pid || !list) return null;
	const before = new Map<number, string>();
	for (const each of [pid, ...childrenOf(pid)]) {
		const was = affinity(each);
		if (was && setAffinity(each, list)) before.set(each, was);
	}
	if (!before.has(pid)) return null;
	return {
		pid,
		moved: before.size,
		restore() {
			// Backends forked meanwhile got the pin from the postmaster and go back with it.
			// One that exited meanwhile fails quietly.
			for (const each of new Set([...before.keys(), ...childrenOf(pid)])) {
				setAffinity(each, before.get(each) ?? before.get(pid)!);
			}
		}
	};
}
