import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, RefusalReason, formatRefusal } from './close-codes.ts';
import { decodeMessage, encodeMessage, isRedundantUpdate, validateUpdate } from './protocol.ts';
import type { Message } from './protocol.ts';

/** One connected socket, as the room sees it. The server adapts `ws` sockets to this. */
export interface Peer {
	/** For logs and metrics; not a secret. */
	readonly id: string;
	/** Whether the peer's role lets it write at all (observers: false). Locks are the room's. */
	readonly canWrite: boolean;
	send(frame: Uint8Array): void;
	close(code: number, reason: string): void;
	/** Bytes queued on the socket and not yet sent: how the room sees a slow reader. */
	bufferedAmount(): number;
}

/** Where an accepted document change came from. */
export type UpdateSource = 'peer' | 'server' | 'remote';

/** Origin for updates that arrive from another instance: broadcast here, never stored again. */
export const REMOTE_ORIGIN = Symbol('remote');

const LOAD_ORIGIN = Symbol('load');

export interface RoomOptions {
	/** The section this room holds, named in refusals. */
	section: string;
	/** Reads the stored document: compacted state first, then the log, in order. */
	load(): Promise<Uint8Array[]>;
	/** Every accepted change, in order, synchronously (the server batches them to storage). */
	onUpdate?(update: Uint8Array, source: UpdateSource): void;
	/** Every awareness change made by a local peer (for fan-out to other instances). */
	onAwareness?(update: Uint8Array): void;
	/** A write was refused; for metrics and logs. */
	onRefused?(peer: Peer, reason: string): void;
	/** A peer was closed by the room (bad message, slow reader, refusals). */
	onPeerClosed?(peer: Peer, code: number, reason: string): void;
	/** Send buffer bound per peer; past it the peer is dropped and re-syncs on reconnect. */
	maxBufferedBytes?: number;
	/** Refused writes tolerated per connection before it is closed. */
	refusalLimit?: number;
	/**
	 * How a room's changes and presence are gathered into frames. Frame fan-out, not Yjs, is the
	 * cost on a busy room. `'turn'`: the first change after a quiet moment goes out at once, and
	 * whatever else arrives in that event-loop turn goes to each reader as one frame right after
	 * it (adds no wait; merges more the busier the room). A number of ms: a timer tick of that
	 * length. `0` or absent: every change at once.
	 */
	coalesce?: 'turn' | number;
	/** Messages per second one socket may send on average (bursts up to 3 s worth). */
	maxMessagesPerSecond?: number;
	/** Approximate bound on the document's encoded size; writes past it are refused. */
	maxDocBytes?: number;
	/**
	 * Whether writes can be taken now (false while storage is down and its queue is full). A
	 * writer is then closed with a try-again code: it keeps its edits and re-sends them later.
	 */
	acceptingWrites?(): boolean;
	/** Largest pending (dependency-missing) content kept before it is dropped, in bytes. */
	maxPendingBytes?: number;
}

interface PeerState {
	/** Awareness client ids this peer introduced, removed when it leaves. */
	awarenessIds: Set<number>;
	refusals: number;
	/** Token bucket for the message rate limit. */
	tokens: number;
	refilledAt: number;
}

/**
 * One Yjs document and the peers editing it, speaking the y-websocket protocol.
 *
 * Invariants: no message is processed before the document has loaded (they queue in order);
 * a refused write is never applied, broadcast or handed to `onUpdate`; only changes that really
 * changed the document (Yjs `update` events) are broadcast and stored.
 */
export class Room {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly ready: Promise<void>;
	#options: RoomOptions;
	#peers = new Map<Peer, PeerState>();
	#queue: Array<{ peer: Peer; frame: Uint8Array }> = [];
	#remoteQueue: Array<{ kind: 'update' | 'awareness'; update: Uint8Array }> = [];
	/** Changes and presence waiting for the next fan-out tick. */
	#outgoing = {
		updates: [] as Uint8Array[],
		origins: new Set<unknown>(),
		awareness: new Set<number>()
	};
	#tick: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | null = null;
	/** Set while the load waits for a newcomer's first message (see #firstMessage). */
	#onQueued: (() => void) | null = null;
	#loaded = false;
	#failed = false;
	#locked = false;
	#destroyed = false;
	/** The whole document as a sync step 2 frame, until the next change. */
	#fullState: Uint8Array | null = null;
	/** Approximate encoded size: stored bytes at load plus every change since. */
	#size = 0;

	constructor(options: RoomOptions) {
		this.#options = options;
		this.awareness.setLocalState(null);
		this.doc.on('update', this.#onDocUpdate);
		this.awareness.on('update', this.#onAwarenessUpdate);
		this.ready = this.#load();
	}

	get section(): string {
		return this.#options.section;
	}
	get loaded(): boolean {
		return this.#loaded;
	}
	get destroyed(): boolean {
		return this.#destroyed;
	}
	get locked(): boolean {
		return this.#locked;
	}
	get peerCount(): number {
		return this.#peers.size;
	}
	get peers(): Peer[] {
		return [...this.#peers.keys()];
	}

	/** Locks or unlocks the whole document. Takes effect for the very next message. */
	setLocked(locked: boolean): void {
		this.#locked = locked;
	}

	join(peer: Peer): void {
		if (this.#destroyed || this.#failed) {
			peer.close(CloseCode.RoomUnavailable, 'room unavailable');
			return;
		}
		const burst = (this.#options.maxMessagesPerSecond ?? 0) * 3;
		this.#peers.set(peer, {
			awarenessIds: new Set(),
			refusals: 0,
			tokens: burst,
			refilledAt: Date.now()
		});
		if (this.#loaded) this.#greet(peer);
	}

	receive(peer: Peer, frame: Uint8Array): void {
		if (!this.#peers.has(peer)) return;
		if (!this.#loaded) {
			this.#queue.push({ peer, frame });
			this.#onQueued?.();
			return;
		}
		this.#handle(peer, frame);
	}

	leave(peer: Peer): void {
		const state = this.#peers.get(peer);
		if (!state) return;
		this.#peers.delete(peer);
		this.#queue = this.#queue.filter((item) => item.peer !== peer);
		if (state.awarenessIds.size > 0) {
			awarenessProtocol.removeAwarenessStates(this.awareness, [...state.awarenessIds], peer);
		}
	}

	/** Applies a change made by the server itself (meta document); stored and broadcast. */
	applyServerChange(change: (doc: Y.Doc) => void): void {
		this.doc.transact(() => change(this.doc), 'server');
	}

	/**
	 * Applies an update that another instance accepted and stored; broadcast, not stored. Before
	 * the document has loaded it waits in order with everything else (the server subscribes to
	 * other instances before it loads, so nothing falls between).
	 */
	applyRemoteUpdate(update: Uint8Array): void {
		if (!this.#loaded) {
			this.#remoteQueue.push({ kind: 'update', update });
			return;
		}
		if (!validateUpdate(update).ok || this.#destroyed) return;
		Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
	}

	/** Applies an awareness update relayed from another instance. */
	applyRemoteAwareness(update: Uint8Array): void {
		if (!this.#loaded) {
			this.#remoteQueue.push({ kind: 'awareness', update });
			return;
		}
		if (this.#destroyed) return;
		try {
			awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
		} catch {
			// A malformed relay is dropped; the periodic exchange heals what it carried.
		}
	}

	/** Closes every peer (e.g. 1012 on shutdown) and releases the document. */
	destroy(code: number = CloseCode.RoomUnavailable, reason = 'room closed'): void {
		if (this.#destroyed) return;
		this.#destroyed = true;
		for (const peer of [...this.#peers.keys()]) {
			this.leave(peer);
			peer.close(code, reason);
		}
		this.#queue = [];
		this.#remoteQueue = [];
		this.#cancelTick();
		this.awareness.destroy();
		this.doc.destroy();
	}

	async #load(): Promise<void> {
		try {
			const updates = await this.#options.load();
			// An in-process database (PGlite) can answer before the newcomers' first messages are
			// even read: give them a moment (a client sends its sync step 1 as soon as it opens).
			if (updates.length === 1 && this.#peers.size > 0) await this.#firstMessage(25);
			const early = updates.length === 1 ? this.#answerNewcomersEarly(updates[0]!) : null;
			// Building the document blocks this thread; let the socket write the answer out first.
			if (early) await this.#drained(early.peers, 1000);
			if (this.#destroyed) return;
			this.doc.transact(() => {
				for (const update of updates) {
					Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
					this.#size += update.length;
				}
			}, LOAD_ORIGIN);
			// Until the next change, that frame is the whole document for later newcomers too.
			if (early) this.#fullState = early.frame;
		} catch (error) {
			this.#failed = true;
			for (const peer of [...this.#peers.keys()]) {
				this.leave(peer);
				peer.close(CloseCode.RoomUnavailable, 'could not load the document');
			}
			throw error;
		}
		this.#loaded = true;
		const remote = this.#remoteQueue;
		this.#remoteQueue = [];
		for (const item of remote) {
			if (item.kind === 'update') this.applyRemoteUpdate(item.update);
			else this.applyRemoteAwareness(item.update);
		}
		for (const peer of this.#peers.keys()) this.#greet(peer);
		const queued = this.#queue;
		this.#queue = [];
		for (const { peer, frame } of queued) {
			if (this.#peers.has(peer)) this.#handle(peer, frame);
		}
	}

	/**
	 * A document stored as one piece (compacted when its room unloaded) is, as stored, the answer
	 * a newcomer's sync step 1 needs. Building the document takes far longer than reading it
	 * (20,000 timeline entries: ~0.35 s to apply, ~0.05 s to encode again), so people waiting to
	 * open a cold section get the stored bytes first; everything else they sent waits for the
	 * load, in order. Returns the frame, or null when nobody was waiting.
	 */
	#answerNewcomersEarly(stored: Uint8Array): { frame: Uint8Array; peers: Peer[] } | null {
		let frame: Uint8Array | null = null;
		const peers: Peer[] = [];
		this.#queue = this.#queue.filter(({ peer, frame: message }) => {
			const decoded = decodeMessage(message);
			if (!decoded.ok || decoded.message.type !== 'sync-step-1') return true;
			const vector = decoded.message.stateVector;
			if (vector.length !== 1 || vector[0] !== 0 || !this.#peers.has(peer)) return true;
			frame ??= encodeMessage({ type: 'sync-step-2', update: stored });
			this.#send(peer, frame);
			peers.push(peer);
			return false;
		});
		return frame ? { frame, peers } : null;
	}

	/** Resolves when a message is waiting for the load, or after `limitMs`. */
	#firstMessage(limitMs: number): Promise<void> {
		if (this.#queue.length > 0) return Promise.resolve();
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				this.#onQueued = null;
				resolve();
			};
			const timer = setTimeout(done, limitMs);
			this.#onQueued = done;
		});
	}

	/** Waits (up to `limitMs`) until these peers' sockets have written what was queued for them. */
	async #drained(peers: Peer[], limitMs: number): Promise<void> {
		const deadline = Date.now() + limitMs;
		while (
			Date.now() < deadline &&
			peers.some((p) => this.#peers.has(p) && p.bufferedAmount() > 0)
		) {
			await new Promise((resolve) => setTimeout(resolve, 1));
		}
	}

	/** What the reference server sends on connect: its state vector, and who is here. */
	#greet(peer: Peer): void {
		this.#send(
			peer,
			encodeMessage({ type: 'sync-step-1', stateVector: Y.encodeStateVector(this.doc) })
		);
		const clients = [...this.awareness.getStates().keys()];
		if (clients.length > 0) {
			const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
			this.#send(peer, encodeMessage({ type: 'awareness', update }));
		}
	}

	#handle(peer: Peer, frame: Uint8Array): void {
		if (!this.#withinRate(peer)) {
			this.#closePeer(peer, CloseCode.RateLimited, 'too many messages; slow down and reconnect');
			return;
		}
		const decoded = decodeMessage(frame);
		if (!decoded.ok) {
			this.#closePeer(peer, CloseCode.BadMessage, decoded.reason);
			return;
		}
		const message: Message = decoded.message;
		switch (message.type) {
			case 'sync-step-1': {
				this.#send(peer, this.#syncStep2(message.stateVector));
				return;
			}
			case 'sync-step-2':
			case 'update':
				this.#write(peer, message.update);
				return;
			case 'awareness':
				this.#awareness(peer, message.update);
				return;
			case 'query-awareness': {
				const clients = [...this.awareness.getStates().keys()];
				const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
				this.#send(peer, encodeMessage({ type: 'awareness', update }));
				return;
			}
			case 'permission-denied':
				// Only servers send these; a client that does is confused but harmless.
				return;
		}
	}

	/**
	 * The answer to a sync step 1. A newcomer (empty state vector) needs the whole document: that
	 * frame is encoded once and shared by everyone who joins before the next change, so 200
	 * people opening the board at the start of the meeting cost one encoding, not 200.
	 */
	#syncStep2(stateVector: Uint8Array): Uint8Array {
		const fresh = stateVector.length === 1 && stateVector[0] === 0;
		if (fresh && this.#fullState) return this.#fullState;
		const update = Y.encodeStateAsUpdate(this.doc, stateVector);
		const frame = encodeMessage({ type: 'sync-step-2', update });
		if (fresh) this.#fullState = frame;
		return frame;
	}

	#write(peer: Peer, update: Uint8Array): void {
		const valid = validateUpdate(update);
		if (!valid.ok) {
			this.#closePeer(peer, CloseCode.BadMessage, valid.reason);
			return;
		}
		const accepting = this.#options.acceptingWrites?.() ?? true;
		const tooLarge = this.#size + update.length > (this.#options.maxDocBytes ?? Infinity);
		if (!peer.canWrite || this.#locked || !accepting || tooLarge) {
			// A read-only peer's sync step 2 carries what the server already has; that is no write.
			if (isRedundantUpdate(this.doc, update)) return;
			if (!peer.canWrite) this.#refuse(peer, RefusalReason.ReadOnly);
			else if (this.#locked) this.#refuse(peer, RefusalReason.Locked);
			else if (!accepting) {
				this.#closePeer(
					peer,
					CloseCode.RoomUnavailable,
					'storage is catching up; your edits are kept and sent again when you reconnect'
				);
			} else this.#refuse(peer, RefusalReason.TooLarge);
			return;
		}
		Y.applyUpdate(this.doc, update, peer);
		this.#boundPending(peer);
	}

	/** Content waiting for dependencies that never come must not pile up in memory. */
	#boundPending(peer: Peer): void {
		const store = this.doc.store;
		const pending = (store.pendingStructs?.update.length ?? 0) + (store.pendingDs?.length ?? 0);
		if (pending > (this.#options.maxPendingBytes ?? 1024 * 1024)) {
			store.pendingStructs = null;
			store.pendingDs = null;
			this.#closePeer(peer, CloseCode.BadMessage, 'updates refer to content the server never had');
		}
	}

	#withinRate(peer: Peer): boolean {
		const limit = this.#options.maxMessagesPerSecond;
		const state = this.#peers.get(peer);
		if (!limit || !state) return true;
		const now = Date.now();
		state.tokens = Math.min(limit * 3, state.tokens + ((now - state.refilledAt) / 1000) * limit);
		state.refilledAt = now;
		if (state.tokens < 1) return false;
		state.tokens -= 1;
		return true;
	}

	#refuse(peer: Peer, reason: RefusalReason): void {
		const state = this.#peers.get(peer);
		if (!state) return;
		const text = formatRefusal(reason, this.#options.section);
		state.refusals += 1;
		this.#options.onRefused?.(peer, text);
		this.#send(peer, encodeMessage({ type: 'permission-denied', reason: text }));
		if (state.refusals > (this.#options.refusalLimit ?? 20)) {
			this.#closePeer(peer, CloseCode.RefusedWrites, 'too many refused writes');
		}
	}

	#awareness(peer: Peer, update: Uint8Array): void {
		const state = this.#peers.get(peer);
		if (!state) return;
		try {
			awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
		} catch (error) {
			this.#closePeer(
				peer,
				CloseCode.BadMessage,
				`malformed awareness: ${(error as Error).message}`
			);
		}
	}

	#onDocUpdate = (update: Uint8Array, origin: unknown): void => {
		// Stored content is already stored, and nobody is waiting for it yet.
		this.#fullState = null;
		if (origin === LOAD_ORIGIN) return;
		this.#size += update.length;
		const source: UpdateSource =
			origin === REMOTE_ORIGIN ? 'remote' : this.#peers.has(origin as Peer) ? 'peer' : 'server';
		if (source !== 'remote') this.#options.onUpdate?.(update, source);
		if (this.#waitsForTick()) {
			this.#outgoing.updates.push(update);
			this.#outgoing.origins.add(origin);
			return;
		}
		this.#broadcastUpdate(update, origin);
	};

	#broadcastUpdate(update: Uint8Array, origin: unknown): void {
		const frame = encodeMessage({ type: 'update', update });
		for (const peer of this.#peers.keys()) {
			// The writer already has its own change.
			if (peer !== origin) this.#send(peer, frame);
		}
	}

	#broadcastAwareness(clients: number[]): void {
		const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
		const frame = encodeMessage({ type: 'awareness', update });
		for (const peer of this.#peers.keys()) this.#send(peer, frame);
	}

	get #coalescing(): boolean {
		return this.#options.coalesce === 'turn' || (this.#options.coalesce ?? 0) > 0;
	}

	/**
	 * Whether a change or presence update waits for the fan-out tick instead of going out now;
	 * with coalescing on, a tick is open after it. Per turn, the turn's first change goes out at
	 * once: waiting for the end of the turn would only hold it back, and in a room that is not
	 * busy every change is the first. What follows in that turn gathers for the tick.
	 */
	#waitsForTick(): boolean {
		if (!this.#coalescing) return false;
		const first = this.#options.coalesce === 'turn' && !this.#tick;
		this.#scheduleTick();
		return !first;
	}

	#scheduleTick(): void {
		if (this.#tick) return;
		const coalesce = this.#options.coalesce;
		this.#tick =
			coalesce === 'turn'
				? setImmediate(() => this.#flushTick())
				: setTimeout(() => this.#flushTick(), coalesce);
	}

	#cancelTick(): void {
		if (!this.#tick) return;
		if (this.#options.coalesce === 'turn')
			clearImmediate(this.#tick as ReturnType<typeof setImmediate>);
		else clearTimeout(this.#tick as ReturnType<typeof setTimeout>);
		this.#tick = null;
	}

	/** Sends what gathered during the tick: one merged update and one presence frame per peer. */
	#flushTick(): void {
		this.#tick = null;
		if (this.#destroyed) return;
		const { updates, origins, awareness } = this.#outgoing;
		this.#outgoing = { updates: [], origins: new Set(), awareness: new Set() };
		if (updates.length > 0) {
			const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
			// Skip the writer only when the whole tick was theirs; a duplicate costs nothing else.
			this.#broadcastUpdate(merged, origins.size === 1 ? [...origins][0] : undefined);
		}
		if (awareness.size > 0) this.#broadcastAwareness([...awareness]);
	}

	#onAwarenessUpdate = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	): void => {
		const changed = [...added, ...updated, ...removed];
		const state = this.#peers.get(origin as Peer);
		if (state) {
			for (const id of added) state.awarenessIds.add(id);
			for (const id of removed) state.awarenessIds.delete(id);
		}
		if (state && this.#options.onAwareness) {
			this.#options.onAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
		}
		// Echoed to the sender too: the stock client reconnects after 30 s without any message,
		// and its own awareness renewals are what keep a quiet connection alive.
		if (this.#waitsForTick()) {
			for (const id of changed) this.#outgoing.awareness.add(id);
			return;
		}
		this.#broadcastAwareness(changed);
	};

	#send(peer: Peer, frame: Uint8Array): void {
		if (peer.bufferedAmount() > (this.#options.maxBufferedBytes ?? 4 * 1024 * 1024)) {
			this.#closePeer(peer, CloseCode.SlowReader, 'send buffer full');
			return;
		}
		try {
			peer.send(frame);
		} catch {
			this.#closePeer(peer, CloseCode.RoomUnavailable, 'send failed');
		}
	}

	#closePeer(peer: Peer, code: number, reason: string): void {
		if (!this.#peers.has(peer)) return;
		this.leave(peer);
		this.#options.onPeerClosed?.(peer, code, reason);
		peer.close(code, reason);
	}
}
