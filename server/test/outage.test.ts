import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@debrief/sync';
import * as Y from 'yjs';
import type { RunningServer } from '../src/server.ts';
import { connectProvider, createBoard, eventually, startTestServer, synced } from './helpers.ts';
import { TcpProxy } from './tcp-proxy.ts';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) console.warn('[debrief] DATABASE_URL not set: database outage tests skipped.');

async function status(server: RunningServer, path: string): Promise<number> {
	return (await fetch(`${server.url}${path}`)).status;
}

describe.skipIf(!DATABASE_URL)('a database outage', () => {
	let proxy: TcpProxy;
	let server: RunningServer;
	beforeAll(async () => {
		const target = new URL(DATABASE_URL!);
		proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).listen();
		const viaProxy = new URL(DATABASE_URL!);
		viaProxy.host = `127.0.0.1:${proxy.port}`;
		server = await startTestServer({
			DATABASE_URL: viaProxy.toString(),
			DEBRIEF_MAX_PENDING_UPDATES: '60',
			DEBRIEF_UNHEALTHY_LAG_MS: '300'
		});
	});
	afterAll(async () => {
		proxy?.restore();
		await server?.close();
		await proxy?.close();
	});

	it('keeps serving from memory, reports not ready, and stores everything once the database is back', async () => {
		const board = await createBoard(server);
		const a = connectProvider(server, board.boardId, 'timeline', { token: board.token });
		const b = connectProvider(server, board.boardId, 'timeline', { token: board.token });
		await Promise.all([synced(a), synced(b)]);
		a.doc.getMap('entries').set('before', 1);
		await eventually(
			() => server.deps.rooms.pending === 0 && b.doc.getMap('entries').has('before')
		);

		proxy.cut();
		for (let i = 0; i < 20; i++) a.doc.getMap('entries').set(`during-${i}`, i);
		// The room goes on: the other person sees the edits at once.
		await eventually(
			() => b.doc.getMap('entries').size === 21,
			5000,
			'live edits during the outage'
		);
		await eventually(() => server.deps.rooms.pending > 0, 5000, 'a queue');
		await eventually(() => !server.deps.rooms.persistenceHealthy, 10_000, 'storage to fall behind');
		expect(await status(server, '/readyz')).toBe(503);
		const metrics = await (await fetch(`${server.url}/metrics`)).text();
		expect(metrics).toMatch(/debrief_persist_queue_depth [1-9]/);
		expect(metrics).toMatch(/debrief_persist_lag_ms [1-9]/);

		proxy.restore();
		await eventually(() => server.deps.rooms.pending === 0, 20_000, 'the queue to drain');
		await eventually(() => server.deps.rooms.persistenceHealthy, 5000, 'healthy storage');
		expect(await status(server, '/readyz')).toBe(200);
		a.destroy();
		b.destroy();
		// Stored: what the database holds now rebuilds the whole document.
		const stored = await server.deps.storage.load({ boardId: board.boardId, section: 'timeline' });
		const rebuilt = new Y.Doc();
		for (const update of [stored.state, ...stored.updates])
			if (update) Y.applyUpdate(rebuilt, update);
		expect(rebuilt.getMap('entries').size).toBe(21);
	});

	it('past its queue bound, turns writers away with a try-again code and loses nothing acknowledged', async () => {
		const board = await createBoard(server);
		const writer = connectProvider(server, board.boardId, 'timeline', { token: board.token });
		await synced(writer);
		const closes: number[] = [];
		writer.on('connection-close', (event) => {
			if (event) closes.push(event.code);
		});
		proxy.cut();
		const entries = writer.doc.getMap<number>('entries');
		for (let i = 0; i < 100; i++) entries.set(`e${i}`, i);
		await eventually(
			() => closes.includes(CloseCode.RoomUnavailable),
			10_000,
			'the writer turned away'
		);
		expect(server.deps.rooms.pending).toBeLessThanOrEqual(61);
		proxy.restore();
		// The client kept its edits and re-sends them when it reconnects; all 100 arrive.
		const room = server.deps.rooms.room({ boardId: board.boardId, section: 'timeline' });
		await eventually(() => room.doc.getMap('entries').size === 100, 30_000, 'all 100 entries');
		await eventually(() => server.deps.rooms.pending === 0, 20_000, 'the queue to drain');
		writer.destroy();
	});
});
