import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from './close-codes.ts';
import { decodeMessage, encodeMessage } from './protocol.ts';
import { Room } from './room.ts';
import type { RoomOptions, UpdateSource } from './room.ts';
import { TestPeer } from './test-peer.ts';

function createRoom(stored: Uint8Array[] = [], options: Partial<RoomOptions> = {}) {
	const accepted: Array<{ update: Uint8Array; source: UpdateSource }> = [];
	const room = new Room({
		section: 'timeline',
		load: async () => stored,
		onUpdate: (update, source) => accepted.push({ update, source }),
		...options
	});
	return { room, accepted };
}

const text = (peer: TestPeer | Room) => peer.doc.getText('t').toString();

describe('Room', () => {
	it('brings two peers to the same state and a late joiner gets everything', async () => {
		const { room } = createRoom();
		await room.ready;
		const a = new TestPeer(room, 'a').connect();
		const b = new TestPeer(room, 'b').connect();
		a.doc.getText('t').insert(0, 'hello ');
		b.doc.getText('t').insert(0, 'world ');
		expect(text(a)).toBe(text(b));
		const late = new TestPeer(room, 'late').connect();
		expect(text(late)).toBe(text(a));
		expect(text(late)).toHaveLength(12);
	});

	it('starts from the stored state', async () => {
		const source = new Y.Doc();
		source.getText('t').insert(0, 'stored');
		const { room } = createRoom([Y.encodeStateAsUpdate(source)]);
		await room.ready;
		expect(text(new TestPeer(room, 'a').connect())).toBe('stored');
	});

	it('processes nothing before the document has loaded, then everything in order', async () => {
		let release!: (updates: Uint8Array[]) => void;
		const { room, accepted } = createRoom([], {
			load: () => new Promise<Uint8Array[]>((resolve) => (release = resolve))
		});
		const a = new TestPeer(room, 'a').connect();
		a.doc.getText('t').insert(0, 'early');
		expect(accepted).toHaveLength(0);
		expect(a.received).toHaveLength(0);
		const stored = new Y.Doc();
		stored.getText('t').insert(0, 'stored ');
		release([Y.encodeStateAsUpdate(stored)]);
		await room.ready;
		expect(text(room)).toContain('early');
		expect(text(room)).toContain('stored');
		expect(text(a)).toBe(text(room));
		expect(accepted.map((a) => a.source)).toEqual(['peer']);
	});

	it('hands only accepted local changes to storage, not stored or remote ones', async () => {
		const { room, accepted } = createRoom();
		await room.ready;
		const a = new TestPeer(room, 'a').connect();
		a.doc.getText('t').insert(0, 'x');
		const remote = new Y.Doc();
		remote.getText('r').insert(0, 'y');
		room.applyRemoteUpdate(Y.encodeStateAsUpdate(remote));
		expect(accepted.map((a) => a.source)).toEqual(['peer']);
		expect(a.doc.getText('r').toString()).toBe('y');
	});

	it('refuses an observer write: not applied, not broadcast, not stored, writer told', async () => {
		const { room, accepted } = createRoom();
		await room.ready;
		const writer = new TestPeer(room, 'w').connect();
		writer.doc.getText('t').insert(0, 'ok');
		const observer = new TestPeer(room, 'o', false).connect();
		expect(observer.refusals()).toEqual([]);
		expect(text(observer)).toBe('ok');
		const before = accepted.length;
		observer.doc.getText('t').insert(0, 'nope');
		expect(observer.refusals()).toEqual(['read-only:timeline']);
		expect(text(room)).toBe('ok');
		expect(text(writer)).toBe('ok');
		expect(accepted).toHaveLength(before);
	});

	it('refuses writes to a locked section from everyone, and accepts them after unlock', async () => {
		const { room, accepted } = createRoom();
		await room.ready;
		const a = new TestPeer(room, 'a').connect();
		const b = new TestPeer(room, 'b').connect();
		room.setLocked(true);
		a.doc.getText('t').insert(0, 'locked');
		expect(a.refusals()).toEqual(['locked:timeline']);
		expect(text(b)).toBe('');
		expect(accepted).toHaveLength(0);
		room.setLocked(false);
		const fresh = new TestPeer(room, 'a2').connect();
		fresh.doc.getText('t').insert(0, 'open');
		expect(text(b)).toBe('open');
		expect(accepted).toHaveLength(1);
	});

	it('does not count a read-only peer syncing what the server has as a write', async () => {
		const { room } = createRoom();
		await room.ready;
		const a = new TestPeer(room, 'a').connect();
		a.doc.getText('t').insert(0, 'abc');
		a.doc.getText('t').delete(0, 1);
		const observer = new TestPeer(room, 'o', false);
		Y.applyUpdate(observer.doc, Y.encodeStateAsUpdate(room.doc));
		observer.connect();
		expect(observer.refusals()).toEqual([]);
		expect(observer.closed).toBeNull();
	});

	it('closes a peer that keeps sending refused writes', async () => {
		const { room } = createRoom([], { refusalLimit: 3 });
		await room.ready;
		const observer = new TestPeer(room, 'o', false).connect();
		for (let i = 0; i < 5; i++) observer.doc.getText('t').insert(0, 'x');
		expect(observer.closed?.code).toBe(CloseCode.RefusedWrites);
		expect(room.peerCount).toBe(0);
	});

	it('closes only the sender of a malformed frame; the others carry on', async () => {
		const { room } = createRoom();
		await room.ready;
		const a = new TestPeer(room, 'a').connect();
		const bad = new TestPeer(room, 'bad').connect();
		bad.raw(new Uint8Array([0, 2, 5, 1, 2]));
		expect(bad.closed?.code).toBe(CloseCode.BadMessage);
		a.doc.getText('t').insert(0, 'still here');
		const b = new TestPeer(room, 'b').connect();
		expect(text(b)).toBe('still here');
	});

	it('closes a truncated update without changing the document', async () => {
		const { room } = createRoom();
		await room.ready;
		const bad = new TestPeer(room, 'bad').connect();
		const source = new Y.Doc();
		source.getText('t').insert(0, 'abcdef');
		source.getText('t').delete(1, 2);
		const update = Y.encodeStateAsUpdate(source);
		bad.raw(new Uint8Array([0, 2, update.length - 2, ...update.slice(0, update.length - 2)]));
		expect(bad.closed?.code).toBe(CloseCode.BadMessage);
		expect(text(room)).toBe('');
	});

	it('drops a slow reader instead of buffering without bound', async () => {
		const { room } = createRoom([], { maxBufferedBytes: 100 });
		await room.ready;
		const slow = new TestPeer(room, 'slow').connect();
		const a = new TestPeer(room, 'a').connect();
		slow.buffered = 1000;
		a.doc.getText('t').insert(0, 'x');
		expect(slow.closed?.code).toBe(CloseCode.SlowReader);
		expect(room.peerCount).toBe(1);
	});

	it('shares presence and removes it when the socket goes', async () => {
		const { room } = createRoom();
		await room.ready;
		const a = new TestPeer(room, 'a').connect();
		a.sendAwareness({ user: { name: 'Ada' } });
		expect(room.awareness.getStates().size).toBe(1);
		const b = new TestPeer(room, 'b').connect();
		expect(b.received.some((m) => m.type === 'awareness')).toBe(true);
		room.leave(a);
		expect(room.awareness.getStates().size).toBe(0);
	});

	it('broadcasts and stores changes the server makes itself', async () => {
		const { room, accepted } = createRoom();
		await room.ready;
		const a = new TestPeer(room, 'a', false).connect();
		room.applyServerChange((doc) => doc.getMap('meta').set('stage', 'timeline'));
		expect(a.doc.getMap('meta').get('stage')).toBe('timeline');
		expect(accepted.map((a) => a.source)).toEqual(['server']);
	});

	it('closes peers with RoomUnavailable when the document cannot load', async () => {
		const { room } = createRoom([], { load: () => Promise.reject(new Error('db down')) });
		const a = new TestPeer(room, 'a').connect();
		await expect(room.ready).rejects.toThrow('db down');
		expect(a.closed?.code).toBe(CloseCode.RoomUnavailable);
	});
});

describe('Room relays from other instances', () => {
	it('holds remote updates that arrive before the load and applies them after, unstored', async () => {
		let release!: (updates: Uint8Array[]) => void;
		const { room, accepted } = createRoom([], {
			load: () => new Promise<Uint8Array[]>((resolve) => (release = resolve))
		});
		const remote = new Y.Doc();
		remote.getText('t').insert(0, 'from B');
		room.applyRemoteUpdate(Y.encodeStateAsUpdate(remote));
		expect(text(room)).toBe('');
		release([]);
		await room.ready;
		expect(text(room)).toBe('from B');
		expect(accepted).toEqual([]);
	});

	it('ignores a malformed relay instead of throwing', async () => {
		const { room } = createRoom();
		await room.ready;
		expect(() => room.applyRemoteUpdate(new Uint8Array([1, 2, 3]))).not.toThrow();
		expect(() => room.applyRemoteAwareness(new Uint8Array([1, 2, 3]))).not.toThrow();
	});
});

describe('Room cold join', () => {
	it('answers a newcomer with the stored bytes before building the document', async () => {
		let release!: (updates: Uint8Array[]) => void;
		const { room } = createRoom([], {
			load: () => new Promise<Uint8Array[]>((resolve) => (release = resolve))
		});
		const a = new TestPeer(room, 'a').connect();
		const source = new Y.Doc();
		source.getText('t').insert(0, 'stored as one piece');
		const stored = Y.encodeStateAsUpdate(source);
		let appliedWhenAnswered: boolean | null = null;
		const send = a.send.bind(a);
		a.send = (frame) => {
			appliedWhenAnswered ??= text(room) !== '';
			send(frame);
		};
		release([stored]);
		await room.ready;
		const first = a.received[0];
		expect(first?.type).toBe('sync-step-2');
		expect(first?.type === 'sync-step-2' && [...first.update]).toEqual([...stored]);
		expect(appliedWhenAnswered).toBe(false);
		expect(text(a)).toBe('stored as one piece');
		// Later newcomers get the same frame until something changes, and then the change too.
		const b = new TestPeer(room, 'b').connect();
		expect(text(b)).toBe('stored as one piece');
		a.doc.getText('t').insert(0, '> ');
		const c = new TestPeer(room, 'c').connect();
		expect(text(c)).toBe('> stored as one piece');
	});

	it('waits a moment for a newcomer whose first message comes after the stored bytes', async () => {
		// PGlite answers inside one turn of the event loop, before the socket's message is read.
		const source = new Y.Doc();
		source.getText('t').insert(0, 'stored');
		const stored = Y.encodeStateAsUpdate(source);
		const { room } = createRoom([stored]);
		const a = new TestPeer(room, 'a');
		let builtWhenAnswered: boolean | null = null;
		const send = a.send.bind(a);
		a.send = (frame) => {
			if (decodeMessage(frame).ok && frame[0] === 0 && frame[1] === 1) {
				builtWhenAnswered ??= text(room) !== '';
			}
			send(frame);
		};
		room.join(a);
		setTimeout(() => a.connect(), 5);
		await room.ready;
		expect(builtWhenAnswered).toBe(false);
		expect(text(a)).toBe('stored');
	});

	it('answers a returning peer (it has content) from the document as usual', async () => {
		let release!: (updates: Uint8Array[]) => void;
		const { room } = createRoom([], {
			load: () => new Promise<Uint8Array[]>((resolve) => (release = resolve))
		});
		const source = new Y.Doc();
		source.getText('t').insert(0, 'abc');
		const a = new TestPeer(room, 'a');
		Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(source));
		a.connect();
		source.getText('t').insert(3, 'def');
		release([Y.encodeStateAsUpdate(source)]);
		await room.ready;
		expect(text(a)).toBe('abcdef');
		expect(a.received[0]?.type).toBe('sync-step-1');
	});
});

describe('Room fan-out tick', () => {
	it('sends the changes of one tick to each reader as one frame', async () => {
		const { room } = createRoom([], { coalesce: 5 });
		await room.ready;
		const writer = new TestPeer(room, 'w').connect();
		const reader = new TestPeer(room, 'r').connect();
		const before = reader.received.length;
		for (let i = 0; i < 10; i++) writer.doc.getText('t').insert(0, `${i}`);
		expect(reader.received.length).toBe(before);
		await new Promise((resolve) => setTimeout(resolve, 20));
		const frames = reader.received.slice(before).filter((m) => m.type === 'update');
		expect(frames).toHaveLength(1);
		expect(text(reader)).toBe(text(writer));
		// The writer does not get its own tick back.
		expect(writer.received.filter((m) => m.type === 'update')).toHaveLength(0);
	});

	it('merges changes from several writers and everyone converges', async () => {
		const { room } = createRoom([], { coalesce: 5 });
		await room.ready;
		const peers = [0, 1, 2].map((i) => new TestPeer(room, `p${i}`).connect());
		peers.forEach((p, i) => p.doc.getText('t').insert(0, `from ${i};`));
		await new Promise((resolve) => setTimeout(resolve, 20));
		for (const p of peers) expect(text(p)).toBe(text(room));
		expect(text(room)).toHaveLength(21);
	});

	it('gathers presence changes into one frame per tick', async () => {
		const { room } = createRoom([], { coalesce: 5 });
		await room.ready;
		const a = new TestPeer(room, 'a').connect();
		const b = new TestPeer(room, 'b').connect();
		const before = b.received.length;
		a.sendAwareness({ user: { name: 'Ada' } });
		b.sendAwareness({ user: { name: 'Bo' } });
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(b.received.slice(before).filter((m) => m.type === 'awareness')).toHaveLength(1);
	});
});

describe('Room fan-out per event-loop turn', () => {
	it("sends a turn's first change at once and the rest of that turn as one frame after it", async () => {
		const { room } = createRoom([], { coalesce: 'turn' });
		await room.ready;
		const writer = new TestPeer(room, 'w').connect();
		const reader = new TestPeer(room, 'r').connect();
		const updates = () => reader.received.filter((m) => m.type === 'update').length;
		const before = updates();
		for (let i = 0; i < 10; i++) writer.doc.getText('t').insert(0, `${i}`);
		// The first change did not wait for the turn to end.
		expect(updates()).toBe(before + 1);
		expect(text(reader)).toBe('0');
		await new Promise((resolve) => setImmediate(resolve));
		expect(updates()).toBe(before + 2);
		expect(text(reader)).toBe(text(writer));
		// The next turn starts quiet again: its first change goes out at once.
		writer.doc.getText('t').insert(0, 'x');
		expect(updates()).toBe(before + 3);
		expect(text(reader)).toBe(text(writer));
	});

	it("sends a turn's first presence change at once and gathers the rest", async () => {
		const { room } = createRoom([], { coalesce: 'turn' });
		await room.ready;
		const a = new TestPeer(room, 'a').connect();
		const b = new TestPeer(room, 'b').connect();
		const c = new TestPeer(room, 'c').connect();
		const presence = () => c.received.filter((m) => m.type === 'awareness').length;
		const before = presence();
		a.sendAwareness({ user: { name: 'Ada' } });
		expect(presence()).toBe(before + 1);
		b.sendAwareness({ user: { name: 'Bo' } });
		a.sendAwareness({ user: { name: 'Ada L.' } });
		expect(presence()).toBe(before + 1);
		await new Promise((resolve) => setImmediate(resolve));
		expect(presence()).toBe(before + 2);
	});

	it('sends nothing after the room is destroyed', async () => {
		const { room } = createRoom([], { coalesce: 'turn' });
		await room.ready;
		const writer = new TestPeer(room, 'w').connect();
		const reader = new TestPeer(room, 'r').connect();
		writer.doc.getText('t').insert(0, 'late');
		const before = reader.received.length;
		room.destroy();
		await new Promise((resolve) => setImmediate(resolve));
		expect(reader.received.slice(before).filter((m) => m.type === 'update')).toHaveLength(0);
	});
});

describe('Room limits', () => {
	it('closes a socket that sends faster than its rate limit, with a try-again code', async () => {
		const { room } = createRoom([], { maxMessagesPerSecond: 10 });
		await room.ready;
		const chatty = new TestPeer(room, 'chatty').connect();
		for (let i = 0; i < 40 && !chatty.closed; i++) chatty.doc.getText('t').insert(0, 'x');
		expect(chatty.closed?.code).toBe(CloseCode.RateLimited);
		const calm = new TestPeer(room, 'calm').connect();
		calm.doc.getText('t').insert(0, 'y');
		expect(calm.closed).toBeNull();
	});

	it('refuses a write that would take the document past its size limit', async () => {
		const { room } = createRoom([], { maxDocBytes: 200 });
		await room.ready;
		const a = new TestPeer(room, 'a').connect();
		a.doc.getText('t').insert(0, 'short');
		expect(text(room)).toBe('short');
		a.doc.getText('t').insert(0, 'x'.repeat(500));
		expect(a.refusals()).toEqual(['too-large:timeline']);
		expect(text(room)).toBe('short');
	});

	it('while storage cannot take writes, closes a writer with a try-again code and applies nothing', async () => {
		let accepting = true;
		const { room, accepted } = createRoom([], { acceptingWrites: () => accepting });
		await room.ready;
		const a = new TestPeer(room, 'a').connect();
		a.doc.getText('t').insert(0, 'stored');
		accepting = false;
		const reader = new TestPeer(room, 'reader').connect();
		expect(reader.closed).toBeNull();
		expect(text(reader)).toBe('stored');
		a.doc.getText('t').insert(0, 'kept by the client ');
		expect(a.closed?.code).toBe(CloseCode.RoomUnavailable);
		expect(CloseCode.RoomUnavailable >= 4500).toBe(true);
		expect(accepted).toHaveLength(1);
		// Later the client reconnects and its edit arrives.
		accepting = true;
		const again = new TestPeer(room, 'a2');
		Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(a.doc));
		again.connect();
		expect(text(room)).toBe('kept by the client stored');
	});

	it('drops content whose dependencies never arrive instead of keeping it in memory', async () => {
		const { room } = createRoom([], { maxPendingBytes: 100 });
		await room.ready;
		const source = new Y.Doc();
		source.getText('t').insert(0, 'base');
		const base = Y.encodeStateVector(source);
		source.getText('t').insert(4, 'y'.repeat(500));
		const orphan = Y.encodeStateAsUpdate(source, base);
		const bad = new TestPeer(room, 'bad').connect();
		bad.raw(encodeMessage({ type: 'update', update: orphan }));
		expect(bad.closed?.code).toBe(CloseCode.BadMessage);
		expect(room.doc.store.pendingStructs).toBeNull();
	});
});

describe('Room joins', () => {
	it('encodes the whole document once for newcomers who join before the next change', async () => {
		const { room } = createRoom();
		await room.ready;
		const writer = new TestPeer(room, 'w').connect();
		writer.doc.getText('t').insert(0, 'shared state');
		const frames: Uint8Array[] = [];
		for (let i = 0; i < 3; i++) {
			const peer = new TestPeer(room, `n${i}`);
			const send = peer.send.bind(peer);
			peer.send = (frame) => {
				frames.push(frame);
				send(frame);
			};
			peer.connect();
			expect(text(peer)).toBe('shared state');
		}
		const steps = frames.filter((f) => f[0] === 0 && f[1] === 1);
		expect(steps).toHaveLength(3);
		expect(steps[1]).toBe(steps[0]);
		writer.doc.getText('t').insert(0, 'new ');
		const late = new TestPeer(room, 'late').connect();
		expect(text(late)).toBe('new shared state');
	});
});
