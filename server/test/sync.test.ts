import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, encodeMessage } from '@debrief/sync';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { RunningServer } from '../src/server.ts';
import {
	BACKENDS,
	closeCode,
	connectProvider,
	createBoard,
	eventually,
	openRawSocket,
	synced,
	syncUrl
} from './helpers.ts';
import { startTestServer } from './helpers.ts';

describe.each(BACKENDS)('sync through the server ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer({ ...env, DEBRIEF_MAX_MESSAGE_BYTES: '65536' });
	});
	afterAll(async () => {
		await server?.close();
	});

	it('brings two stock clients to the same state; a late joiner receives all of it', async () => {
		const { boardId, token } = await createBoard(server);
		const a = connectProvider(server, boardId, 'timeline', { token });
		const b = connectProvider(server, boardId, 'timeline', { token });
		await Promise.all([synced(a), synced(b)]);
		a.doc.getText('notes').insert(0, 'alert fired. ');
		b.doc.getText('notes').insert(0, 'paged on-call. ');
		a.doc.getMap('entries').set('e1', 'from a');
		const same = () => a.doc.getText('notes').toString() === b.doc.getText('notes').toString();
		await eventually(
			() => same() && b.doc.getMap('entries').get('e1') === 'from a',
			10_000,
			'convergence'
		);
		expect(a.doc.getText('notes').toString()).toHaveLength('alert fired. paged on-call. '.length);

		const late = connectProvider(server, boardId, 'timeline', { token });
		await synced(late);
		await eventually(
			() => late.doc.getText('notes').toString() === a.doc.getText('notes').toString()
		);
		expect(late.doc.getMap('entries').get('e1')).toBe('from a');
		for (const p of [a, b, late]) p.destroy();
	});

	it('keeps sections apart: a board is one document per section', async () => {
		const { boardId, token } = await createBoard(server);
		const timeline = connectProvider(server, boardId, 'timeline', { token });
		const rca = connectProvider(server, boardId, 'rca', { token });
		await Promise.all([synced(timeline), synced(rca)]);
		timeline.doc.getText('t').insert(0, 'only in timeline');
		const probe = connectProvider(server, boardId, 'timeline', { token });
		await synced(probe);
		await eventually(() => probe.doc.getText('t').length > 0);
		expect(rca.doc.getText('t').toString()).toBe('');
		for (const p of [timeline, rca, probe]) p.destroy();
	});

	it('closes only the socket that sends random bytes, a truncated message or an unknown type', async () => {
		const { boardId, token } = await createBoard(server);
		const good = connectProvider(server, boardId, 'timeline', { token });
		await synced(good);
		const url = syncUrl(server, boardId, 'timeline', token);
		const source = new Y.Doc();
		source.getText('t').insert(0, 'a long enough piece of text to truncate');
		const update = encodeMessage({ type: 'update', update: Y.encodeStateAsUpdate(source) });
		const frames = [
			new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x13, 0x37, 0x99, 0x42]),
			update.slice(0, update.length - 5),
			new Uint8Array([42, 1, 2, 3])
		];
		for (const frame of frames) {
			const bad = await openRawSocket(url);
			const closed = closeCode(bad);
			bad.send(frame);
			expect((await closed).code).toBe(CloseCode.BadMessage);
		}
		good.doc.getText('t').insert(0, 'still editing');
		const other = connectProvider(server, boardId, 'timeline', { token });
		await synced(other);
		await eventually(() => other.doc.getText('t').toString() === 'still editing');
		expect(good.wsconnected).toBe(true);
		good.destroy();
		other.destroy();
	});

	it('refuses a frame over the size limit with 1009', async () => {
		const { boardId, token } = await createBoard(server);
		const ws = await openRawSocket(syncUrl(server, boardId, 'timeline', token));
		const closed = closeCode(ws);
		ws.send(new Uint8Array(70_000));
		expect((await closed).code).toBe(1009);
	});

	it('closes sockets to an unknown board or section with 4404', async () => {
		const { boardId, token } = await createBoard(server);
		const unknown = await openRawSocket(syncUrl(server, 'nosuchboard', 'timeline', token));
		expect((await closeCode(unknown)).code).toBe(CloseCode.NotFound);
		const badSection = await openRawSocket(syncUrl(server, boardId, 'nope', token));
		expect((await closeCode(badSection)).code).toBe(CloseCode.NotFound);
	});

	it('refuses a cross-origin upgrade before any socket exists', async () => {
		const { boardId, token } = await createBoard(server);
		await expect(
			openRawSocket(syncUrl(server, boardId, 'timeline', token), {
				origin: 'http://evil.example'
			})
		).rejects.toThrow('HTTP 403');
	});

	it('does not let clients write the meta document', async () => {
		const { boardId, token } = await createBoard(server);
		const meta = connectProvider(server, boardId, 'meta', { token });
		await synced(meta);
		const denied = new Promise<string>((resolve) => {
			meta.messageHandlers[2] = (_encoder, decoder) => {
				decoding.readVarUint(decoder); // 0: permission denied
				resolve(decoding.readVarString(decoder));
			};
		});
		meta.doc.getMap('meta').set('status', 'closed');
		expect(await denied).toContain('read-only:meta');
		meta.destroy();
	});
});
