import { invites } from '@debrief/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.ts';
import type { RunningServer } from '../src/server.ts';
import {
	BACKENDS,
	TEST_PASSWORD,
	api,
	createBoard,
	invite,
	joinAsGuest,
	signUp,
	startTestServer,
	uniqueEmail
} from './helpers.ts';

const HOUR = 60 * 60 * 1000;

describe.each(BACKENDS)('invite links ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer(env);
	});
	afterAll(async () => {
		await server?.close();
	});
	const db = () => server.deps.database.db;
	const accept = (token: string, options: { as?: { token: string }; name?: string } = {}) =>
		api(server, `/api/invites/${token}/accept`, {
			as: options.as,
			body: options.name ? { name: options.name } : {}
		});

	it('makes a link that expires in 7 days by default, storing only the token’s hash', async () => {
		const board = await createBoard(server, 'Cache stampede');
		const response = await api(server, `/api/boards/${board.boardId}/invites`, {
			as: board,
			body: { role: 'participant' }
		});
		expect(response.status).toBe(201);
		const made = (await response.json()) as {
			id: string;
			token: string;
			url: string;
			expiresAt: string;
		};
		expect(made.url).toBe(`${server.url}/invite/${made.token}`);
		const days = (new Date(made.expiresAt).getTime() - Date.now()) / (24 * HOUR);
		expect(days).toBeGreaterThan(6.99);
		expect(days).toBeLessThanOrEqual(7);
		const [row] = await db().select().from(invites).where(eq(invites.id, made.id));
		expect(row?.tokenHash).toBe(hashToken(made.token));
		expect(JSON.stringify(row)).not.toContain(made.token);

		const preview = await api(server, `/api/invites/${made.token}`);
		expect(await preview.json()).toEqual({
			board: { id: board.boardId, title: 'Cache stampede' },
			role: 'participant',
			expiresAt: made.expiresAt
		});
	});

	it('takes a chosen expiry, and refuses roles other than participant and observer', async () => {
		const board = await createBoard(server);
		const path = `/api/boards/${board.boardId}/invites`;
		const short = await api(server, path, {
			as: board,
			body: { role: 'observer', expiresInHours: 2 }
		});
		const { expiresAt } = (await short.json()) as { expiresAt: string };
		expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(2 * HOUR);
		expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(2 * HOUR - 60_000);
		for (const body of [{ role: 'facilitator' }, { role: 'observer', expiresInHours: 0 }]) {
			const refused = await api(server, path, { as: board, body });
			expect(refused.status).toBe(400);
			expect(((await refused.json()) as { error: string }).error).toMatch(
				/^(role|expiresInHours):/
			);
		}
	});

	it('lets a stranger join with a display name as a guest, signed in by cookie', async () => {
		const board = await createBoard(server);
		const token = await invite(server, board, 'observer');
		const nameless = await accept(token);
		expect(nameless.status).toBe(400);
		expect(((await nameless.json()) as { error: string }).error).toMatch(/^name:/);
		const response = await accept(token, { name: '  Grace  ' });
		expect(response.status).toBe(201);
		const body = (await response.json()) as {
			user: { isGuest: boolean };
			token: string;
			role: string;
		};
		expect(body).toMatchObject({
			role: 'observer',
			user: { name: 'Grace', isGuest: true, email: null }
		});
		expect(response.headers.get('set-cookie')).toContain(`debrief_session=${body.token}`);
		const me = await api(server, `/api/boards/${board.boardId}`, { as: body });
		expect(await me.json()).toMatchObject({ id: board.boardId, role: 'observer' });
	});

	it('refuses unknown (404), expired (410) and revoked (410) links, preview and accept alike', async () => {
		const board = await createBoard(server);
		const expired = await invite(server, board, 'participant');
		await db()
			.update(invites)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(invites.tokenHash, hashToken(expired)));
		const revoked = await api(server, `/api/boards/${board.boardId}/invites`, {
			as: board,
			body: { role: 'participant' }
		});
		const { id, token: revokedToken } = (await revoked.json()) as { id: string; token: string };
		const del = `/api/boards/${board.boardId}/invites/${id}`;
		expect((await api(server, del, { method: 'DELETE', as: board })).status).toBe(204);
		expect((await api(server, del, { method: 'DELETE', as: board })).status).toBe(204);

		for (const [token, status] of [
			['abcdefghijklmnopqrstuvwxyz234567', 404],
			[expired, 410],
			[revokedToken, 410]
		] as const) {
			expect((await api(server, `/api/invites/${token}`)).status).toBe(status);
			expect((await accept(token, { name: 'Mallory' })).status).toBe(status);
		}
		const listed = await api(server, `/api/boards/${board.boardId}/invites`, { as: board });
		const statuses = ((await listed.json()) as { invites: Array<{ status: string }> }).invites.map(
			(i) => i.status
		);
		expect(statuses.sort()).toEqual(['expired', 'revoked']);
	});

	it('refuses to revoke an invite of another board', async () => {
		const mine = await createBoard(server);
		const theirs = await createBoard(server);
		const made = await api(server, `/api/boards/${theirs.boardId}/invites`, {
			as: theirs,
			body: { role: 'participant' }
		});
		const { id } = (await made.json()) as { id: string };
		const path = `/api/boards/${mine.boardId}/invites/${id}`;
		expect((await api(server, path, { method: 'DELETE', as: mine })).status).toBe(404);
	});

	it('lets a signed-in person join, keeping a higher role and raising a lower one', async () => {
		const board = await createBoard(server);
		const observer = await joinAsGuest(server, board, 'observer');
		const raised = await accept(await invite(server, board, 'participant'), { as: observer });
		expect(raised.status).toBe(200);
		expect(await raised.json()).toMatchObject({ role: 'participant' });
		const kept = await accept(await invite(server, board, 'observer'), { as: board });
		expect(await kept.json()).toMatchObject({ role: 'facilitator' });
		expect(kept.headers.get('set-cookie')).toBeNull();
	});

	it('lets a guest claim the account with an email and a password, once', async () => {
		const board = await createBoard(server);
		const guest = await joinAsGuest(server, board, 'participant', 'Grace');
		const email = uniqueEmail('grace');
		const claim = (as: { token: string }, address: string) =>
			api(server, '/api/auth/claim', { as, body: { email: address, password: TEST_PASSWORD } });
		const taken = await claim(guest, board.email ?? '');
		expect(taken.status).toBe(409);
		const claimed = await claim(guest, email);
		expect(claimed.status).toBe(200);
		expect(await claimed.json()).toMatchObject({
			user: { id: guest.userId, email, isGuest: false }
		});
		expect((await claim(guest, uniqueEmail())).status).toBe(409);
		const login = await api(server, '/api/auth/login', {
			body: { email, password: TEST_PASSWORD }
		});
		expect(await login.json()).toMatchObject({ user: { id: guest.userId, name: 'Grace' } });
		const full = await signUp(server);
		expect((await claim(full, uniqueEmail())).status).toBe(409);
	});
});

describe('invite link limits', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer(BACKENDS[0]!.env);
	});
	afterAll(async () => {
		await server?.close();
	});

	it('lets one link make 300 guests in 15 minutes, then asks to wait (Retry-After)', async () => {
		const board = await createBoard(server);
		const token = await invite(server, board, 'observer');
		const made: number[] = [];
		for (let i = 0; i < 300; i++) {
			const response = await api(server, `/api/invites/${token}/accept`, {
				body: { name: `Follower ${i}` }
			});
			made.push(response.status);
		}
		expect(made.every((status) => status === 201)).toBe(true);
		const refused = await api(server, `/api/invites/${token}/accept`, {
			body: { name: 'One more' }
		});
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		// Another link of the same board is not held back, and members still join by this one.
		expect((await joinAsGuest(server, board, 'observer', 'Late joiner')).token).toBeTruthy();
		const member = await signUp(server);
		const joined = await api(server, `/api/invites/${token}/accept`, { as: member, body: {} });
		expect(joined.status).toBe(200);
	});

	it('asks an address that keeps guessing links to wait, real links included', async () => {
		const board = await createBoard(server);
		const token = await invite(server, board, 'observer');
		const guesses: number[] = [];
		for (let i = 0; i < 50; i++) {
			const guess = `${'a'.repeat(24)}${String(i).padStart(8, '2')}`;
			guesses.push((await api(server, `/api/invites/${guess}`)).status);
		}
		expect(guesses.every((status) => status === 404)).toBe(true);
		expect((await api(server, `/api/invites/${token}`)).status).toBe(429);
		const accepted = await api(server, `/api/invites/${token}/accept`, { body: { name: 'Eve' } });
		expect(accepted.status).toBe(429);
	});
});
