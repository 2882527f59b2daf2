import { readFileSync } from 'node:fs';

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
