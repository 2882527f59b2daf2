import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
import { RawClient, storedDoc } from './meeting-client.ts';

const WRITERS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BACKENDS)('a lock racing 20 writers ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer(env);
	});
	afterAll(async () => {
		await server?.close();
	});

	it('accepts no update for the section once the lock call has returned', async () => {
		const board = await createBoard(server);
		const participant = await joinAsGuest(server, board, 'participant', 'Pat');
		const url = syncUrl(server, board.boardId, 'timeline', participant.token);
		const clients = await Promise.all(
			Array.from({ length: WRITERS }, () => RawClient.connect(url))
		);
		const room = server.deps.rooms.room({ boardId: board.boardId, section: 'timeline' });
		const meta = server.deps.rooms.room({ boardId: board.boardId, section: 'meta' });
		await meta.ready;

		// One ordered record of what the server accepted: timeline writes and the lock (meta).
		const events: Array<'write' | 'lock'> = [];
		room.doc.on('update', () => events.push('write'));
		meta.doc.on('update', () => events.push('lock'));

		let writing = true;
		const loops = clients.map(async (client, i) => {
			for (let n = 0; writing && !client.closed; n++) {
				client.write((doc) => doc.getArray<string>('lines').push([`${i}:${n}`]));
				await sleep(2);
			}
		});
		await eventually(() => events.length > 100, 10_000, 'writes to flow');

		const response = await api(server, `/api/boards/${board.boardId}/locks/timeline`, {
			method: 'PUT',
			as: board,
			body: { locked: true }
		});
		expect(response.status).toBe(200);
		const atReturn = Y.encodeStateVector(room.doc);
		expect(events).toContain('lock');

		// Writers keep going; what was in flight arrives now, and all of it must be refused.
		await sleep(500);
		writing = false;
		await Promise.all(loops);

		const afterLock = events.slice(events.indexOf('lock') + 1);
		expect(afterLock.filter((e) => e === 'write')).toEqual([]);
		expect(Y.encodeStateVector(room.doc)).toEqual(atReturn);
		expect(clients.filter((c) => c.refusals.length > 0).length).toBe(WRITERS);
		expect(events.filter((e) => e === 'write').length).toBeGreaterThan(100);

		await server.deps.rooms.flushAll();
		const stored = await storedDoc(server.deps.database.db, board.boardId, 'timeline');
		expect(Y.encodeStateVector(stored)).toEqual(atReturn);
		expect(stored.getArray('lines').length).toBe(room.doc.getArray('lines').length);
		for (const c of clients) c.close();
	});
});
