import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docStates, docUpdates } from '@debrief/db';
import { and, eq } from 'drizzle-orm';
import type { RunningServer } from '../src/server.ts';
import {
	BACKENDS,
	connectProvider,
	createBoard,
	eventually,
	startTestServer,
	synced
} from './helpers.ts';

describe.each(BACKENDS)('room lifecycle ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer({
			...env,
			DEBRIEF_ROOM_IDLE_MS: '100',
			DEBRIEF_COMPACT_AFTER: '20'
		});
	});
	afterAll(async () => {
		await server?.close();
	});

	const rowsOf = async (boardId: string) => {
		const { db } = server.deps.database;
		const where = and(eq(docUpdates.boardId, boardId), eq(docUpdates.section, 'timeline'));
		const log = await db.select({ id: docUpdates.id }).from(docUpdates).where(where);
		const state = await db
			.select({ state: docStates.state })
			.from(docStates)
			.where(and(eq(docStates.boardId, boardId), eq(docStates.section, 'timeline')));
		return { log: log.length, state: state.length };
	};

	/** Waits until the server's room holds `count` entries and has stored all of them. */
	const stored = async (boardId: string, count: number) => {
		const room = server.deps.rooms.room({ boardId, section: 'timeline' });
		await eventually(() => room.doc.getMap('entries').size === count, 5000, 'updates to arrive');
		await eventually(() => server.deps.rooms.pending === 0, 5000, 'updates to be stored');
	};

	it('unloads an idle room after storing and compacting it, and loads it again on demand', async () => {
		const { boardId, token } = await createBoard(server);
		const a = connectProvider(server, boardId, 'timeline', { token });
		await synced(a);
		for (let i = 0; i < 5; i++) a.doc.getMap('entries').set(`e${i}`, i);
		await stored(boardId, 5);
		expect((await rowsOf(boardId)).log).toBeGreaterThan(0);
		a.destroy();
		await eventually(
			() => !server.deps.rooms.has({ boardId, section: 'timeline' }),
			5000,
			'unload'
		);
		// The room leaves memory when its unload starts; the compaction commits a moment later.
		let after = await rowsOf(boardId);
		for (let i = 0; i < 400 && after.log > 0; i++) {
			await new Promise((resolve) => setTimeout(resolve, 50));
			after = await rowsOf(boardId);
		}
		expect(after).toEqual({ log: 0, state: 1 });

		const b = connectProvider(server, boardId, 'timeline', { token });
		await synced(b);
		await eventually(() => b.doc.getMap('entries').size === 5, 5000, 'reloaded content');
		b.destroy();
	});

	it('compacts the log once it grows past the threshold, losing nothing', async () => {
		const { boardId, token } = await createBoard(server);
		const a = connectProvider(server, boardId, 'timeline', { token });
		await synced(a);
		for (let i = 0; i < 60; i++) {
			a.doc.getMap('entries').set(`e${i}`, i);
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
		await stored(boardId, 60);
		// Compaction runs off the hot path, after the write that crossed the threshold.
		let rows = await rowsOf(boardId);
		for (let i = 0; i < 100 && rows.state === 0; i++) {
			await new Promise((resolve) => setTimeout(resolve, 50));
			rows = await rowsOf(boardId);
		}
		expect(rows.state).toBe(1);
		expect(rows.log).toBeLessThan(60);
		a.destroy();
		await eventually(
			() => !server.deps.rooms.has({ boardId, section: 'timeline' }),
			5000,
			'unload'
		);
		const b = connectProvider(server, boardId, 'timeline', { token });
		await synced(b);
		await eventually(() => b.doc.getMap('entries').size === 60, 5000, 'all 60 entries');
		b.destroy();
	});
});
