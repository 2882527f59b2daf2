import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readEnv } from '../src/env.ts';
import { createLogger } from '../src/log.ts';
import { startServer } from '../src/server.ts';
import type { RunningServer } from '../src/server.ts';

/** The databases integration tests run on: PGlite always, Postgres when DATABASE_URL is set. */
export const BACKENDS: Array<{ name: string; env: Record<string, string> }> = [
	{ name: 'pglite', env: { DEBRIEF_DATA_DIR: 'memory://' } },
	...(process.env.DATABASE_URL
		? [{ name: 'postgres', env: { DATABASE_URL: process.env.DATABASE_URL } }]
		: [])
];
if (!process.env.DATABASE_URL) {
	console.warn('[debrief] DATABASE_URL not set: Postgres integration runs skipped (PGlite only).');
}

/** A real server on port 0, in this process. */
export function startTestServer(env: Record<string, string> = {}): Promise<RunningServer> {
	return startServer(
		readEnv({ PORT: '0', LOG_LEVEL: 'silent', DEBRIEF_PERSIST_BATCH_MS: '5', ...env }),
		createLogger((process.env.TEST_LOG_LEVEL as 'debug' | undefined) ?? 'silent')
	);
}

export async function createBoard(
	server: RunningServer,
	title = 'Checkout outage'
): Promise<string> {
	const response = await fetch(`${server.url}/api/boards`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title, severity: 'SEV2', service: 'checkout' })
	});
	if (response.status !== 201)
		throw new Error(`create board: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { id: string }).id;
}

/** A stock y-websocket client in Node, as any integration would use it. */
export function connectProvider(
	server: RunningServer | string,
	boardId: string,
	section: string,
	options: { doc?: Y.Doc; params?: Record<string, string> } = {}
): WebsocketProvider {
	const base = typeof server === 'string' ? server : server.url;
	const provider = new WebsocketProvider(
		base.replace(/^http/, 'ws') + `/sync/${boardId}`,
		section,
		options.doc ?? new Y.Doc(),
		{ WebSocketPolyfill: WebSocket as never, params: options.params, maxBackoffTime: 500 }
	);
	return provider;
}

export function synced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
	if (provider.synced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('provider did not sync in time')), timeoutMs);
		provider.once('sync', (isSynced: boolean) => {
			if (isSynced) {
				clearTimeout(timer);
				resolve();
			}
		});
	});
}

/** Polls until `check` holds (for changes that travel through the server). */
export async function eventually(
	check: () => boolean,
	timeoutMs = 10_000,
	what = 'condition'
): Promise<void> {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** A raw socket for protocol-level tests; resolves once open. */
export function openRawSocket(
	url: string,
	headers: Record<string, string> = {}
): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers });
		ws.binaryType = 'arraybuffer';
		ws.once('open', () => resolve(ws));
		ws.once('error', reject);
		ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
	});
}

export function closeCode(
	ws: WebSocket,
	timeoutMs = 10_000
): Promise<{ code: number; reason: string }> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
		ws.once('close', (code, reason) => {
			clearTimeout(timer);
			resolve({ code, reason: reason.toString() });
		});
	});
}
