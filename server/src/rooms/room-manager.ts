import { SectionId, isSectionLocked, readMeta } from '@debrief/doc';
import { CloseCode, Room } from '@debrief/sync';
import type { DocKey, DocStorage, Peer } from '@debrief/sync';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { DocWriter } from './doc-writer.ts';
import type { Fanout, FanoutMessage } from './fanout.ts';
import { compareState, describeState } from './heal.ts';
import { collectGarbage, worthCollecting } from './reclaim.ts';

export interface RoomManagerOptions {
	storage: DocStorage;
	log: Logger;
	metrics: Metrics;
	batchMs: number;
	compactAfter: number;
	idleMs: number;
	maxBufferedBytes: number;
	/** Fan-out tick per room in ms (0: every change is sent at once). */
	coalesce?: 'turn' | number;
	/** Other instances (Redis); without it this process serves everything alone. */
	fanout?: Fanout;
	/** How often instances holding the same document compare states, in ms. */
	healMs?: number;
	maxMessagesPerSecond?: number;
	maxDocBytes?: number;
	/** Accepted updates waiting for storage, over all rooms, before writes are turned away. */
	maxPendingUpdates?: number;
	/** Persistence lag past which the server reports itself not ready. */
	unhealthyLagMs?: number;
	/** Quiet time after the last room unloads before garbage is collected (default 500 ms). */
	reclaimAfterMs?: number;
	/**
	 * Heap held past the last collection's, once idle, that makes a collection worth it (default
	 * 64 MiB, 0: always; see `worthCollecting`).
	 */
	reclaimAboveBytes?: number;
}

interface Entry {
	key: DocKey;
	room: Room;
	writer: DocWriter;
	idleTimer: ReturnType<typeof setTimeout> | null;
}

const keyOf = (key: DocKey) => `${key.boardId}/${key.section}`;

/**
 * Holds one Room per document that has sockets: loads it from storage (state + log), stores what
 * it accepts through a DocWriter, and unloads it (flush, compact, free) once idle.
 */
export class RoomManager {
	#options: RoomManagerOptions;
	#rooms = new Map<string, Entry>();
	/**
	 * The rooms in memory per board, so that a board's locks, its member's sockets and its meta
	 * room's life touch that board's rooms only, not every room of the instance.
	 */
	#boards = new Map<string, Map<string, Entry>>();
	/** Which entry holds a room (a socket leaving names its room). */
	#entryOf = new Map<Room, Entry>();
	/** Unloads in progress: a new room for the same document loads only after they finish. */
	#unloading = new Map<string, Promise<void>>();
	#counters;
	#healTimer: ReturnType<typeof setInterval> | null = null;
	#wasAccepting = true;
	#reclaimTimer: ReturnType<typeof setTimeout> | null = null;
	/**
	 * Accepted updates not yet stored, over every writer (unloading ones too): counted as they
	 * are accepted and stored, because every write checks it, and summing a hundred boards'
	 * queues per write showed up in profiles.
	 */
	#pending = 0;
	/** Heap in use after the last forced collection (at start: after loading the code). */
	#heapBaseline = process.memoryUsage().heapUsed;

	constructor(options: RoomManagerOptions) {
		this.#options = options;
		if (options.fanout) {
			this.#healTimer = setInterval(() => this.#describeAll(), options.healMs ?? 5000);
			this.#healTimer.unref?.();
		}
		const m = options.metrics;
		this.#counters = {
			accepted: m.counter('debrief_updates_accepted_total', 'Document updates accepted'),
			refused: m.counter('debrief_writes_refused_total', 'Writes refused (role or lock)'),
			persisted: m.counter('debrief_updates_persisted_total', 'Updates written to the log'),
			persistErrors: m.counter('debrief_persist_errors_total', 'Failed log writes (retried)'),
			slowReaders: m.counter(
				'debrief_slow_readers_dropped_total',
				'Sockets dropped as slow readers'
			),
			badMessages: m.counter('debrief_bad_messages_total', 'Sockets closed for malformed frames'),
			rateLimited: m.counter('debrief_rate_limited_total', 'Sockets closed for sending too fast')
		};
		m.gauge('debrief_rooms', 'Rooms in memory', () => this.#rooms.size);
		m.gauge('debrief_sockets', 'Open sync sockets', () => this.socketCount);
		m.gauge('debrief_persist_queue_depth', 'Accepted updates not yet stored', () => this.pending);
		m.gauge('debrief_persist_lag_ms', 'Age of the oldest unstored update', () => this.lagMs);
		m.gauge('debrief_persist_failing', '1 while storage writes are failing', () =>
			this.persistenceHealthy ? 0 : 1
		);
	}

	get socketCount(): number {
		let n = 0;
		for (const entry of this.#rooms.values()) n += entry.room.peerCount;
		return n;
	}
	get pending(): number {
		return this.#pending;
	}
	get lagMs(): number {
		let max = 0;
		for (const entry of this.#rooms.values()) max = Math.max(max, entry.writer.lagMs);
		return max;
	}
	/** False once the storage queue is full: writers are asked to come back later. */
	get acceptingWrites(): boolean {
		const open = this.pending < (this.#options.maxPendingUpdates ?? Infinity);
		if (open !== this.#wasAccepting) {
			this.#wasAccepting = open;
			if (open) this.#options.log.info('storage queue below its bound again: taking writes');
			else
				this.#options.log.error('storage queue full: turning writers away until it drains', {
					pending: this.pending
				});
		}
		return open;
	}

	/**
	 * True while storage keeps up: no document's last write failed, and nothing accepted has
	 * waited longer than the lag bound (a database that hangs fails nothing, it just stops).
	 */
	get persistenceHealthy(): boolean {
		const maxLag = this.#options.unhealthyLagMs ?? 5000;
		for (const entry of this.#rooms.values()) {
			if (entry.writer.failing || entry.writer.lagMs > maxLag) return false;
		}
		return true;
	}

	get size(): number {
		return this.#rooms.size;
	}

	/** Whether the document's room is in memory. */
	has(key: DocKey): boolean {
		return this.#rooms.has(keyOf(key));
	}

	/**
	 * The room for a document, created and loading if it was not in memory. A room the server
	 * opens for itself (meta changes, lock checks) unloads once idle, like one whose sockets left.
	 */
	room(key: DocKey): Room {
		const entry = this.#entry(key);
		if (entry.room.peerCount === 0) this.#scheduleUnload(keyOf(key), entry);
		return entry.room;
	}

	/** Stores what one document has accepted so far (a meta change before its HTTP answer). */
	async flush(key: DocKey): Promise<void> {
		await this.#rooms.get(keyOf(key))?.writer.flush();
	}

	/** Rooms of a board currently in memory (to lock them, or close a member's sockets). */
	roomsOf(boardId: string): Room[] {
		return [...(this.#boards.get(boardId)?.values() ?? [])].map((entry) => entry.room);
	}

	join(key: DocKey, peer: Peer): Room {
		const entry = this.#entry(key);
		if (entry.idleTimer) clearTimeout(entry.idleTimer);
		entry.idleTimer = null;
		entry.room.join(peer);
		return entry.room;
	}

	leave(room: Room, peer: Peer): void {
		room.leave(peer);
		const entry = this.#entryOf.get(room);
		if (entry && room.peerCount === 0) this.#scheduleUnload(keyOf(entry.key), entry);
	}

	/** Stores everything accepted so far, in every room. */
	async flushAll(): Promise<void> {
		await Promise.all([...this.#rooms.values()].map((entry) => entry.writer.flush()));
	}

	/** Flushes, then closes every socket with `code` and frees every room (shutdown). */
	async closeAll(code: number, reason: string): Promise<void> {
		if (this.#healTimer) clearInterval(this.#healTimer);
		if (this.#reclaimTimer) clearTimeout(this.#reclaimTimer);
		await this.flushAll();
		for (const [id, entry] of this.#rooms) {
			if (entry.idleTimer) clearTimeout(entry.idleTimer);
			entry.room.destroy(code, reason);
			this.#remove(id, entry);
		}
		await Promise.all(this.#unloading.values());
	}

	#entry(key: DocKey): Entry {
		const id = keyOf(key);
		const existing = this.#rooms.get(id);
		if (existing) return existing;
		const { storage, log: baseLog } = this.#options;
		const log = baseLog.child({ board: key.boardId, section: key.section });
		const { fanout } = this.#options;
		const room = new Room({
			section: key.section,
			maxBufferedBytes: this.#options.maxBufferedBytes,
			coalesce: this.#options.coalesce,
			maxMessagesPerSecond: this.#options.maxMessagesPerSecond,
			maxDocBytes: this.#options.maxDocBytes,
			acceptingWrites: () => this.acceptingWrites,
			load: async () => {
				await this.#unloading.get(id);
				// Subscribe before loading: whatever another instance accepts meanwhile is queued
				// by the room and applied once the stored state is in.
				await fanout?.subscribe(key, (message) => this.#onFanout(entry, message));
				// A section loaded after a lock starts locked, before it processes any message. The
				// locks live in the board's meta document: it loads alongside, not after.
				const meta =
					key.section === SectionId.meta
						? null
						: this.room({ boardId: key.boardId, section: SectionId.meta });
				const [stored] = await Promise.all([storage.load(key), meta?.ready]);
				entry.writer = this.#writer(key, log, stored.updates.length, room);
				if (meta) room.setLocked(isSectionLocked(readMeta(meta.doc), key.section));
				return stored.state ? [stored.state, ...stored.updates] : stored.updates;
			},
			onUpdate: (update) => {
				this.#counters.accepted.inc();
				this.#pending += 1;
				entry.writer.add(update);
				fanout?.publish(key, { kind: 'update', payload: update });
			},
			onAwareness: (update) => fanout?.publish(key, { kind: 'awareness', payload: update }),
			onRefused: (peer, reason) => {
				this.#counters.refused.inc();
				log.info('write refused', { peer: peer.id, reason });
			},
			onPeerClosed: (peer, code, reason) => {
				if (code === CloseCode.SlowReader) this.#counters.slowReaders.inc();
				if (code === CloseCode.BadMessage) this.#counters.badMessages.inc();
				if (code === CloseCode.RateLimited) this.#counters.rateLimited.inc();
				log.info('socket closed by room', { peer: peer.id, code, reason });
				if (room.peerCount === 0) this.#scheduleUnload(id, entry);
			}
		});
		// Until the document has loaded, nothing is accepted, so this writer never sees an update.
		const entry: Entry = { key, room, writer: this.#writer(key, log, 0, room), idleTimer: null };
		this.#add(id, entry);
		if (key.section === SectionId.meta) {
			// Locks live in the meta document. Whoever changed it (this instance's HTTP call, or
			// another instance through Redis), the sections held here follow in the same tick.
			room.ready
				.then(() => room.doc.on('update', () => this.#applyLocks(key.boardId)))
				.catch(() => undefined);
		}
		room.ready.catch((error: unknown) => {
			log.error('could not load document', { error });
			this.#remove(id, entry);
			fanout?.unsubscribe(key).catch(() => undefined);
		});
		return entry;
	}

	#writer(key: DocKey, log: Logger, logLength: number, room: Room): DocWriter {
		return new DocWriter({
			key,
			// On one instance the room wrote every row, so its document holds all that is stored.
			// With Redis another instance may have stored what has not reached this one yet.
			current: this.#options.fanout
				? undefined
				: () => (room.loaded && !room.destroyed ? room.doc : null),
			storage: this.#options.storage,
			batchMs: this.#options.batchMs,
			compactAfter: this.#options.compactAfter,
			logLength,
			log,
			onPersisted: (count) => {
				this.#pending -= count;
				this.#counters.persisted.inc(count);
			},
			onError: () => this.#counters.persistErrors.inc()
		});
	}

	#scheduleUnload(id: string, entry: Entry): void {
		if (entry.idleTimer) clearTimeout(entry.idleTimer);
		entry.idleTimer = setTimeout(() => {
			entry.idleTimer = null;
			if (entry.room.peerCount > 0 || this.#rooms.get(id) !== entry) return;
			// The meta room stays while any section of its board is here: it carries their locks.
			// The last of them to unload starts this timer again (see #remove); no polling.
			if (entry.key.section === SectionId.meta && this.#holdsSectionsOf(entry.key.boardId)) {
				return;
			}
			// Still loading (a section may be waiting on this meta room): unload it later.
			if (!entry.room.loaded) return this.#scheduleUnload(id, entry);
			this.#remove(id, entry);
			const done = (async () => {
				try {
					await entry.writer.compact();
				} finally {
					entry.room.destroy();
					await this.#options.fanout?.unsubscribe(entry.key).catch(() => undefined);
					this.#unloading.delete(id);
					if (this.#idle) this.#reclaimWhenIdle();
				}
			})();
			this.#unloading.set(id, done);
			done.catch((error: unknown) => this.#options.log.error('unload failed', { error }));
		}, this.#options.idleMs);
		entry.idleTimer.unref?.();
	}

	/** No room in memory and none being stored. */
	get #idle(): boolean {
		return this.#rooms.size === 0 && this.#unloading.size === 0;
	}

	/**
	 * The last room has unloaded: once nothing has loaded for a moment, and if the boards that left
	 * left a lot behind (a burst of hundreds), collect garbage, so their memory goes back to the
	 * system instead of waiting for V8's own schedule. Only when nothing is open: with people in a
	 * room, V8 decides (a full collection pauses the event loop for tens of milliseconds).
	 */
	#reclaimWhenIdle(): void {
		if (this.#reclaimTimer) clearTimeout(this.#reclaimTimer);
		this.#reclaimTimer = setTimeout(() => {
			this.#reclaimTimer = null;
			if (!this.#idle) return;
			const before = process.memoryUsage();
			const above = this.#options.reclaimAboveBytes ?? 64 * 2 ** 20;
			if (!worthCollecting(before.heapUsed, this.#heapBaseline, above)) return;
			if (!collectGarbage()) return;
			const after = process.memoryUsage();
			this.#heapBaseline = after.heapUsed;
			this.#options.log.debug('memory reclaimed after the last room unloaded', {
				heapMiB: Math.round((before.heapUsed - after.heapUsed) / 2 ** 20),
				rssMiB: Math.round((before.rss - after.rss) / 2 ** 20)
			});
		}, this.#options.reclaimAfterMs ?? 500);
		this.#reclaimTimer.unref?.();
	}

	/** What another instance said about a document this one holds. */
	#onFanout(entry: Entry, message: FanoutMessage): void {
		const { room, key } = entry;
		if (message.kind === 'update') room.applyRemoteUpdate(message.payload);
		else if (message.kind === 'awareness') room.applyRemoteAwareness(message.payload);
		else if (room.loaded) {
			const { send, ask } = compareState(room.doc, message);
			if (send) this.#options.fanout?.publish(key, { kind: 'update', payload: send });
			if (ask) this.#options.fanout?.publish(key, { kind: 'state', ...describeState(room.doc) });
		}
	}

	/** The periodic exchange: each instance describes what it holds; a lost message heals. */
	#describeAll(): void {
		for (const { key, room } of this.#rooms.values()) {
			if (room.loaded)
				this.#options.fanout?.publish(key, { kind: 'state', ...describeState(room.doc) });
		}
	}

	#add(id: string, entry: Entry): void {
		this.#rooms.set(id, entry);
		this.#entryOf.set(entry.room, entry);
		const board = this.#boards.get(entry.key.boardId);
		if (board) board.set(id, entry);
		else this.#boards.set(entry.key.boardId, new Map([[id, entry]]));
	}

	/**
	 * Takes a room out of memory's index (unless another room of the same document has taken its
	 * place). When it was the board's last section, the board's meta room (kept for their locks)
	 * starts its own idle time, unless someone has it open.
	 */
	#remove(id: string, entry: Entry): void {
		if (this.#rooms.get(id) !== entry) return;
		this.#rooms.delete(id);
		this.#entryOf.delete(entry.room);
		const { boardId, section } = entry.key;
		const board = this.#boards.get(boardId);
		board?.delete(id);
		if (!board || board.size === 0) {
			this.#boards.delete(boardId);
			return;
		}
		if (section === SectionId.meta || this.#holdsSectionsOf(boardId)) return;
		const metaId = keyOf({ boardId, section: SectionId.meta });
		const meta = board.get(metaId);
		if (meta && meta.room.peerCount === 0 && !meta.idleTimer) this.#scheduleUnload(metaId, meta);
	}

	#holdsSectionsOf(boardId: string): boolean {
		const board = this.#boards.get(boardId);
		if (!board) return false;
		const metaHere = board.has(keyOf({ boardId, section: SectionId.meta }));
		return board.size > (metaHere ? 1 : 0);
	}

	/** Sets every held section of a board locked or unlocked as its meta document says. */
	#applyLocks(boardId: string): void {
		const meta = this.#rooms.get(keyOf({ boardId, section: SectionId.meta }));
		if (!meta?.room.loaded) return;
		const state = readMeta(meta.room.doc);
		for (const { key, room } of this.#boards.get(boardId)?.values() ?? []) {
			if (key.section !== SectionId.meta) room.setLocked(isSectionLocked(state, key.section));
		}
	}
}
