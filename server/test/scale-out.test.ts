import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@debrief/db';
import type { Database } from '@debrief/db';
import { readMeta, writeMeta } from '@debrief/doc';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readEnv } from '../src/env.ts';
import { createLogger } from '../src/log.ts';
import type { Fanout, FanoutMessage } from '../src/rooms/fanout.ts';
import { startServer } from '../src/server.ts';
import type { RunningServer } from '../src/server.ts';
import { startChildServer } from './child-server.ts';
import { connectProvider, createBoard, eventually, synced } from './helpers.ts';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('[debrief] REDIS_URL not set: scale-out tests skipped.');
if (REDIS_URL && !process.env.DATABASE_URL) {
	console.warn('[debrief] DATABASE_URL not set: the instance-crash scale-out test is skipped.');
}

/** A wire between instances that can be cut: while `dropping`, updates are not published. */
function lossy(fanout: Fanout, state: { dropping: boolean }): Fanout {
	return {
		...fanout,
		instanceId: fanout.instanceId,
		publish(key, message: FanoutMessage) {
			if (state.dropping && message.kind === 'update') return;
			fanout.publish(key, message);
		},
		subscribe: (key, handler) => fanout.subscribe(key, handler),
		unsubscribe: (key) => fanout.unsubscribe(key),
		publishControl: (order) => fanout.publishControl(order),
		onControl: (handler) => fanout.onControl(handler),
		close: () => fanout.close()
	};
}

function refusals(provider: WebsocketProvider): string[] {
	const seen: string[] = [];
	provider.messageHandlers[2] = (_encoder, decoder) => {
		decoding.readVarUint(decoder);
		seen.push(decoding.readVarString(decoder));
	};
	return seen;
}

describe.skipIf(!REDIS_URL)('two instances through Redis', () => {
	let database: Database;
	let a: RunningServer;
	let b: RunningServer;
	const wire = { dropping: false };
	beforeAll(async () => {
		database = await openDatabase({ dataDir: 'memory://' });
		const env = readEnv({
			PORT: '0',
			REDIS_URL: REDIS_URL!,
			DEBRIEF_HEAL_MS: '150',
			DEBRIEF_PERSIST_BATCH_MS: '5'
		});
		const log = createLogger('silent');
		a = await startServer(env, log, { database, wrapFanout: (f) => lossy(f, wire) });
		b = await startServer(env, log, { database });
	});
	afterAll(async () => {
		await a?.close();
		await b?.close();
		await database?.close();
	});

	it('brings clients on different instances to the same state', async () => {
		const board = await createBoard(a);
		const onA = connectProvider(a, board.boardId, 'timeline', { token: board.token });
		const onB = connectProvider(b, board.boardId, 'timeline', { token: board.token });
		await Promise.all([synced(onA), synced(onB)]);
		onA.doc.getText('t').insert(0, 'alert fired; ');
		onB.doc.getText('t').insert(0, 'on-call paged; ');
		const same = () => onA.doc.getText('t').toString() === onB.doc.getText('t').toString();
		await eventually(() => same() && onA.doc.getText('t').length === 28, 5000, 'convergence');
		// Presence crosses instances too.
		onA.awareness.setLocalStateField('user', { name: 'Ana' });
		await eventually(
			() => [...onB.awareness.getStates().values()].some((s) => s.user?.name === 'Ana'),
			5000,
			'presence from the other instance'
		);
		onA.destroy();
		onB.destroy();
	});

	it('refuses at instance B a write to a section locked through instance A', async () => {
		const board = await createBoard(a);
		const onB = connectProvider(b, board.boardId, 'timeline', { token: board.token });
		const watcher = connectProvider(a, board.boardId, 'timeline', { token: board.token });
		await Promise.all([synced(onB), synced(watcher)]);
		const refused = refusals(onB);
		const meta = a.deps.rooms.room({ boardId: board.boardId, section: 'meta' });
		await meta.ready;
		meta.applyServerChange((doc) => {
			const state = readMeta(doc);
			const lock = { by: { userId: board.userId, name: 'Ada' }, at: new Date().toISOString() };
			writeMeta(doc, { ...state, locks: { ...state.locks, timeline: lock } });
		});
		const sectionOnB = b.deps.rooms.room({ boardId: board.boardId, section: 'timeline' });
		await eventually(() => sectionOnB.locked, 2000, 'the lock to reach instance B');
		onB.doc.getText('t').insert(0, 'written after the lock');
		await eventually(() => refused.length > 0, 5000, 'a refusal');
		expect(refused[0]).toBe('locked:timeline');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(watcher.doc.getText('t').toString()).toBe('');
		onB.destroy();
		watcher.destroy();
	});

	it('heals a lost message through the periodic exchange, deletions included', async () => {
		const board = await createBoard(a);
		const onA = connectProvider(a, board.boardId, 'timeline', { token: board.token });
		const onB = connectProvider(b, board.boardId, 'timeline', { token: board.token });
		await Promise.all([synced(onA), synced(onB)]);
		onA.doc.getText('t').insert(0, 'before the cut');
		await eventually(() => onB.doc.getText('t').toString() === 'before the cut');
		wire.dropping = true;
		onA.doc.getText('t').insert(0, 'lost? ');
		onA.doc.getText('t').delete(6, 7); // "before " goes
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(onB.doc.getText('t').toString()).toBe('before the cut');
		wire.dropping = false;
		await eventually(() => onB.doc.getText('t').toString() === 'lost? the cut', 5000, 'healing');
		onA.destroy();
		onB.destroy();
	});
});

describe.skipIf(!REDIS_URL || !process.env.DATABASE_URL)('an instance killed mid-edit', () => {
	it('loses nothing once its clients reconnect to the other instance', async () => {
		const env = {
			DATABASE_URL: process.env.DATABASE_URL!,
			REDIS_URL: REDIS_URL!,
			LOG_LEVEL: 'warn'
		};
		const [first, second] = await Promise.all([startChildServer(env), startChildServer(env)]);
		try {
			const board = await createBoard(first.url);
			const doc = new Y.Doc();
			const writer = connectProvider(first.url, board.boardId, 'timeline', {
				doc,
				token: board.token
			});
			const reader = connectProvider(second.url, board.boardId, 'timeline', { token: board.token });
			await Promise.all([synced(writer), synced(reader)]);
			const entries = doc.getMap<number>('entries');
			for (let i = 0; i < 200; i++) entries.set(`e${i}`, i);
			first.process.kill('SIGKILL');
			await first.exited;
			writer.destroy();
			// The client still holds its edits and re-sends them to the instance that is left.
			const again = connectProvider(second.url, board.boardId, 'timeline', {
				doc,
				token: board.token
			});
			await synced(again);
			await eventually(() => reader.doc.getMap('entries').size === 200, 10_000, 'all 200 entries');
			again.destroy();
			reader.destroy();
			// And they are stored: a fresh client after the room unloads and reloads sees them all.
			const fresh = connectProvider(second.url, board.boardId, 'timeline', { token: board.token });
			await synced(fresh);
			await eventually(() => fresh.doc.getMap('entries').size === 200, 10_000, 'stored entries');
			fresh.destroy();
		} finally {
			first.process.kill('SIGKILL');
			second.process.kill('SIGTERM');
			await second.exited;
		}
	});
});
