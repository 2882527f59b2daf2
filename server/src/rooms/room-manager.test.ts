import { afterEach, describe, expect, it, vi } from 'vitest';
import { SectionId, readMeta, setSectionLock, writeMeta } from '@debrief/doc';
import type { DocKey, DocStorage, Peer, StoredDoc } from '@debrief/sync';
import * as Y from 'yjs';
import { createLogger } from '../log.ts';
import { Metrics } from '../metrics.ts';
import { eventually } from '../../test/helpers.ts';
import { RoomManager } from './room-manager.ts';

/** Storage in memory: what the manager loads, appends and compacts, per document. */
class MemoryStorage implements DocStorage {
	docs = new Map<string, StoredDoc>();
	loads = 0;
	async load(key: DocKey): Promise<StoredDoc> {
		this.loads += 1;
		const doc = this.docs.get(`${key.boardId}/${key.section}`);
		return { state: doc?.state ?? null, updates: [...(doc?.updates ?? [])] };
	}
	async append(key: DocKey, updates: Uint8Array[]): Promise<void> {
		const id = `${key.boardId}/${key.section}`;
		const doc = this.docs.get(id) ?? { state: null, updates: [] };
		doc.updates.push(...updates);
		this.docs.set(id, doc);
	}
	async compact(key: DocKey): Promise<void> {
		const id = `${key.boardId}/${key.section}`;
		const doc = this.docs.get(id);
		if (!doc) return;
		const all = doc.state ? [doc.state, ...doc.updates] : doc.updates;
		this.docs.set(id, { state: Y.mergeUpdates(all), updates: [] });
	}
	async logLength(key: DocKey): Promise<number> {
		return this.docs.get(`${key.boardId}/${key.section}`)?.updates.length ?? 0;
	}
}

const peer = (id: string): Peer => ({
	id,
	canWrite: true,
	send: () => undefined,
	close: () => undefined,
	bufferedAmount: () => 0
});

const IDLE_MS = 1000;

function manager(options: Partial<ConstructorParameters<typeof RoomManager>[0]> = {}) {
	return new RoomManager({
		storage: new MemoryStorage(),
		log: createLogger('silent'),
		metrics: new Metrics(),
		batchMs: 5,
		compactAfter: 100,
		idleMs: IDLE_MS,
		maxBufferedBytes: 1 << 20,
		reclaimAfterMs: 60_000,
		...options
	});
}

const meta = (boardId: string): DocKey => ({ boardId, section: SectionId.meta });
const timeline = (boardId: string): DocKey => ({ boardId, section: SectionId.timeline });

describe('RoomManager life cycle', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('keeps a board’s meta room while a section is open, without a timer of its own meanwhile', async () => {
		vi.useFakeTimers();
		const rooms = manager();
		const ana = peer('ana');
		const room = rooms.join(timeline('b1'), ana);
		await room.ready;
		expect(rooms.has(meta('b1'))).toBe(true);
		// Long after the meta room's idle time, it is still here for the section's locks, and no
		// timer is left waiting to look again: the section's unload is what starts it. What runs
		// is y-protocols' own: each room's awareness checks for stale presence every few seconds.
		await vi.advanceTimersByTimeAsync(IDLE_MS * 10);
		expect(rooms.has(meta('b1'))).toBe(true);
		expect(vi.getTimerCount()).toBe(rooms.size);

		rooms.leave(room, ana);
		await vi.advanceTimersByTimeAsync(IDLE_MS + 10);
		expect(rooms.has(timeline('b1'))).toBe(false);
		expect(rooms.has(meta('b1'))).toBe(true);
		await vi.advanceTimersByTimeAsync(IDLE_MS + 10);
		expect(rooms.has(meta('b1'))).toBe(false);
		expect(rooms.size).toBe(0);
		await rooms.closeAll(1001, 'test over');
	});

	it('keeps the meta room until the board’s last section has gone, then unloads it', async () => {
		vi.useFakeTimers();
		const rooms = manager();
		const [ana, bo] = [peer('ana'), peer('bo')];
		const first = rooms.join(timeline('b1'), ana);
		const second = rooms.join({ boardId: 'b1', section: SectionId.actions }, bo);
		await Promise.all([first.ready, second.ready]);
		rooms.leave(first, ana);
		await vi.advanceTimersByTimeAsync(IDLE_MS * 3);
		expect(rooms.has(timeline('b1'))).toBe(false);
		expect(rooms.has(meta('b1'))).toBe(true);
		rooms.leave(second, bo);
		await vi.advanceTimersByTimeAsync(IDLE_MS * 2 + 20);
		expect(rooms.size).toBe(0);
		await rooms.closeAll(1001, 'test over');
	});

	it('does not unload a meta room someone has open when the last section goes', async () => {
		vi.useFakeTimers();
		const rooms = manager();
		const [ana, facilitator] = [peer('ana'), peer('facilitator')];
		const section = rooms.join(timeline('b1'), ana);
		const metaRoom = rooms.join(meta('b1'), facilitator);
		await Promise.all([section.ready, metaRoom.ready]);
		rooms.leave(section, ana);
		await vi.advanceTimersByTimeAsync(IDLE_MS * 3);
		expect(rooms.has(timeline('b1'))).toBe(false);
		expect(rooms.has(meta('b1'))).toBe(true);
		rooms.leave(metaRoom, facilitator);
		await vi.advanceTimersByTimeAsync(IDLE_MS + 10);
		expect(rooms.size).toBe(0);
		await rooms.closeAll(1001, 'test over');
	});

	it('locks the sections of the board whose meta changed, and no other board’s', async () => {
		const rooms = manager();
		const [ana, bo] = [peer('ana'), peer('bo')];
		const mine = rooms.join(timeline('b1'), ana);
		const theirs = rooms.join(timeline('b2'), bo);
		await Promise.all([mine.ready, theirs.ready]);
		const metaRoom = rooms.room(meta('b1'));
		await metaRoom.ready;
		metaRoom.applyServerChange((doc) => {
			const ctx = { actor: { userId: 'u1', name: 'Ana' }, now: Date.now() };
			const locked = setSectionLock(readMeta(doc), SectionId.timeline, true, ctx);
			if (locked.ok) writeMeta(doc, locked.state);
		});
		expect(mine.locked).toBe(true);
		expect(theirs.locked).toBe(false);
		expect(
			rooms
				.roomsOf('b1')
				.map((r) => r.section)
				.sort()
		).toEqual(['meta', 'timeline']);
		await rooms.closeAll(1001, 'test over');
	});
});

describe('RoomManager after the last room leaves', () => {
	/** A manager whose debug log is kept, with short idle times and `reclaimAboveBytes`. */
	async function emptied(reclaimAboveBytes: number) {
		const lines: string[] = [];
		const rooms = manager({
			log: createLogger('debug', {}, (line) => lines.push(line)),
			idleMs: 20,
			reclaimAfterMs: 20,
			reclaimAboveBytes
		});
		// In a function of its own, so that nothing here holds the room once it has gone.
		const visit = async () => {
			const ana = peer('ana');
			const room = rooms.join(timeline('b1'), ana);
			await room.ready;
			room.receive(ana, new Uint8Array([0, 0, 1, 0])); // sync step 1, empty state vector
			rooms.leave(room, ana);
			return new WeakRef(room.doc);
		};
		const doc = await visit();
		await eventually(() => rooms.size === 0, 5000, 'the rooms to unload');
		expect(rooms.size).toBe(0);
		// Past the quiet time, with room to spare.
		await new Promise((resolve) => setTimeout(resolve, 200));
		const reclaimed = lines.filter((line) => line.includes('memory reclaimed')).length;
		await rooms.closeAll(1001, 'test over');
		return { reclaimed, doc };
	}

	it('collects garbage once idle when enough heap is held past the last collection', async () => {
		const { reclaimed, doc } = await emptied(0);
		expect(reclaimed).toBe(1);
		// The board that left holds nothing: its document is gone.
		expect(doc.deref()).toBeUndefined();
	});

	it('leaves the heap (and compiled code) alone after a meeting that held little', async () => {
		const { reclaimed } = await emptied(2 ** 40);
		expect(reclaimed).toBe(0);
	});
});
