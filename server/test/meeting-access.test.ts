import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.ts';
import { BACKENDS, api, createBoard, joinAsGuest, startTestServer } from './helpers.ts';
import type { Account } from './helpers.ts';
import { WHO, boardWithEveryRole, type RoleFixture, type Who } from './roles.ts';

/** What each person gets from a facilitators-only call. */
const FACILITATORS_ONLY: Record<Who, number> = {
	anonymous: 401,
	outsider: 403,
	removed: 403,
	observer: 403,
	participant: 403,
	cofacilitator: 200,
	facilitator: 200
};

/** What each person gets from a call any member may make. */
const ANY_MEMBER: Record<Who, number> = {
	...FACILITATORS_ONLY,
	observer: 200,
	participant: 200
};

describe.each(BACKENDS)('who may run the meeting ($name)', ({ env }) => {
	let server: RunningServer;
	let fixture: RoleFixture;
	beforeAll(async () => {
		server = await startTestServer(env);
		fixture = await boardWithEveryRole(server);
		const start = await api(server, `/api/boards/${fixture.board.boardId}/agenda`, {
			as: fixture.board,
			body: { action: 'start' }
		});
		expect(start.status).toBe(200);
	});
	afterAll(async () => {
		await server?.close();
	});

	const call = (who: Who, method: string, path: string, body?: unknown) =>
		api(server, `/api/boards/${fixture.board.boardId}${path}`, {
			method,
			as: fixture.people[who] as Account | null,
			body
		});

	// Calls that change nothing when allowed, so every allowed role gets the same 200.
	const calls: Array<[string, string, string, unknown, Record<Who, number>]> = [
		['agenda', 'POST', '/agenda', { action: 'settings', lockOnAdvance: true }, FACILITATORS_ONLY],
		['lock', 'PUT', '/locks/factors', { locked: false }, FACILITATORS_ONLY],
		['queue clear', 'POST', '/queue', { action: 'clear' }, FACILITATORS_ONLY],
		['ready check end', 'POST', '/ready-check', { action: 'end' }, FACILITATORS_ONLY],
		['raise hand', 'POST', '/queue', { action: 'raise' }, ANY_MEMBER],
		['read the meeting', 'GET', '/agenda', undefined, ANY_MEMBER],
		['read the audit log', 'GET', '/audit', undefined, ANY_MEMBER]
	];

	it.each(calls)(
		'%s: 401 signed out, 403 for roles that may not',
		async (_, method, path, body, want) => {
			for (const who of WHO) {
				const response = await call(who, method, path, body);
				expect({ who, status: response.status }).toEqual({ who, status: want[who] });
			}
		}
	);

	it('lets only facilitators close and reopen', async () => {
		for (const who of WHO) {
			if (who === 'facilitator' || who === 'cofacilitator') continue;
			expect({ who, status: (await call(who, 'POST', '/close', {})).status }).toEqual({
				who,
				status: FACILITATORS_ONLY[who]
			});
		}
		expect((await call('facilitator', 'POST', '/close', {})).status).toBe(200);
		for (const who of WHO) {
			if (who === 'facilitator' || who === 'cofacilitator') continue;
			expect((await call(who, 'POST', '/reopen', {})).status).toBe(FACILITATORS_ONLY[who]);
		}
		expect((await call('cofacilitator', 'POST', '/reopen', {})).status).toBe(200);
	});

	it('lets a member lower only their own hand', async () => {
		const pat = fixture.people.participant as Account;
		const obe = fixture.people.observer as Account;
		expect((await call('observer', 'POST', '/queue', { action: 'raise' })).status).toBe(200);
		const other = await call('participant', 'POST', '/queue', {
			action: 'lower',
			userId: obe.userId
		});
		expect(other.status).toBe(403);
		const own = await call('participant', 'POST', '/queue', {
			action: 'lower',
			userId: pat.userId
		});
		expect(own.status).toBe(200);
		const byCofacilitator = await call('cofacilitator', 'POST', '/queue', {
			action: 'lower',
			userId: obe.userId
		});
		expect(byCofacilitator.status).toBe(200);
	});

	it('answers 404 for a board that does not exist', async () => {
		const response = await api(server, '/api/boards/nosuchboard/agenda', {
			as: fixture.board,
			body: { action: 'next' }
		});
		expect(response.status).toBe(404);
	});
});

describe.each(BACKENDS)('agenda input and the audit log ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer(env);
	});
	afterAll(async () => {
		await server?.close();
	});

	it('answers 400 naming the field for input that cannot be right', async () => {
		const board = await createBoard(server);
		const agenda = (body: unknown) =>
			api(server, `/api/boards/${board.boardId}/agenda`, { as: board, body });
		const cases: Array<[unknown, string]> = [
			[{ action: 'extend', minutes: 0 }, 'minutes'],
			[{ action: 'jump' }, 'action'],
			[{ action: 'edit', stages: [{ title: '', section: null, minutes: 5 }] }, 'stages.0.title'],
			[
				{ action: 'edit', stages: [{ title: 'x', section: 'meta', minutes: 5 }] },
				'stages.0.section'
			],
			[{ action: 'goto', stageId: 'nope' }, 'stageId']
		];
		await agenda({ action: 'start' });
		for (const [body, field] of cases) {
			const response = await agenda(body);
			expect(response.status).toBe(400);
			expect(((await response.json()) as { error: string }).error).toContain(field);
		}
		const meta = await api(server, `/api/boards/${board.boardId}/locks/meta`, {
			method: 'PUT',
			as: board,
			body: { locked: true }
		});
		expect(meta.status).toBe(400);
		expect(((await meta.json()) as { error: string }).error).toContain('section');
	});

	it('answers 409 for moves the meeting does not allow yet', async () => {
		const board = await createBoard(server);
		const next = await api(server, `/api/boards/${board.boardId}/agenda`, {
			as: board,
			body: { action: 'next' }
		});
		expect(next.status).toBe(409);
		expect(((await next.json()) as { error: string }).error).toMatch(/not started/);
	});

	it('records who did what and when, newest first, and moves the board’s status', async () => {
		const board = await createBoard(server);
		const cofa = await joinAsGuest(server, board, 'participant', 'Cora');
		await api(server, `/api/boards/${board.boardId}/members/${cofa.userId}`, {
			method: 'PATCH',
			as: board,
			body: { role: 'cofacilitator' }
		});
		const agenda = (as: Account, body: unknown) =>
			api(server, `/api/boards/${board.boardId}/agenda`, { as, body });
		await agenda(board, { action: 'start' });
		await agenda(board, { action: 'next' });
		await agenda(cofa, { action: 'next' });
		await api(server, `/api/boards/${board.boardId}/locks/timeline`, {
			method: 'PUT',
			as: cofa,
			body: { locked: false }
		});
		// A second identical call changes nothing and records nothing.
		await api(server, `/api/boards/${board.boardId}/locks/timeline`, {
			method: 'PUT',
			as: cofa,
			body: { locked: false }
		});
		const status = await api(server, `/api/boards/${board.boardId}`, { as: board });
		expect(((await status.json()) as { status: string }).status).toBe('live');

		const response = await api(server, `/api/boards/${board.boardId}/audit`, { as: cofa });
		const { entries } = (await response.json()) as {
			entries: Array<{
				action: string;
				actor: { name: string };
				detail: Record<string, unknown>;
				at: string;
			}>;
		};
		expect(entries.map((e) => [e.action, e.actor.name])).toEqual([
			['unlock', 'Cora'],
			['agenda.next', 'Cora'],
			['agenda.next', board.name],
			['agenda.start', board.name]
		]);
		expect(entries[1]?.detail).toMatchObject({ from: 'timeline', to: 'rca', locked: ['timeline'] });
		expect(entries[0]?.detail).toMatchObject({ section: 'timeline', unlocked: ['timeline'] });
		expect(entries[3]?.detail).toMatchObject({ status: 'live' });
		expect(Number.isNaN(Date.parse(entries[0]?.at ?? ''))).toBe(false);
	});
});
