/**
 * How fast a facilitator's move reaches the room: a lock (PUT /locks/:section) and a stage move
 * (POST /agenda next/previous), each timed from the call to (a) the HTTP answer and (b) the
 * moment every one of N connected meta clients holds the change. The server runs by its binary
 * on embedded PGlite, as `pnpm start` runs it.
 *
 *   cd test && node_modules/.bin/tsx bench/meeting-locks.ts [clients=50] [rounds=40]
 *
 * Figures, not pass/fail: printed as a Markdown table.
 */
import { signUpBench } from './api.ts';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMeta, type MetaState } from '@debrief/doc';
import { decodeMessage, encodeMessage } from '@debrief/sync';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { summarize } from './stats.ts';

const CLIENTS = Number(process.argv[2] ?? 50);
const ROUNDS = Number(process.argv[3] ?? 40);
const PORT = 3291;
const BASE = `http://127.0.0.1:${PORT}`;
const root = fileURLToPath(new URL('../..', import.meta.url));

/** A read-only meta client: syncs, applies what the server sends, tells us on every change. */
class MetaClient {
	readonly doc = new Y.Doc();
	#ws!: WebSocket;
	#waiters: Array<() => void> = [];

	async connect(url: string): Promise<void> {
		this.#ws = new WebSocket(url);
		this.#ws.binaryType = 'arraybuffer';
		const synced = new Promise<void>((resolve) => {
			this.#ws.on('message', (data: ArrayBuffer) => {
				const decoded = decodeMessage(new Uint8Array(data));
				if (!decoded.ok) return;
				const m = decoded.message;
				if (m.type === 'sync-step-2' || m.type === 'update') {
					Y.applyUpdate(this.doc, m.update);
					if (m.type === 'sync-step-2') resolve();
					for (const wake of this.#waiters.splice(0)) wake();
				}
			});
		});
		await new Promise<void>((resolve, reject) => {
			this.#ws.once('open', () => resolve());
			this.#ws.once('error', reject);
		});
		this.#ws.send(encodeMessage({ type: 'sync-step-1', stateVector: new Uint8Array([0]) }));
		await synced;
	}

	/** Resolves once the meta this client holds satisfies `check`. */
	async until(check: (meta: MetaState) => boolean): Promise<void> {
		while (!check(readMeta(this.doc))) await new Promise<void>((r) => this.#waiters.push(r));
	}

	close(): void {
		this.#ws.close();
	}
}

async function call(path: string, token: string, method: string, body: unknown): Promise<void> {
	const res = await fetch(`${BASE}${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
}

/** Runs `act` and times the HTTP answer and the arrival at every client. */
async function timed(
	act: () => Promise<void>,
	clients: MetaClient[],
	arrived: (meta: MetaState) => boolean
): Promise<{ http: number; all: number }> {
	const start = performance.now();
	const everyone = Promise.all(clients.map((c) => c.until(arrived))).then(
		() => performance.now() - start
	);
	await act();
	const http = performance.now() - start;
	return { http, all: await everyone };
}

async function main(): Promise<void> {
	const dataDir = mkdtempSync(join(tmpdir(), 'debrief-bench-meeting-'));
	const server = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'server/src/index.ts')], {
		env: { ...process.env, PORT: String(PORT), DEBRIEF_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		for (let i = 0; ; i++) {
			if ((await fetch(`${BASE}/healthz`).catch(() => null))?.ok) break;
			if (i > 120) throw new Error('server did not start');
			await new Promise((r) => setTimeout(r, 500));
		}
		const { token } = await signUpBench(BASE);
		const board = await fetch(`${BASE}/api/boards`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'bench' })
		});
		const { id } = (await board.json()) as { id: string };
		const url = `${BASE.replace('http', 'ws')}/sync/${id}/meta?token=${token}`;
		const clients = Array.from({ length: CLIENTS }, () => new MetaClient());
		await Promise.all(clients.map((c) => c.connect(url)));

		const locks: Array<{ http: number; all: number }> = [];
		for (let i = 0; i < ROUNDS; i++) {
			const locked = i % 2 === 0;
			locks.push(
				await timed(
					() => call(`/api/boards/${id}/locks/timeline`, token, 'PUT', { locked }),
					clients,
					(m) => (m.locks.timeline !== undefined) === locked
				)
			);
		}
		await call(`/api/boards/${id}/agenda`, token, 'POST', {
			action: 'settings',
			lockOnAdvance: false
		});
		await call(`/api/boards/${id}/agenda`, token, 'POST', { action: 'start' });
		const moves: Array<{ http: number; all: number }> = [];
		for (let i = 0; i < ROUNDS; i++) {
			const action = i % 2 === 0 ? 'next' : 'previous';
			const target = i % 2 === 0 ? 'timeline' : 'opening';
			moves.push(
				await timed(
					() => call(`/api/boards/${id}/agenda`, token, 'POST', { action }),
					clients,
					(m) => m.current === target
				)
			);
		}
		for (const c of clients) c.close();

		const row = (name: string, values: number[]) => {
			const s = summarize(values);
			return `| ${name} | ${s.p50} | ${s.p95} | ${s.max} |`;
		};
		console.log(`\nMeeting changes, ${CLIENTS} meta clients, ${ROUNDS} rounds each (ms)\n`);
		console.log('| figure | p50 | p95 | max |\n|---|---|---|---|');
		console.log(
			row(
				'lock: HTTP answer',
				locks.map((l) => l.http)
			)
		);
		console.log(
			row(
				`lock: all ${CLIENTS} clients hold it`,
				locks.map((l) => l.all)
			)
		);
		console.log(
			row(
				'stage move: HTTP answer',
				moves.map((m) => m.http)
			)
		);
		console.log(
			row(
				`stage move: all ${CLIENTS} clients hold it`,
				moves.map((m) => m.all)
			)
		);
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
