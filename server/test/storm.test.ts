import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withJitteredReconnect } from '@debrief/sync';
import type { WebsocketProvider } from 'y-websocket';
import { freePort, startChildServer } from './child-server.ts';
import type { ChildServer } from './child-server.ts';
import { connectProvider, createBoard, eventually, synced } from './helpers.ts';

process.setMaxListeners(0);
// 50 here keeps `pnpm test` short on 2 cores; `pnpm bench` (reliability/storm.ts) runs 200.
const COUNT = Number(process.env.STORM_CLIENTS ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'debrief-storm-'));
const children: ChildServer[] = [];
afterAll(() => {
	for (const child of children) child.process.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
});

describe('a reconnect storm', () => {
	it('clients come back after a restart, spread out by jitter, and all sync', async () => {
		const port = await freePort();
		const env = { DEBRIEF_DATA_DIR: dir };
		const first = await startChildServer(env, port);
		children.push(first);
		const board = await createBoard(first.url);
		const clients: WebsocketProvider[] = [];
		for (let i = 0; i < COUNT; i++) {
			const p = withJitteredReconnect(
				connectProvider(first.url, board.boardId, 'timeline', { token: board.token })
			);
			clients.push(p);
		}
		await Promise.all(clients.map((p) => synced(p, 30_000)));
		clients[0]!.doc.getMap('entries').set('before', 1);
		await eventually(() => clients.every((p) => p.doc.getMap('entries').has('before')), 15_000);

		first.process.kill('SIGTERM');
		await first.exited;
		const second = await startChildServer(env, port);
		children.push(second);
		const back: number[] = [];
		const restartedAt = Date.now();
		for (const p of clients) {
			p.once('sync', (isSynced: boolean) => {
				if (isSynced) back.push(Date.now() - restartedAt);
			});
		}
		await eventually(() => clients.every((p) => p.synced), 30_000, 'every client to sync again');
		// Jitter: they did not all come back in the same instant.
		back.sort((a, b) => a - b);
		expect(back[back.length - 1]! - back[0]!).toBeGreaterThan(500);
		clients[COUNT - 1]!.doc.getMap('entries').set('after', 2);
		await eventually(
			() => clients.every((p) => p.doc.getMap('entries').get('after') === 2),
			15_000
		);
		for (const p of clients) p.destroy();
		second.process.kill('SIGTERM');
		await second.exited;
	}, 120_000);
});
