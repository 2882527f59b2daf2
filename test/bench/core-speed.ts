/**
 * How fast the bench's cores are at the moment: the same fixed work, timed on the server cores and
 * on the client cores, at the start and at the end of a run. A shared host can run slower without
 * the hypervisor reporting steal (a neighbour busy on the same physical core), and then every
 * latency in the report is slower too, on every server alike. With this figure, reports made at
 * different hours can be told apart: one whose cores took 1.5× as long is not comparable.
 */
import { execFileSync } from 'node:child_process';

/**
 * The work: JSON round trips of a 1 MiB-ish board-like object (allocation, strings, maps and a
 * little garbage collection, like a sync server), best of five. Printed in ms.
 */
const WORK = `
const entries = [];
for (let i = 0; i < 5000; i++) entries.push({ id: 'e' + i, at: new Date(1.79e12 + i * 7000).toISOString(), kind: 'note', text: 'Something happened on the checkout service, step ' + i, author: 'Responder ' + (i % 17) });
const board = { title: 'Checkout outage', entries };
let best = Infinity;
for (let round = 0; round < 5; round++) {
	const started = performance.now();
	for (let k = 0; k < 4; k++) JSON.parse(JSON.stringify(board));
	best = Math.min(best, performance.now() - started);
}
console.log(best.toFixed(2));
`;

/** Parses what the work printed: a positive number of ms, else null. */
export function parseSpeed(output: string): number | null {
	const ms = Number(output.trim());
	return Number.isFinite(ms) && ms > 0 ? ms : null;
}

/**
 * Runs the work on one core (taskset) in a fresh Node; `core` null runs it unpinned. Returns ms,
 * or null when it could not run.
 */
export function timeCore(core: number | null): number | null {
	const node = [process.execPath, '-e', WORK];
	const [command, ...args] = core === null ? node : ['taskset', '-c', String(core), ...node];
	try {
		return parseSpeed(execFileSync(command!, args, { encoding: 'utf8', timeout: 60_000 }));
	} catch {
		return null;
	}
}

/** One reading: ms per core, by the role the bench gives it. */
export interface CoreSpeedReading {
	server: number | null;
	client: number | null;
}

/** Times the first server core and the first client core (unpinned when there is no plan). */
export function readCoreSpeed(serverCores: number[], clientCores: number[]): CoreSpeedReading {
	return { server: timeCore(serverCores[0] ?? null), client: timeCore(clientCores[0] ?? null) };
}

/** The report's sentence for a start and an end reading. */
export function describeCoreSpeed(start: CoreSpeedReading, end: CoreSpeedReading | null): string {
	const ms = (value: number | null | undefined) => (value == null ? 'n/a' : `${value} ms`);
	return (
		`Core speed (the same fixed work, best of 5; lower is faster; compare it between reports before comparing their latencies): ` +
		`server core ${ms(start.server)} at the start and ${ms(end?.server)} at the end, ` +
		`client core ${ms(start.client)} and ${ms(end?.client)}.`
	);
}
