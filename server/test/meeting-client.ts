import { decodeMessage, encodeMessage } from '@debrief/sync';
import { and, eq } from 'drizzle-orm';
import { docStates, docUpdates } from '@debrief/db';
import type { Db } from '@debrief/db';
import { WebSocket } from 'ws';
import * as Y from 'yjs';

/**
 * A y-websocket protocol client written by hand, bypassing the UI and the stock provider: it
 * keeps every frame it receives, never re-sends anything by itself, and can throw its document
 * away and load it again from the server (what our web client does after a refusal).
 */
export class RawClient {
	doc = new Y.Doc();
	readonly ws: WebSocket;
	/** Every update the server sent us (sync step 2 and broadcasts), in order. */
	readonly received: Uint8Array[] = [];
	/** Texts of every permission-denied message. */
	readonly refusals: string[] = [];
	closed: { code: number; reason: string } | null = null;
	#synced: Promise<void>;
	#resolveSynced!: () => void;

	private constructor(ws: WebSocket) {
		this.ws = ws;
		this.#synced = this.#newSyncPromise();
		this.#attach(this.doc);
		ws.on('message', (data: ArrayBuffer) => this.#onFrame(new Uint8Array(data)));
		ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
	}

	/** Opens a socket to `url` and completes the sync handshake. */
	static async connect(url: string): Promise<RawClient> {
		const ws = new WebSocket(url);
		ws.binaryType = 'arraybuffer';
		// Listen before 'open': the server's first frame can arrive with the handshake.
		const client = new RawClient(ws);
		await new Promise<void>((resolve, reject) => {
			ws.once('open', () => resolve());
			ws.once('error', reject);
		});
		client.#sendStep1();
		await client.synced();
		return client;
	}

	synced(): Promise<void> {
		return this.#synced;
	}

	/** Changes our document; the change goes to the server as one update message. */
	write(change: (doc: Y.Doc) => void): void {
		this.doc.transact(() => change(this.doc));
	}

	/** Drops the local document and loads the section again from the server, on this socket. */
	async reload(): Promise<void> {
		this.doc.destroy();
		this.doc = new Y.Doc();
		this.#attach(this.doc);
		this.#synced = this.#newSyncPromise();
		this.#sendStep1();
		await this.#synced;
	}

	/** Whether any update we received carries content written by the Yjs client `clientId`. */
	receivedFrom(clientId: number): boolean {
		return this.received.some((u) => updateClients(u).has(clientId));
	}

	close(): void {
		this.ws.close();
		this.doc.destroy();
	}

	#attach(doc: Y.Doc): void {
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === this || this.ws.readyState !== WebSocket.OPEN) return;
			this.ws.send(encodeMessage({ type: 'update', update }));
		});
	}

	#newSyncPromise(): Promise<void> {
		return new Promise((resolve) => (this.#resolveSynced = resolve));
	}

	#sendStep1(): void {
		this.ws.send(
			encodeMessage({ type: 'sync-step-1', stateVector: Y.encodeStateVector(this.doc) })
		);
	}

	#onFrame(frame: Uint8Array): void {
		const decoded = decodeMessage(frame);
		if (!decoded.ok) throw new Error(`server sent a bad frame: ${decoded.reason}`);
		const m = decoded.message;
		switch (m.type) {
			case 'sync-step-1': {
				// Answer with what we have, as the stock client does (our writes happen after sync).
				const update = Y.encodeStateAsUpdate(this.doc, m.stateVector);
				this.ws.send(encodeMessage({ type: 'sync-step-2', update }));
				return;
			}
			case 'sync-step-2':
				this.received.push(m.update);
				Y.applyUpdate(this.doc, m.update, this);
				this.#resolveSynced();
				return;
			case 'update':
				this.received.push(m.update);
				Y.applyUpdate(this.doc, m.update, this);
				return;
			case 'permission-denied':
				this.refusals.push(m.reason);
				return;
			default:
				return;
		}
	}
}

/** The Yjs client ids whose content or deletions an update carries. */
export function updateClients(update: Uint8Array): Set<number> {
	const decoded = Y.decodeUpdate(update);
	const ids = new Set<number>();
	for (const struct of decoded.structs) ids.add(struct.id.client);
	for (const client of decoded.ds.clients.keys()) ids.add(client);
	return ids;
}

/** Every update the database holds for one section: the compacted state and the log. */
export async function storedUpdates(db: Db, boardId: string, section: string) {
	const state = await db
		.select({ state: docStates.state })
		.from(docStates)
		.where(and(eq(docStates.boardId, boardId), eq(docStates.section, section)));
	const log = await db
		.select({ update: docUpdates.update })
		.from(docUpdates)
		.where(and(eq(docUpdates.boardId, boardId), eq(docUpdates.section, section)));
	return [...state.map((r) => r.state), ...log.map((r) => r.update)];
}

/** The document the database holds for one section, rebuilt from state and log. */
export async function storedDoc(db: Db, boardId: string, section: string): Promise<Y.Doc> {
	const doc = new Y.Doc();
	for (const update of await storedUpdates(db, boardId, section)) Y.applyUpdate(doc, update);
	return doc;
}
