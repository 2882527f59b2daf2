import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MarkerKind, formatMarker, scanMarkers } from './markers.ts';
import { RawWebSocket } from './ws-client.ts';

/**
 * writer: sends updates with send-time markers and drains its socket unread (it does not need
 * others' edits to make valid ones of its own); reader: finds markers in every update and presence
 * frame without applying them; full: a reader that also applies everything to a Y.Doc, so the run
 * can check at the end that the document holds what was sent.
 */
export type ClientRole = 'writer' | 'reader' | 'full';
/** map: each update sets the writer's own key (an edited field); text: typing into shared text. */
export type WriteMode = 'map' | 'text';

export interface ClientSpec {
	/** Unique in the run; also the marker source id of a writer. */
	id: number;
	url: string;
	role: ClientRole;
	/** Which document (board section) it is in, for per-room delivery counts. */
	room: number;
	/** Which server instance it talks to (scale-out runs). */
	instance: number;
	mode: WriteMode;
	/** Where in each send interval this client sends, from 0 to 1, so sends spread evenly. */
	phase: number;
}

/** Called for each marker a reader finds. */
export type MarkerSink = (kind: MarkerKind, source: number, seq: number, sentAt: number) => void;

export const now = () => performance.timeOrigin + performance.now();

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** What an empty document sends as sync step 2. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

function syncFrame(subtype: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, subtype);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

/** A y-websocket protocol client for load: one socket, the sync handshake, markers in and out. */
export class SyncClient {
	readonly spec: ClientSpec;
	/** Writers and full readers hold a document; plain readers do not. */
	readonly doc: Y.Doc | null;
	onMarker: MarkerSink = () => {};
	connectMs = NaN;
	firstSyncMs = NaN;
	/** Bytes of the sync step 2 that completed the first sync (the state a joiner receives). */
	stateBytes = 0;
	/** From the start of `connect` until that sync step 2 had arrived (before applying it). */
	stateReceivedMs = NaN;
	closedCode: number | null = null;
	refusals = 0;
	seq = 0;
	#ws: RawWebSocket | null = null;
	#started = 0;
	#synced: (() => void) | null = null;
	#step2Waiters: Array<() => void> = [];
	#awarenessId = (Math.random() * 0xffffffff) >>> 0;
	#awarenessClock = 0;
	#presenceSeq = 0;
	/** Text mode: lengths of this writer's markers in document order, to type between them. */
	#ownMarkers: number[] = [];

	constructor(spec: ClientSpec) {
		this.spec = spec;
		this.doc = spec.role === 'reader' ? null : new Y.Doc();
		this.doc?.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== this) this.#ws?.send(syncFrame(SYNC_UPDATE, update));
		});
	}

	get open(): boolean {
		return this.#ws?.open ?? false;
	}

	/** Opens the socket and completes the first sync (our step 1 answered by the server). */
	async connect(timeoutMs = 60_000): Promise<void> {
		const started = (this.#started = now());
		const ws = (this.#ws = new RawWebSocket());
		let failSync: (error: Error) => void = () => {};
		const synced = new Promise<void>((resolve, reject) => {
			this.#synced = resolve;
			failSync = reject;
		});
		const timer = setTimeout(() => failSync(new Error('no sync step 2 in time')), timeoutMs);
		ws.onClose = (code) => {
			this.closedCode = code;
			if (this.#synced) failSync(new Error(`closed with ${code} before the first sync`));
			this.#synced = null;
		};
		// Set before opening: the server's first frames may come with its upgrade answer.
		ws.onMessage = (payload) => this.#receive(payload);
		try {
			await ws.connect(this.spec.url, timeoutMs);
			this.connectMs = now() - started;
			const vector = this.doc ? Y.encodeStateVector(this.doc) : new Uint8Array([0]);
			ws.send(syncFrame(SYNC_STEP1, vector));
			await synced;
		} finally {
			clearTimeout(timer);
		}
		this.firstSyncMs = now() - started;
		// A writer keeps its socket drained but reads nothing more: see ClientRole.
		if (this.spec.role === 'writer') ws.discard = true;
	}

	/** One edit carrying a send-time marker (writers). */
	write(): void {
		const doc = this.doc;
		if (!doc || !this.open) return;
		this.seq += 1;
		const marker = formatMarker(MarkerKind.update, this.spec.id, this.seq, now());
		if (this.spec.mode === 'map') {
			doc.getMap('bench').set(`w${this.spec.id}`, marker);
			return;
		}
		// Typed between two of our own earlier markers, never inside one, so every marker stays
		// whole in the document and in any merge of updates a server makes.
		const slot = Math.floor(Math.random() * (this.#ownMarkers.length + 1));
		let offset = 0;
		for (let i = 0; i < slot; i++) offset += this.#ownMarkers[i]!;
		doc.getText('notes').insert(offset, marker);
		this.#ownMarkers.splice(slot, 0, marker.length);
	}

	/** One presence (awareness) renewal with a cursor and a send-time marker. */
	sendPresence(): void {
		if (!this.open) return;
		this.#presenceSeq += 1;
		const state = {
			user: { name: `Bench ${this.spec.id}`, color: '#5b8def' },
			cursor: { anchor: this.#presenceSeq % 97, head: this.#presenceSeq % 97 },
			t: formatMarker(MarkerKind.presence, this.spec.id, this.#presenceSeq, now())
		};
		const update = encoding.createEncoder();
		encoding.writeVarUint(update, 1);
		encoding.writeVarUint(update, this.doc?.clientID ?? this.#awarenessId);
		encoding.writeVarUint(update, ++this.#awarenessClock);
		encoding.writeVarString(update, JSON.stringify(state));
		const message = encoding.createEncoder();
		encoding.writeVarUint(message, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
		this.#ws?.send(encoding.toUint8Array(message));
	}

	/**
	 * Resolves once the server has answered a sync step 1 sent now: it handles a socket's messages
	 * in order, so everything this client sent before has been applied by then.
	 */
	roundTrip(): Promise<void> {
		const answered = new Promise<void>((resolve) => this.#step2Waiters.push(resolve));
		this.#ws?.send(syncFrame(SYNC_STEP1, Y.encodeStateVector(this.doc ?? new Y.Doc())));
		return answered;
	}

	close(): void {
		this.#ws?.close();
		this.doc?.destroy();
	}

	#receive(frame: Buffer): void {
		const decoder = decoding.createDecoder(frame);
		// Servers send one message per frame; reading on covers one that packs several.
		while (decoding.hasContent(decoder)) {
			const type = decoding.readVarUint(decoder);
			if (type === MESSAGE_SYNC) {
				const subtype = decoding.readVarUint(decoder);
				const payload = decoding.readVarUint8Array(decoder);
				this.#sync(subtype, payload);
			} else if (type === MESSAGE_AWARENESS) {
				const payload = decoding.readVarUint8Array(decoder);
				if (this.spec.role !== 'writer') {
					scanMarkers(payload, MarkerKind.presence, (source, seq, sentAt) =>
						this.onMarker(MarkerKind.presence, source, seq, sentAt)
					);
				}
			} else if (type === MESSAGE_AUTH) {
				decoding.readVarUint(decoder);
				decoding.readVarString(decoder);
				this.refusals += 1;
			} else {
				return; // query-awareness or unknown: nothing follows that we need
			}
		}
	}

	#sync(subtype: number, payload: Uint8Array): void {
		if (subtype === SYNC_STEP1) {
			const reply = this.doc ? Y.encodeStateAsUpdate(this.doc, payload) : EMPTY_UPDATE;
			this.#ws?.send(syncFrame(SYNC_STEP2, reply));
			return;
		}
		const first = subtype === SYNC_STEP2 && this.#synced !== null;
		if (first) this.stateReceivedMs = now() - this.#started;
		if (this.doc) Y.applyUpdate(this.doc, payload, this);
		if (subtype === SYNC_STEP2) {
			if (first && this.#synced) {
				this.stateBytes = payload.length;
				const done = this.#synced;
				this.#synced = null;
				done();
			} else {
				this.#step2Waiters.shift()?.();
			}
			return;
		}
		if (subtype === SYNC_UPDATE && this.spec.role !== 'writer') {
			scanMarkers(payload, MarkerKind.update, (source, seq, sentAt) =>
				this.onMarker(MarkerKind.update, source, seq, sentAt)
			);
		}
	}
}
