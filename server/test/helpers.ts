import { randomUUID } from 'node:crypto';
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

type ServerRef = RunningServer | string;
const baseOf = (server: ServerRef) => (typeof server === 'string' ? server : server.url);

/** An email no earlier run used, so reruns against one Postgres never collide. */
export function uniqueEmail(prefix = 'user'): string {
	return `${prefix}-${randomUUID()}@example.test`;
}

/** Someone signed in: their session token, and the Cookie header a browser would send. */
export interface Account {
	userId: string;
	name: string;
	email: string | null;
	token: string;
	cookie: string;
}

export const TEST_PASSWORD = 'a long enough test password';

/** Calls the API as `account` (bearer token) or as nobody; JSON in, Response out. */
export function api(
	server: ServerRef,
	path: string,
	options: {
		method?: string;
		as?: { token: string } | null;
		body?: unknown;
		headers?: Record<string, string>;
	} = {}
): Promise<Response> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	if (options.as) headers.authorization = `Bearer ${options.as.token}`;
	return fetch(`${baseOf(server)}${path}`, {
		method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
		headers,
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
}

/** Signs a new person up (a fresh email every time) and returns their session. */
export async function signUp(server: ServerRef, name = 'Ada'): Promise<Account> {
	const email = uniqueEmail(name.toLowerCase());
	const response = await api(server, '/api/auth/signup', {
		body: { email, password: TEST_PASSWORD, name }
	});
	if (response.status !== 201)
		throw new Error(`signup: ${response.status} ${await response.text()}`);
	const { user, token } = (await response.json()) as { user: { id: string }; token: string };
	return { userId: user.id, name, email, token, cookie: `debrief_session=${token}` };
}

/** A board made by `owner` (by default a freshly signed-up facilitator). */
export interface TestBoard extends Account {
	boardId: string;
}

export async function createBoard(
	server: ServerRef,
	title = 'Checkout outage',
	owner?: Account
): Promise<TestBoard> {
	const account = owner ?? (await signUp(server));
	const response = await api(server, '/api/boards', {
		as: account,
		body: { title, severity: 'SEV2', service: 'checkout' }
	});
	if (response.status !== 201)
		throw new Error(`create board: ${response.status} ${await response.text()}`);
	return { ...account, boardId: ((await response.json()) as { id: string }).id };
}

/** Makes an invite link on the board as `by`; returns its token. */
export async function invite(
	server: ServerRef,
	board: TestBoard,
	role: 'participant' | 'observer',
	by: Account = board
): Promise<string> {
	const response = await api(server, `/api/boards/${board.boardId}/invites`, {
		as: by,
		body: { role }
	});
	if (response.status !== 201)
		throw new Error(`invite: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { token: string }).token;
}

/** Joins the board through a new invite as a new guest called `name`. */
export async function joinAsGuest(
	server: ServerRef,
	board: TestBoard,
	role: 'participant' | 'observer',
	name = 'Guest'
): Promise<Account> {
	const token = await invite(server, board, role);
	const response = await api(server, `/api/invites/${token}/accept`, { body: { name } });
	if (response.status !== 201)
		throw new Error(`accept: ${response.status} ${await response.text()}`);
	const body = (await response.json()) as { user: { id: string }; token: string };
	return {
		userId: body.user.id,
		name,
		email: null,
		token: body.token,
		cookie: `debrief_session=${body.token}`
	};
}

/** The sync URL of a section, with the session token as a query parameter when given. */
export function syncUrl(server: ServerRef, boardId: string, section: string, token?: string) {
	const url = `${baseOf(server).replace(/^http/, 'ws')}/sync/${boardId}/${section}`;
	return token ? `${url}?token=${token}` : url;
}

/** A stock y-websocket client in Node, as any integration would use it. */
export function connectProvider(
	server: RunningServer | string,
	boardId: string,
	section: string,
	options: { doc?: Y.Doc; token?: string; params?: Record<string, string> } = {}
): WebsocketProvider {
	const params = { ...options.params, ...(options.token ? { token: options.token } : {}) };
	const provider = new WebsocketProvider(
		baseOf(server).replace(/^http/, 'ws') + `/sync/${boardId}`,
		section,
		options.doc ?? new Y.Doc(),
		// No BroadcastChannel: clients in one test process must meet only through the server.
		{ WebSocketPolyfill: WebSocket as never, params, maxBackoffTime: 500, disableBc: true }
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
