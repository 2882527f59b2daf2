import { post, signUpBench } from './api.ts';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { freePort, startChildServer } from '../../server/test/child-server.ts';
import { pin } from './process-stats.ts';

/** A document to load: its socket path, and the query each role connects with. */
export interface RoomRef {
	path: string;
	writerQuery: string;
	readerQuery: string;
}

/** A server under test, started by the bench and stopped by it. */
export interface Target {
	name: string;
	kind: 'reference' | 'debrief';
	/** http://host:port */
	url: string;
	pid: number;
	/** A fresh document; `readers: false` skips making an observer (churn needs none). */
	newRoom(options?: { readers?: boolean }): Promise<RoomRef>;
	/** Prometheus figures from /metrics by name (empty for the reference server). */
	metrics(): Promise<Map<string, number>>;
	/** What the server printed (for a report of why a run failed). */
	output(): string;
	stop(): Promise<void>;
}

export function socketUrl(base: string, room: RoomRef, role: 'writer' | 'reader'): string {
	return `${base.replace(/^http/, 'ws')}${room.path}${role === 'writer' ? room.writerQuery : room.readerQuery}`;
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
	await exited;
	clearTimeout(timer);
}

/**
 * Our server as its own process (`node --import tsx server/src/index.ts`), pinned to the server
 * cores. Every socket is authenticated: writers with the facilitator's session, readers with an
 * observer's, made through an invite as a real follower would.
 */
export async function startDebrief(
	name: string,
	env: Record<string, string>,
	cpus: string | null,
	facilitatorToken?: string
): Promise<Target & { token: string }> {
	const server = await startChildServer({ LOG_LEVEL: 'warn', ...env });
	const pid = server.process.pid!;
	pin(pid, cpus);
	const url = server.url;
	const token = facilitatorToken ?? (await signUpBench(url, 'Bench facilitator')).token;
	let boards = 0;
	return {
		name,
		kind: 'debrief',
		url,
		pid,
		token,
		async newRoom({ readers = true } = {}) {
			const board = await post<{ id: string }>(
				`${url}/api/boards`,
				{ title: `Bench board ${++boards}` },
				token
			);
			let readerToken = token;
			if (readers) {
				const invite = await post<{ token: string }>(
					`${url}/api/boards/${board.id}/invites`,
					{ role: 'observer' },
					token
				);
				const guest = await post<{ token?: string }>(`${url}/api/invites/${invite.token}/accept`, {
					name: 'Bench follower'
				});
				readerToken = guest.token ?? token;
			}
			return {
				path: `/sync/${board.id}/timeline`,
				writerQuery: `?token=${token}`,
				readerQuery: `?token=${readerToken}`
			};
		},
		metrics: () => readMetrics(url),
		output: server.output,
		stop: () => stopChild(server.process, server.exited)
	};
}

/**
 * Prometheus figures by name. Retried: a server whose event loop was blocked for longer than its
 * keep-alive timeout resets the pooled connection the next request goes out on.
 */
export async function readMetrics(url: string, attempts = 3): Promise<Map<string, number>> {
	for (let attempt = 1; ; attempt++) {
		try {
			return parseMetrics(await (await fetch(`${url}/metrics`)).text());
		} catch (error) {
			if (attempt >= attempts) throw error;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
}

function parseMetrics(text: string): Map<string, number> {
	const figures = new Map<string, number>();
	for (const line of text.split('\n')) {
		if (line.startsWith('#') || !line.trim()) continue;
		const space = line.lastIndexOf(' ');
		figures.set(line.slice(0, space), Number(line.slice(space + 1)));
	}
	return figures;
}

/** Where the published reference server's entry point is (`@y/websocket-server`, Yjs 13 line). */
export function referenceServerScript(): { script: string; version: string } {
	const require = createRequire(import.meta.url);
	const manifest = require.resolve('@y/websocket-server/package.json');
	const version = (require(manifest) as { version: string }).version;
	return { script: join(dirname(manifest), 'src', 'server.js'), version };
}

/** The reference y-websocket server, as published, run the way its README says (HOST, PORT). */
export async function startReference(cpus: string | null): Promise<Target> {
	const { script, version } = referenceServerScript();
	const port = await freePort();
	const child = spawn(process.execPath, [script], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise((resolve) => child.once('exit', resolve));
	await waitForPort(
		port,
		() => child.exitCode !== null,
		() => output
	);
	pin(child.pid!, cpus);
	const url = `http://127.0.0.1:${port}`;
	let rooms = 0;
	return {
		name: `reference (@y/websocket-server ${version})`,
		kind: 'reference',
		url,
		pid: child.pid!,
		async newRoom() {
			const path = `/bench-${++rooms}-${Math.random().toString(36).slice(2, 8)}`;
			return { path, writerQuery: '', readerQuery: '' };
		},
		metrics: async () => new Map(),
		output: () => output,
		stop: () => stopChild(child, exited)
	};
}

export async function waitForPort(
	port: number,
	failed: () => boolean = () => false,
	output: () => string = () => ''
): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (!(await canConnect('127.0.0.1', port))) {
		if (failed()) throw new Error(`server exited early:\n${output()}`);
		if (Date.now() > deadline) throw new Error(`nothing listens on ${port}:\n${output()}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

export function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host, port });
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(timeoutMs, () => done(false));
		socket.once('connect', () => done(true));
		socket.once('error', () => done(false));
	});
}
