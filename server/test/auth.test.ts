import { sessions, users } from '@debrief/db';
import { CloseCode } from '@debrief/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.ts';
import type { RunningServer } from '../src/server.ts';
import {
	BACKENDS,
	TEST_PASSWORD,
	api,
	closeCode,
	createBoard,
	openRawSocket,
	signUp,
	startTestServer,
	syncUrl,
	uniqueEmail
} from './helpers.ts';
import { openJoinedSocket } from './roles.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(BACKENDS)('accounts and sessions ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer(env);
	});
	afterAll(async () => {
		await server?.close();
	});
	const db = () => server.deps.database.db;
	const login = (email: string, password: string) =>
		api(server, '/api/auth/login', { body: { email, password } });

	it('signs up, answers with the user and token, and sets the session cookie', async () => {
		const email = uniqueEmail('Ada');
		const response = await api(server, '/api/auth/signup', {
			body: { email, password: TEST_PASSWORD, name: 'Ada' }
		});
		expect(response.status).toBe(201);
		const body = (await response.json()) as { user: { email: string }; token: string };
		expect(body.user).toMatchObject({ email: email.toLowerCase(), name: 'Ada', isGuest: false });
		expect(body.token).toMatch(/^[a-z2-7]{32}$/);
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toContain(`debrief_session=${body.token}`);
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/);
		const me = await api(server, '/api/me', {
			headers: { cookie: `debrief_session=${body.token}` }
		});
		expect(me.status).toBe(200);
	});

	it('stores only an Argon2id hash of the password, and the session id as the token’s SHA-256', async () => {
		const account = await signUp(server);
		const [row] = await db().select().from(users).where(eq(users.id, account.userId));
		expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(JSON.stringify(row)).not.toContain(TEST_PASSWORD);
		const stored = await db().select().from(sessions).where(eq(sessions.userId, account.userId));
		expect(stored.map((s) => s.id)).toEqual([hashToken(account.token)]);
	});

	it('refuses a second account for the same email, whatever its case', async () => {
		const account = await signUp(server);
		const response = await api(server, '/api/auth/signup', {
			body: { email: account.email?.toUpperCase(), password: TEST_PASSWORD, name: 'Eve' }
		});
		expect(response.status).toBe(409);
		expect(await response.json()).toEqual({ error: 'could not create an account with that email' });
	});

	it('names the field of invalid input', async () => {
		const response = await api(server, '/api/auth/signup', {
			body: { email: 'not-an-email', password: TEST_PASSWORD, name: 'Ada' }
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: string }).error).toMatch(/^email:/);
		const short = await api(server, '/api/auth/signup', {
			body: { email: uniqueEmail(), password: 'short', name: 'Ada' }
		});
		expect(((await short.json()) as { error: string }).error).toMatch(/^password:/);
	});

	it('signs in, and answers an unknown email exactly like a wrong password', async () => {
		const account = await signUp(server);
		const ok = await login(account.email ?? '', TEST_PASSWORD);
		expect(ok.status).toBe(200);
		const body = (await ok.json()) as { user: Record<string, unknown>; token: string };
		expect(body.user).not.toHaveProperty('passwordHash');
		expect(ok.headers.get('set-cookie')).toContain(`debrief_session=${body.token}`);
		const wrong = await login(account.email ?? '', 'not the password');
		const unknown = await login(uniqueEmail('nobody'), TEST_PASSWORD);
		expect([wrong.status, unknown.status]).toEqual([401, 401]);
		expect(await wrong.json()).toEqual({ error: 'email or password is wrong' });
		expect(await unknown.json()).toEqual({ error: 'email or password is wrong' });
	});

	it('refuses a session past its expiry, and forgets it', async () => {
		const account = await signUp(server);
		const id = hashToken(account.token);
		await db()
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(sessions.id, id));
		const response = await api(server, '/api/me', { headers: { cookie: account.cookie } });
		expect(response.status).toBe(401);
		expect(response.headers.get('set-cookie')).toMatch(/debrief_session=;.*Max-Age=0/);
		expect(await db().select().from(sessions).where(eq(sessions.id, id))).toEqual([]);
	});

	it('extends a session with less than 15 days left and re-sends the cookie', async () => {
		const account = await signUp(server);
		const id = hashToken(account.token);
		const soon = new Date(Date.now() + 5 * DAY);
		await db().update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, id));
		const response = await api(server, '/api/me', { headers: { cookie: account.cookie } });
		expect(response.status).toBe(200);
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toContain(`debrief_session=${account.token}`);
		const expires = new Date(/Expires=([^;]+)/.exec(cookie)?.[1] ?? 0).getTime();
		expect(expires).toBeGreaterThan(Date.now() + 29 * DAY);
		const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
		expect(row?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
		// A fresh session is left alone: no cookie to re-send.
		const again = await api(server, '/api/me', { headers: { cookie: account.cookie } });
		expect(again.headers.get('set-cookie')).toBeNull();
	});

	it('signs out: the session ends, the cookie is cleared, its sockets close with 4401', async () => {
		const board = await createBoard(server);
		const ws = await openJoinedSocket(syncUrl(server, board.boardId, 'timeline', board.token));
		const closed = closeCode(ws);
		const response = await api(server, '/api/auth/logout', { method: 'POST', as: board });
		expect(response.status).toBe(204);
		expect(response.headers.get('set-cookie')).toMatch(/debrief_session=;.*Max-Age=0/);
		expect((await closed).code).toBe(CloseCode.Unauthorized);
		expect((await api(server, '/api/me', { as: board })).status).toBe(401);
	});

	it('changes the password and ends every session of the account, sockets included', async () => {
		const board = await createBoard(server);
		const other = (await (await login(board.email ?? '', TEST_PASSWORD)).json()) as {
			token: string;
		};
		const ws = await openJoinedSocket(syncUrl(server, board.boardId, 'timeline', other.token));
		const closed = closeCode(ws);
		const wrong = await api(server, '/api/auth/password', {
			as: board,
			body: { current: 'not it', next: 'a brand new password' }
		});
		expect(wrong.status).toBe(403);
		const response = await api(server, '/api/auth/password', {
			as: board,
			body: { current: TEST_PASSWORD, next: 'a brand new password' }
		});
		expect(response.status).toBe(200);
		const { token } = (await response.json()) as { token: string };
		expect((await closed).code).toBe(CloseCode.Unauthorized);
		expect((await api(server, '/api/me', { as: board })).status).toBe(401);
		expect((await api(server, '/api/me', { as: other })).status).toBe(401);
		expect((await api(server, '/api/me', { as: { token } })).status).toBe(200);
		expect((await login(board.email ?? '', TEST_PASSWORD)).status).toBe(401);
		expect((await login(board.email ?? '', 'a brand new password')).status).toBe(200);
	});

	it('refuses a cross-origin POST even with a valid session cookie', async () => {
		const account = await signUp(server);
		const response = await api(server, '/api/boards', {
			body: { title: 'From elsewhere' },
			headers: { cookie: account.cookie, origin: 'http://evil.example' }
		});
		expect(response.status).toBe(403);
		const boards = await api(server, '/api/boards', { as: account });
		expect(((await boards.json()) as { boards: unknown[] }).boards).toEqual([]);
	});

	it('refuses a cross-origin socket upgrade even with a valid session cookie', async () => {
		const board = await createBoard(server);
		await expect(
			openRawSocket(syncUrl(server, board.boardId, 'timeline'), {
				origin: 'http://evil.example',
				cookie: board.cookie
			})
		).rejects.toThrow('HTTP 403');
		const ws = await openJoinedSocket(syncUrl(server, board.boardId, 'timeline'), {
			cookie: board.cookie
		});
		ws.close();
	});
});
