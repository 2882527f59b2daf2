import { CloseCode } from '@debrief/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.ts';
import {
	BACKENDS,
	api,
	closeCode,
	connectProvider,
	eventually,
	invite,
	joinAsGuest,
	openRawSocket,
	startTestServer,
	synced,
	syncUrl
} from './helpers.ts';
import { WHO, boardWithEveryRole, nextRefusal } from './roles.ts';
import type { RoleFixture, Who } from './roles.ts';

/** One API call as one person; may prepare what it acts on (a fresh invite, a fresh member). */
type Call = (
	server: RunningServer,
	f: RoleFixture,
	as: RoleFixture['people'][Who]
) => Promise<Response>;

const everyone = (status: number) => Object.fromEntries(WHO.map((who) => [who, status]));
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const members = (status: number) => ({ ...signedIn(status), outsider: 403, removed: 403 });
const managers = (status: number) => ({
	...members(403),
	cofacilitator: status,
	facilitator: status
});

const boardPath = (f: RoleFixture, rest = '') => `/api/boards/${f.board.boardId}${rest}`;

/** Each route, how it is called, and the status each person must get. */
const ROUTES: Array<{ route: string; call: Call; expected: Record<string, number> }> = [
	{ route: 'GET /api/me', call: (s, _f, as) => api(s, '/api/me', { as }), expected: signedIn(200) },
	{
		route: 'GET /api/boards',
		call: (s, _f, as) => api(s, '/api/boards', { as }),
		expected: signedIn(200)
	},
	{
		route: 'POST /api/boards',
		call: (s, _f, as) => api(s, '/api/boards', { as, body: { title: 'Mine' } }),
		expected: signedIn(201)
	},
	{
		route: 'GET /api/boards/:id',
		call: (s, f, as) => api(s, boardPath(f), { as }),
		expected: members(200)
	},
	{
		route: 'GET /api/boards/:unknown',
		call: (s, _f, as) => api(s, '/api/boards/nosuchboard0', { as }),
		expected: signedIn(404)
	},
	{
		route: 'GET /api/boards/:id/members',
		call: (s, f, as) => api(s, boardPath(f, '/members'), { as }),
		expected: members(200)
	},
	{
		route: 'PATCH /api/boards/:id/members/:userId',
		call: async (s, f, as) => {
			const target = await joinAsGuest(s, f.board, 'participant', 'Target');
			const path = boardPath(f, `/members/${target.userId}`);
			return api(s, path, { method: 'PATCH', as, body: { role: 'observer' } });
		},
		expected: managers(200)
	},
	{
		route: 'DELETE /api/boards/:id/members/:userId',
		call: async (s, f, as) => {
			const target = await joinAsGuest(s, f.board, 'participant', 'Target');
			return api(s, boardPath(f, `/members/${target.userId}`), { method: 'DELETE', as });
		},
		expected: managers(204)
	},
	{
		route: 'POST /api/boards/:id/invites',
		call: (s, f, as) => api(s, boardPath(f, '/invites'), { as, body: { role: 'observer' } }),
		expected: managers(201)
	},
	{
		route: 'GET /api/boards/:id/invites',
		call: (s, f, as) => api(s, boardPath(f, '/invites'), { as }),
		expected: managers(200)
	},
	{
		route: 'DELETE /api/boards/:id/invites/:inviteId',
		call: async (s, f, as) => {
			const made = await api(s, boardPath(f, '/invites'), {
				as: f.board,
				body: { role: 'observer' }
			});
			const { id } = (await made.json()) as { id: string };
			return api(s, boardPath(f, `/invites/${id}`), { method: 'DELETE', as });
		},
		expected: managers(204)
	},
	{
		route: 'GET /api/invites/:token',
		call: async (s, f, as) =>
			api(s, `/api/invites/${await invite(s, f.board, 'observer')}`, { as }),
		expected: everyone(200)
	},
	{
		route: 'POST /api/invites/:token/accept',
		call: async (s, f, as) => {
			const token = await invite(s, f.board, 'observer');
			return api(s, `/api/invites/${token}/accept`, { as, body: { name: 'Newcomer' } });
		},
		// A stranger gets a new guest account (201); anyone signed in just joins (200).
		expected: { ...everyone(200), anonymous: 201 }
	}
];

describe.each(BACKENDS)('access matrix ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer(env);
	});
	afterAll(async () => {
		await server?.close();
	});

	it.each(ROUTES)('$route answers each person as the rules say', async ({ call, expected }) => {
		// A fresh board per route: some calls (accepting an invite) change who is a member.
		const fixture = await boardWithEveryRole(server);
		const got: Record<string, number> = {};
		for (const who of WHO) {
			const response = await call(server, fixture, fixture.people[who]);
			got[who] = response.status;
		}
		expect(got).toEqual(expected);
	});

	it('lists a board to its members only', async () => {
		const fixture = await boardWithEveryRole(server);
		for (const who of WHO.filter((w) => w !== 'anonymous')) {
			const response = await api(server, '/api/boards', { as: fixture.people[who] });
			const { boards } = (await response.json()) as { boards: Array<{ id: string; role: string }> };
			const mine = boards.find((b) => b.id === fixture.board.boardId);
			const isMember = !['outsider', 'removed'].includes(who);
			expect(mine?.role, who).toBe(isMember ? who : undefined);
		}
	});

	describe('sockets', () => {
		let fixture: RoleFixture;
		beforeAll(async () => {
			fixture = await boardWithEveryRole(server);
			const seed = connectProvider(server, fixture.board.boardId, 'timeline', {
				token: fixture.board.token
			});
			await synced(seed);
			seed.doc.getMap('entries').set('seed', 'written before anyone joined');
			const room = server.deps.rooms.room({ boardId: fixture.board.boardId, section: 'timeline' });
			await eventually(() => room.doc.getMap('entries').has('seed'), 5000, 'seed entry');
			seed.destroy();
		});

		const refusedAtUpgrade: Array<[Who, number]> = [
			['anonymous', CloseCode.Unauthorized],
			['outsider', CloseCode.Forbidden],
			['removed', CloseCode.Forbidden]
		];
		it.each(refusedAtUpgrade)('closes the socket of %s with %i', async (who, code) => {
			const token = fixture.people[who]?.token;
			const ws = await openRawSocket(syncUrl(server, fixture.board.boardId, 'timeline', token));
			expect((await closeCode(ws)).code).toBe(code);
		});

		it('closes a socket with a bad token with 4401, and one to no board with 4404', async () => {
			const bad = await openRawSocket(syncUrl(server, fixture.board.boardId, 'timeline', 'x'));
			expect((await closeCode(bad)).code).toBe(CloseCode.Unauthorized);
			const token = fixture.board.token;
			const none = await openRawSocket(syncUrl(server, 'nosuchboard0', 'timeline', token));
			expect((await closeCode(none)).code).toBe(CloseCode.NotFound);
		});

		const members: Array<[Who, 'accepted' | 'refused']> = [
			['observer', 'refused'],
			['participant', 'accepted'],
			['cofacilitator', 'accepted'],
			['facilitator', 'accepted']
		];
		it.each(members)('lets %s read; a write is %s', async (who, outcome) => {
			const { boardId } = fixture.board;
			const provider = connectProvider(server, boardId, 'timeline', {
				token: fixture.people[who]?.token
			});
			await synced(provider);
			const entries = provider.doc.getMap('entries');
			await eventually(() => entries.get('seed') === 'written before anyone joined');
			const refusal = outcome === 'refused' ? nextRefusal(provider) : null;
			entries.set(`by-${who}`, who);
			const room = server.deps.rooms.room({ boardId, section: 'timeline' });
			if (outcome === 'accepted') {
				await eventually(() => room.doc.getMap('entries').get(`by-${who}`) === who);
			} else {
				expect(await refusal).toBe('read-only:timeline');
				expect(room.doc.getMap('entries').has(`by-${who}`)).toBe(false);
			}
			provider.destroy();
		});
	});
});
