import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../src/env.ts';
import { createLogger } from '../src/log.ts';
import { startServer } from '../src/server.ts';
import type { RunningServer } from '../src/server.ts';
import {
	BACKENDS,
	TEST_PASSWORD,
	api,
	connectProvider,
	createBoard,
	invite,
	signUp,
	startTestServer,
	synced,
	uniqueEmail
} from './helpers.ts';

describe.each(BACKENDS)('auth edges ($name)', ({ env }) => {
	describe('behind an https public origin', () => {
		let server: RunningServer;
		beforeAll(async () => {
			server = await startTestServer({ ...env, PUBLIC_ORIGIN: 'https://debrief.example' });
		});
		afterAll(async () => {
			await server?.close();
		});

		it('marks the session cookie Secure, and builds invite URLs on the public origin', async () => {
			const email = uniqueEmail();
			const response = await api(localUrl(server), '/api/auth/signup', {
				body: { email, password: TEST_PASSWORD, name: 'Sam' }
			});
			expect(response.status).toBe(201);
			const cookie = response.headers.get('set-cookie') ?? '';
			expect(cookie).toMatch(/HttpOnly/);
			expect(cookie).toMatch(/SameSite=Lax/);
			expect(cookie).toMatch(/Path=\//);
			expect(cookie).toMatch(/Secure/);
			const { user, token } = (await response.json()) as { user: { id: string }; token: string };
			const owner = { userId: user.id, name: 'Sam', email, token, cookie: '' };
			const board = await createBoard(localUrl(server), 'Secure', owner);
			const made = await api(localUrl(server), `/api/boards/${board.boardId}/invites`, {
				as: board,
				body: { role: 'participant' }
			});
			const body = (await made.json()) as { url: string; token: string };
			expect(body.url).toBe(`https://debrief.example/invite/${body.token}`);
		});
	});

	describe('sign-in limits', () => {
		let server: RunningServer;
		beforeAll(async () => {
			server = await startTestServer(env);
		});
		afterAll(async () => {
			await server?.close();
		});
		const login = (email: string, password: string) =>
			api(server, '/api/auth/login', { body: { email, password } });

		it('answers 429 with Retry-After after 10 failures for one account, even to the right password', async () => {
			const account = await signUp(server);
			for (let i = 0; i < 10; i++) {
				expect((await login(account.email ?? '', `wrong ${i}`)).status).toBe(401);
			}
			const limited = await login(account.email ?? '', TEST_PASSWORD);
			expect(limited.status).toBe(429);
			const wait = Number(limited.headers.get('retry-after'));
			expect(wait).toBeGreaterThan(800);
			expect(wait).toBeLessThanOrEqual(900);
			// Other accounts from the same address are not locked out by one account's failures.
			const other = await signUp(server);
			expect((await login(other.email ?? '', TEST_PASSWORD)).status).toBe(200);
		});

		it('answers 429 after 50 failures from one address across accounts', async () => {
			// 10 failures above already count against this address.
			for (let i = 0; i < 40; i++) {
				expect((await login(uniqueEmail('spray'), 'guess')).status).toBe(401);
			}
			const limited = await login(uniqueEmail('spray'), 'guess');
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		});
	});

	describe('logs', () => {
		const lines: string[] = [];
		let server: RunningServer;
		beforeAll(async () => {
			server = await startServer(
				readEnv({ ...env, PORT: '0', LOG_LEVEL: 'debug', DEBRIEF_PERSIST_BATCH_MS: '5' }),
				createLogger('debug', {}, (line) => lines.push(line))
			);
		});
		afterAll(async () => {
			await server?.close();
		});

		it('never carry a token or a password through signup, login, invites and sockets', async () => {
			const secrets: string[] = [TEST_PASSWORD];
			const board = await createBoard(server);
			secrets.push(board.token);
			const login = await api(server, '/api/auth/login', {
				body: { email: board.email, password: TEST_PASSWORD }
			});
			secrets.push(((await login.json()) as { token: string }).token);
			await api(server, '/api/auth/login', { body: { email: board.email, password: 'wrong one' } });
			secrets.push('wrong one');
			const inviteToken = await invite(server, board, 'participant');
			secrets.push(inviteToken);
			await api(server, `/api/invites/${inviteToken}`);
			const accepted = await api(server, `/api/invites/${inviteToken}/accept`, {
				body: { name: 'Guest' }
			});
			const guest = (await accepted.json()) as { token: string };
			secrets.push(guest.token);
			const provider = connectProvider(server, board.boardId, 'timeline', { token: guest.token });
			await synced(provider);
			provider.destroy();
			await api(server, '/api/auth/password', {
				as: board,
				body: { current: TEST_PASSWORD, next: 'the next password' }
			}).then(async (r) => secrets.push(((await r.json()) as { token: string }).token));
			secrets.push('the next password');
			await api(server, '/api/auth/logout', { method: 'POST', as: guest });

			const log = lines.join('\n');
			expect(log).toContain('signed up');
			expect(log).toContain('invite created');
			expect(log).toContain('socket open');
			for (const secret of secrets) expect(log).not.toContain(secret);
		});
	});

	describe('OpenAPI document', () => {
		let server: RunningServer;
		beforeAll(async () => {
			server = await startTestServer(env);
		});
		afterAll(async () => {
			await server?.close();
		});

		it('lists every route and the cookie and bearer security schemes', async () => {
			const doc = (await (await api(server, '/api/openapi.json')).json()) as {
				paths: Record<string, Record<string, { security?: unknown[] }>>;
				components: {
					securitySchemes: Record<string, { type: string; in?: string; name?: string }>;
				};
			};
			const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
				Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)
			);
			expect(routes.sort()).toEqual(
				[
					'POST /auth/signup',
					'POST /auth/login',
					'POST /auth/logout',
					'POST /auth/password',
					'POST /auth/claim',
					'GET /me',
					'GET /boards',
					'POST /boards',
					'GET /boards/{id}',
					'POST /boards/{id}/invites',
					'GET /boards/{id}/invites',
					'DELETE /boards/{id}/invites/{inviteId}',
					'GET /boards/{id}/members',
					'PATCH /boards/{id}/members/{userId}',
					'DELETE /boards/{id}/members/{userId}',
					'GET /invites/{token}',
					'POST /invites/{token}/accept',
					'GET /boards/{id}/agenda',
					'POST /boards/{id}/agenda',
					'GET /boards/{id}/audit',
					'PUT /boards/{id}/locks/{section}',
					'POST /boards/{id}/close',
					'POST /boards/{id}/reopen',
					'POST /boards/{id}/queue',
					'POST /boards/{id}/ready-check',
					'GET /boards/{id}/snapshots',
					'GET /boards/{id}/snapshots/{revision}',
					'GET /boards/{id}/snapshots/{revision}/diff',
					'GET /boards/{id}/export',
					'GET /boards/{id}/readiness',
					'POST /boards/{id}/pull-follow-ups',
					'GET /follow-ups',
					'PATCH /follow-ups/{id}',
					'GET /search'
				].sort()
			);
			expect(doc.components.securitySchemes).toMatchObject({
				sessionCookie: { type: 'apiKey', in: 'cookie', name: 'debrief_session' },
				bearerToken: { type: 'http' }
			});
			expect(doc.paths['/boards']?.get?.security).toEqual([
				{ sessionCookie: [] },
				{ bearerToken: [] }
			]);
			expect(doc.paths['/invites/{token}']?.get?.security).toBeUndefined();
		});
	});
});

/** The server's own address (its `url` is the public origin, which nothing listens on here). */
function localUrl(server: RunningServer): string {
	return `http://127.0.0.1:${server.port}`;
}
