import { CloseCode } from '@debrief/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.ts';
import {
	BACKENDS,
	api,
	closeCode,
	connectProvider,
	createBoard,
	joinAsGuest,
	startTestServer,
	synced,
	syncUrl
} from './helpers.ts';
import type { Account, TestBoard } from './helpers.ts';
import { nextRefusal, openJoinedSocket } from './roles.ts';

type Member = { userId: string; role: string; email: string | null; name: string };

describe.each(BACKENDS)('members and roles ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer(env);
	});
	afterAll(async () => {
		await server?.close();
	});
	const path = (board: TestBoard, userId = '') =>
		`/api/boards/${board.boardId}/members${userId ? `/${userId}` : ''}`;
	const setRole = (board: TestBoard, as: Account, userId: string, role: string) =>
		api(server, path(board, userId), { method: 'PATCH', as, body: { role } });
	const remove = (board: TestBoard, as: Account, userId: string) =>
		api(server, path(board, userId), { method: 'DELETE', as });
	const rolesOf = async (board: TestBoard) => {
		const response = await api(server, path(board), { as: board });
		const { members } = (await response.json()) as { members: Member[] };
		return Object.fromEntries(members.map((m) => [m.userId, m.role]));
	};

	it('shows members to every member, emails only to those who manage them', async () => {
		const board = await createBoard(server);
		const pat = await joinAsGuest(server, board, 'participant', 'Pat');
		const asFacilitator = await api(server, path(board), { as: board });
		const asParticipant = await api(server, path(board), { as: pat });
		const seen = async (r: Response) => ((await r.json()) as { members: Member[] }).members;
		expect(await seen(asFacilitator)).toMatchObject([
			{ userId: board.userId, role: 'facilitator', email: board.email },
			{ userId: pat.userId, role: 'participant', name: 'Pat', isGuest: true }
		]);
		expect((await seen(asParticipant)).map((m) => m.email)).toEqual([null, null]);
	});

	it('hands off: the new facilitator in, the giver cofacilitator, both sockets closed with 4409', async () => {
		const board = await createBoard(server);
		const pat = await joinAsGuest(server, board, 'participant', 'Pat');
		const giver = await openJoinedSocket(syncUrl(server, board.boardId, 'timeline', board.token));
		const taker = await openJoinedSocket(syncUrl(server, board.boardId, 'timeline', pat.token));
		const closed = [closeCode(giver), closeCode(taker)];
		const response = await setRole(board, board, pat.userId, 'facilitator');
		expect(response.status).toBe(200);
		expect((await Promise.all(closed)).map((c) => c.code)).toEqual([
			CloseCode.RoleChanged,
			CloseCode.RoleChanged
		]);
		expect(await rolesOf(board)).toEqual({
			[board.userId]: 'cofacilitator',
			[pat.userId]: 'facilitator'
		});
		// The old facilitator can no longer take it back; the new one can hand it back.
		expect((await setRole(board, board, pat.userId, 'participant')).status).toBe(403);
		expect((await setRole(board, pat, board.userId, 'facilitator')).status).toBe(200);
	});

	it('never lets anyone demote or remove the facilitator, themselves included', async () => {
		const board = await createBoard(server);
		const cofa = await joinAsGuest(server, board, 'participant', 'Cofa');
		await setRole(board, board, cofa.userId, 'cofacilitator');
		expect((await setRole(board, cofa, board.userId, 'participant')).status).toBe(403);
		expect((await setRole(board, cofa, cofa.userId, 'facilitator')).status).toBe(403);
		expect((await setRole(board, board, board.userId, 'cofacilitator')).status).toBe(403);
		expect((await remove(board, cofa, board.userId)).status).toBe(403);
		expect((await remove(board, board, board.userId)).status).toBe(403);
		const roles = await rolesOf(board);
		expect(Object.values(roles).filter((role) => role === 'facilitator')).toHaveLength(1);
		expect(roles[board.userId]).toBe('facilitator');
	});

	it('lets a member leave, and answers 404 for someone who is not a member', async () => {
		const board = await createBoard(server);
		const pat = await joinAsGuest(server, board, 'participant', 'Pat');
		expect((await remove(board, pat, pat.userId)).status).toBe(204);
		expect((await setRole(board, board, pat.userId, 'observer')).status).toBe(404);
		expect((await remove(board, board, pat.userId)).status).toBe(404);
		const invalid = await setRole(board, board, pat.userId, 'boss');
		expect(invalid.status).toBe(400);
		expect(((await invalid.json()) as { error: string }).error).toMatch(/^role:/);
	});

	it('closes a removed member’s open socket at once with 4403, and refuses them after', async () => {
		const board = await createBoard(server);
		const pat = await joinAsGuest(server, board, 'participant', 'Pat');
		const ws = await openJoinedSocket(syncUrl(server, board.boardId, 'timeline', pat.token));
		const closed = closeCode(ws);
		expect((await remove(board, board, pat.userId)).status).toBe(204);
		expect((await closed).code).toBe(CloseCode.Forbidden);
		await expect(
			openJoinedSocket(syncUrl(server, board.boardId, 'timeline', pat.token))
		).rejects.toThrow(`closed with ${CloseCode.Forbidden}`);
	});

	it('closes a demoted participant’s socket with 4409; after reconnecting, writes are refused', async () => {
		const board = await createBoard(server);
		const pat = await joinAsGuest(server, board, 'participant', 'Pat');
		const ws = await openJoinedSocket(syncUrl(server, board.boardId, 'timeline', pat.token));
		const closed = closeCode(ws);
		expect((await setRole(board, board, pat.userId, 'observer')).status).toBe(200);
		expect((await closed).code).toBe(CloseCode.RoleChanged);

		const again = connectProvider(server, board.boardId, 'timeline', { token: pat.token });
		await synced(again);
		const refusal = nextRefusal(again);
		again.doc.getMap('entries').set('after-demotion', 'should not land');
		expect(await refusal).toBe('read-only:timeline');
		const room = server.deps.rooms.room({ boardId: board.boardId, section: 'timeline' });
		expect(room.doc.getMap('entries').has('after-demotion')).toBe(false);
		again.destroy();
	});

	it('closes an observer’s socket with 4409 when an invite raises them to participant', async () => {
		const board = await createBoard(server);
		const obe = await joinAsGuest(server, board, 'observer', 'Obe');
		const ws = await openJoinedSocket(syncUrl(server, board.boardId, 'timeline', obe.token));
		const closed = closeCode(ws);
		const made = await api(server, `/api/boards/${board.boardId}/invites`, {
			as: board,
			body: { role: 'participant' }
		});
		const { token } = (await made.json()) as { token: string };
		await api(server, `/api/invites/${token}/accept`, { as: obe, body: {} });
		expect((await closed).code).toBe(CloseCode.RoleChanged);
	});
});
