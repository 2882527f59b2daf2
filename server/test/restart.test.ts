import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@debrief/db';
import { CloseCode } from '@debrief/sync';
import * as Y from 'yjs';
import { createDocStorage } from '../src/store/index.ts';
import { freePort, startChildServer } from './child-server.ts';
import type { ChildServer } from './child-server.ts';
import { connectProvider, createBoard, eventually, synced } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'debrief-restart-'));
const children: ChildServer[] = [];
afterAll(() => {
	for (const child of children) child.process.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
});

describe('graceful restart', () => {
	it('SIGTERM stores every batch, closes sockets with 1012, and clients carry on by themselves', async () => {
		const port = await freePort();
		const env = { DEBRIEF_DATA_DIR: dir, DEBRIEF_PERSIST_BATCH_MS: '2000' };
		const first = await startChildServer(env, port);
		children.push(first);
		const board = await createBoard(first.url);
		const writer = connectProvider(first.url, board.boardId, 'timeline', { token: board.token });
		await synced(writer);
		const closes: number[] = [];
		writer.on('connection-close', (event) => {
			if (event) closes.push(event.code);
		});
		// A long batch window: these are only in memory when the signal comes.
		for (let i = 0; i < 30; i++) writer.doc.getMap('entries').set(`e${i}`, i);
		await new Promise((resolve) => setTimeout(resolve, 200));
		first.process.kill('SIGTERM');
		expect(await first.exited).toBe(0);
		await eventually(() => closes.includes(CloseCode.ServiceRestart), 5000, 'a 1012 close');

		// Before anyone can re-send anything: the database already holds all 30.
		const database = await openDatabase({ dataDir: dir });
		const stored = await createDocStorage(database).load({
			boardId: board.boardId,
			section: 'timeline'
		});
		await database.close();
		const rebuilt = new Y.Doc();
		for (const update of [stored.state, ...stored.updates])
			if (update) Y.applyUpdate(rebuilt, update);
		expect(rebuilt.getMap('entries').size).toBe(30);

		const second = await startChildServer(env, port);
		children.push(second);
		// The same provider reconnects on its own and keeps editing.
		await eventually(() => writer.wsconnected && writer.synced, 15_000, 'the reconnect');
		writer.doc.getMap('entries').set('after', 1);
		const reader = connectProvider(second.url, board.boardId, 'timeline', { token: board.token });
		await synced(reader);
		await eventually(() => reader.doc.getMap('entries').size === 31, 10_000, 'all 31 entries');
		writer.destroy();
		reader.destroy();
		second.process.kill('SIGTERM');
		await second.exited;
	});
});
