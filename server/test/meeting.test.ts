import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusalReason, formatRefusal } from '@debrief/sync';
import { readMeta } from '@debrief/doc';
import type { RunningServer } from '../src/server.ts';
import {
	BACKENDS,
	api,
	createBoard,
	eventually,
	joinAsGuest,
	startTestServer,
	syncUrl
} from './helpers.ts';
import type { Account, TestBoard } from './helpers.ts';
import { RawClient, storedDoc } from './meeting-client.ts';

describe.each(BACKENDS)('locks and roles enforced by the server ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer(env);
	});
	afterAll(async () => {
		await server?.close();
	});

	const lock = (board: TestBoard, section: string, locked: boolean, as: Account = board) =>
		api(server, `/api/boards/${board.boardId}/locks/${section}`, {
			method: 'PUT',
			as,
			body: { locked }
		});
	const connect = (board: TestBoard, section: string, as: Account) =>
		RawClient.connect(syncUrl(server, board.boardId, section, as.token));
	const db = () => server.deps.database.db;

	/** A short wait that lets any wrongly accepted update travel and be stored. */
	const settle = async () => {
		await new Promise((resolve) => setTimeout(resolve, 150));
		await server.deps.rooms.flushAll();
	};

	it('refuses an observer’s update: not applied, not broadcast, not stored', async () => {
		const board = await createBoard(server);
		const observer = await joinAsGuest(server, board, 'observer', 'Obe');
		const witness = await connect(board, 'timeline', board);
		const writer = await connect(board, 'timeline', observer);

		writer.write((doc) => doc.getText('notes').insert(0, 'observer was here'));
		await eventually(() => writer.refusals.length > 0, 5000, 'the refusal');
		expect(writer.refusals[0]).toBe(formatRefusal(RefusalReason.ReadOnly, 'timeline'));
		await settle();

		expect(witness.receivedFrom(writer.doc.clientID)).toBe(false);
		const stored = await storedDoc(db(), board.boardId, 'timeline');
		expect(stored.getText('notes').toString()).toBe('');
		const room = server.deps.rooms.room({ boardId: board.boardId, section: 'timeline' });
		expect(room.doc.getText('notes').toString()).toBe('');
		witness.close();
		writer.close();
	});

	it('refuses a participant’s and the facilitator’s update to a locked section; after unlock the same client reloads, writes and converges', async () => {
		const board = await createBoard(server);
		const participant = await joinAsGuest(server, board, 'participant', 'Pat');
		const witness = await connect(board, 'timeline', participant);
		const writer = await connect(board, 'timeline', participant);
		const facilitator = await connect(board, 'timeline', board);
		writer.write((doc) => doc.getText('notes').insert(0, 'before the lock. '));
		await eventually(() => witness.doc.getText('notes').length > 0, 5000, 'a normal write');

		const receivedAtLock = witness.received.length;
		expect((await lock(board, 'timeline', true)).status).toBe(200);
		writer.write((doc) => doc.getText('notes').insert(0, 'after the lock. '));
		facilitator.write((doc) => doc.getText('notes').insert(0, 'facilitator too. '));
		await eventually(
			() => writer.refusals.length > 0 && facilitator.refusals.length > 0,
			5000,
			'both refusals'
		);
		expect(writer.refusals[0]).toBe(formatRefusal(RefusalReason.Locked, 'timeline'));
		expect(facilitator.refusals[0]).toBe('locked:timeline');
		await settle();
		expect(witness.doc.getText('notes').toString()).toBe('before the lock. ');
		// Nothing reached the other client after the lock: not the participant's, not the facilitator's.
		expect(witness.received.length).toBe(receivedAtLock);
		expect(witness.receivedFrom(facilitator.doc.clientID)).toBe(false);
		const stored = await storedDoc(db(), board.boardId, 'timeline');
		expect(stored.getText('notes').toString()).toBe('before the lock. ');

		expect((await lock(board, 'timeline', false)).status).toBe(200);
		await writer.reload();
		expect(writer.doc.getText('notes').toString()).toBe('before the lock. ');
		writer.write((doc) => doc.getText('notes').insert(0, 'after unlock. '));
		const expected = 'after unlock. before the lock. ';
		await eventually(() => witness.doc.getText('notes').toString() === expected, 5000, 'converge');
		const room = server.deps.rooms.room({ boardId: board.boardId, section: 'timeline' });
		expect(room.doc.getText('notes').toString()).toBe(expected);
		await server.deps.rooms.flushAll();
		expect((await storedDoc(db(), board.boardId, 'timeline')).getText('notes').toString()).toBe(
			expected
		);
		for (const c of [witness, writer, facilitator]) c.close();
	});

	it('starts a section loaded after the lock locked, before it processes any message', async () => {
		const board = await createBoard(server);
		expect((await lock(board, 'rca', true)).status).toBe(200);
		const key = { boardId: board.boardId, section: 'rca' };
		expect(server.deps.rooms.has(key)).toBe(false);
		const writer = await connect(board, 'rca', board);
		writer.write((doc) => doc.getMap('nodes').set('n1', 'why?'));
		await eventually(() => writer.refusals.length > 0, 5000, 'the refusal');
		expect(writer.refusals[0]).toBe('locked:rca');
		await settle();
		expect((await storedDoc(db(), board.boardId, 'rca')).getMap('nodes').size).toBe(0);
		writer.close();
	});

	it('disconnects a client that keeps sending refused writes', async () => {
		const board = await createBoard(server);
		expect((await lock(board, 'actions', true)).status).toBe(200);
		const writer = await connect(board, 'actions', board);
		for (let i = 0; i < 30 && !writer.closed; i++) {
			writer.write((doc) => doc.getText('t').insert(0, 'x'));
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		await eventually(() => writer.closed !== null, 5000, 'the close');
		expect(writer.closed?.code).toBe(4423);
	});

	it('changes every connected client’s meta in one message per change', async () => {
		const board = await createBoard(server);
		const participant = await joinAsGuest(server, board, 'participant', 'Pat');
		const meta = await connect(board, 'meta', participant);
		const agenda = (body: unknown) =>
			api(server, `/api/boards/${board.boardId}/agenda`, { as: board, body });
		expect((await agenda({ action: 'start' })).status).toBe(200);
		await eventually(() => readMeta(meta.doc).status === 'live', 5000, 'start');
		const before = meta.received.length;
		expect((await agenda({ action: 'next' })).status).toBe(200);
		await eventually(() => readMeta(meta.doc).current === 'timeline', 5000, 'next');
		expect(meta.received.length - before).toBe(1);

		const second = meta.received.length;
		expect((await agenda({ action: 'next' })).status).toBe(200);
		await eventually(() => readMeta(meta.doc).locks.timeline !== undefined, 5000, 'the lock');
		expect(meta.received.length - second).toBe(1);
		const state = readMeta(meta.doc);
		expect(state.current).toBe('rca');
		expect(state.locks.timeline?.by).toEqual({ userId: board.userId, name: board.name });
		meta.close();
	});

	it('keeps the speaking queue across a reload, in the order hands went up', async () => {
		const board = await createBoard(server);
		const [pat, obe] = await Promise.all([
			joinAsGuest(server, board, 'participant', 'Pat'),
			joinAsGuest(server, board, 'observer', 'Obe')
		]);
		const queue = (as: Account, body: unknown) =>
			api(server, `/api/boards/${board.boardId}/queue`, { as, body });
		expect((await queue(pat, { action: 'raise' })).status).toBe(200);
		expect((await queue(obe, { action: 'raise' })).status).toBe(200);
		const first = await connect(board, 'meta', board);
		expect(readMeta(first.doc).queue.map((h) => h.name)).toEqual(['Pat', 'Obe']);
		first.close();
		const next = await queue(board, { action: 'next' });
		expect(
			((await next.json()) as { meta: { speaking: { name: string } } }).meta.speaking.name
		).toBe('Pat');
		const again = await connect(board, 'meta', pat);
		expect(readMeta(again.doc).queue.map((h) => h.name)).toEqual(['Obe']);
		again.close();
	});

	it('closes with every section locked and the board closed; reopening unlocks', async () => {
		const board = await createBoard(server);
		const writer = await connect(board, 'overview', board);
		const closed = await api(server, `/api/boards/${board.boardId}/close`, { as: board, body: {} });
		expect(closed.status).toBe(200);
		expect(((await closed.json()) as { revision: number }).revision).toBe(1);
		writer.write((doc) => doc.getText('summary').insert(0, 'too late'));
		await eventually(() => writer.refusals.length > 0, 5000, 'the refusal');
		const boardRow = await api(server, `/api/boards/${board.boardId}`, { as: board });
		expect(((await boardRow.json()) as { status: string }).status).toBe('closed');

		const reopened = await api(server, `/api/boards/${board.boardId}/reopen`, {
			as: board,
			body: {}
		});
		expect(reopened.status).toBe(200);
		await writer.reload();
		writer.write((doc) => doc.getText('summary').insert(0, 'fixed a typo'));
		const room = server.deps.rooms.room({ boardId: board.boardId, section: 'overview' });
		await eventually(
			() => room.doc.getText('summary').toString() === 'fixed a typo',
			5000,
			'write'
		);
		const after = await api(server, `/api/boards/${board.boardId}`, { as: board });
		expect(((await after.json()) as { status: string }).status).toBe('live');
		writer.close();
	});
});
