import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import type { CapacityResult } from './capacity.ts';
import type { ChurnResult } from './churn.ts';
import type { ColdJoinResult } from './cold-join.ts';
import { describeCoreSpeed } from './core-speed.ts';
import type { CoreSpeedReading } from './core-speed.ts';
import type { BenchConfig, TargetId } from './config.ts';
import type { FanoutResult } from './fanout.ts';
import type { PersistenceStage } from './persistence.ts';
import type { CorePlan } from './process-stats.ts';
import type { ScaleOutResult } from './scale-out.ts';
import { round } from './stats.ts';
import {
	capacitySection,
	churnSection,
	coldJoinSection,
	fanoutSection,
	persistenceSection,
	scaleOutSection,
	targetsSection
} from './report-sections.ts';

export interface Report {
	date: string;
	command: string;
	machine: ReturnType<typeof machine>;
	cores: CorePlan;
	config: BenchConfig;
	serverEnv: Record<string, string>;
	targets: Partial<Record<TargetId, string>>;
	fanout: Partial<
		Record<string, { title: string; results: Partial<Record<TargetId, FanoutResult>> }>
	>;
	coldJoin: Array<{ entries: number; results: Partial<Record<TargetId, ColdJoinResult>> }>;
	capacity: Partial<Record<TargetId, CapacityResult>>;
	churn: Partial<Record<TargetId, ChurnResult>>;
	persistence: Partial<Record<TargetId, PersistenceStage[]>>;
	scaleOut?: ScaleOutResult | { skipped: string };
	notes: string[];
	/** Wall time of each scenario over all servers, in seconds. */
	durationsSeconds: Record<string, number>;
	loadAverage: { start: number; end: number };
	/** Time of one fixed piece of work on each side's core, at the start and (once read) the end. */
	coreSpeed: { start: CoreSpeedReading; end: CoreSpeedReading | null };
}

export function machine() {
	const info = readFileSync('/proc/cpuinfo', 'utf8');
	const require = createRequire(import.meta.url);
	const versionOf = (pkg: string) => {
		try {
			return (require(`${pkg}/package.json`) as { version: string }).version;
		} catch {
			return 'unknown';
		}
	};
	return {
		cpus: cpus().length,
		model: /model name\s*:\s*(.*)/.exec(info)?.[1] ?? cpus()[0]?.model ?? 'unknown',
		memoryGiB: round(totalmem() / 2 ** 30, 1),
		node: process.version,
		yjs: versionOf('yjs'),
		referenceServer: versionOf('@y/websocket-server')
	};
}

export function renderMarkdown(report: Report): string {
	const m = report.machine;
	const lines = [
		'# Debrief benchmark',
		'',
		`Run ${report.date} with \`${report.command}\` on ${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, Node ${m.node}, yjs ${m.yjs}.`,
		`Load average (1 min) ${report.loadAverage.start.toFixed(2)} at the start and ${report.loadAverage.end.toFixed(2)} at the end` +
			' (other work on the machine shows up as noise, on every server alike: runs are interleaved by scenario).',
		describeCoreSpeed(report.coreSpeed.start, report.coreSpeed.end),
		`Pinning: ${report.cores.note}. Servers: ${Object.values(report.targets).join(', ')}.`,
		`Our bench servers run with the defaults (sign-in on every socket, observers for readers, lock checks, durable log) except ${Object.entries(
			report.serverEnv
		)
			.map(([k, v]) => `\`${k}=${v}\``)
			.join(', ')}.`,
		...report.notes.map((note) => `- ${note}`),
		`- Wall time per scenario (all servers): ${Object.entries(report.durationsSeconds)
			.map(([k, v]) => `${k} ${v} s`)
			.join(', ')}.`,
		'',
		...targetsSection(report),
		...fanoutSection(report),
		...coldJoinSection(report),
		...capacitySection(report),
		...churnSection(report),
		...scaleOutSection(report),
		...persistenceSection(report),
		...method(report)
	];
	return lines.join('\n') + '\n';
}

function method(report: Report): string[] {
	return [
		'## How it measures',
		'',
		'- Protocol clients, not browsers: each speaks y-websocket (sync step 1/2, updates, awareness) over a minimal RFC 6455 client (`ws-client.ts`). The same clients run against every server.',
		'- Writers put a send-time marker (`~u<writer>:<seq>:<ms>;`) into each update (a map value, or typed text in S2 + presence); readers find markers in the raw update bytes, so a reader costs a byte search per frame, not a Yjs apply. One reader per document applies everything to a real Y.Doc; at the end its document must hold every writer’s last value (every typed marker in text mode): the “verified” row.',
		'- Latency = receive time − send time, both from the same clock; delivered/lost count each (writer, seq) once per reader; duplicates are counted apart.',
		`- S1–S3: each server ran each scenario ${report.config.repeats} time(s) for ${report.config.seconds} s, interleaved with the other servers' runs; the figures pool the samples of all its runs (a single 10 s run's p99 rests on its ~5 slowest updates). CPU is the mean of the runs, RSS and client figures the worst.`,
		"- Before any run, each server is warmed up unrecorded: 3 s S1-shaped, then 10 s S2-shaped. Before each server's turn, the bench waits until our servers have unloaded their rooms and no server process has used CPU for a second: the servers share one core, and one server's unload, compaction and garbage collection must not land in the next one's run.",
		`- Client side: ${report.config.clientProcesses} load process(es) on their own core(s). Every run reports the load process’s CPU (% of its core) and event-loop delay p99; a run where the client was above ~85% of its core is marked as client-bound. Writers drain their socket without parsing it. ${clientCheck(report)}`,
		'- Server CPU and RSS come from /proc of the server process (PGlite runs inside our server; Postgres and Redis are separate processes, not counted).',
		'- Ratios are ours / reference: below 1.00 is better for latency, CPU and memory; above 1.00 is better for capacity.',
		''
	];
}

/** The busiest the load process was, over every fan-out run and capacity step of the report. */
function clientCheck(report: Report): string {
	const runs: Array<{ where: string; cpu: number; eld: number }> = [];
	for (const [key, entry] of Object.entries(report.fanout)) {
		for (const [id, r] of Object.entries(entry?.results ?? {})) {
			runs.push({
				where: `${key} on ${id}`,
				cpu: r.client.cpuPercentMax,
				eld: r.client.eventLoopDelayP99Ms
			});
		}
	}
	for (const [id, c] of Object.entries(report.capacity)) {
		for (const step of c?.steps ?? []) {
			runs.push({
				where: `S5 ${step.writers} writers on ${id}`,
				cpu: step.clientCpuPercent,
				eld: step.clientEventLoopDelayP99Ms
			});
		}
	}
	if (runs.length === 0) return '';
	const busiest = runs.reduce((a, b) => (b.cpu > a.cpu ? b : a));
	const slowest = runs.reduce((a, b) => (b.eld > a.eld ? b : a));
	return `This run: the load process peaked at ${busiest.cpu}% of its core (${busiest.where}); its worst event-loop delay p99 was ${slowest.eld} ms (${slowest.where}).`;
}
