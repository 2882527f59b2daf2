import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { decodeMessage, encodeMessage } from './protocol.ts';
import type { Message } from './protocol.ts';
import type { Peer, Room } from './room.ts';

/**
 * An in-memory protocol client for tests: its own Y.Doc, speaking to a Room like the stock
 * y-websocket client does (sync step 1 on connect, answer step 1 with step 2, send updates).
 */
export class TestPeer implements Peer {
	readonly doc = new Y.Doc();
	readonly received: Message[] = [];
	closed: { code: number; reason: string } | null = null;
	buffered = 0;
	#room: Room;

	constructor(
		room: Room,
		readonly id: string,
		readonly canWrite = true
	) {
		this.#room = room;
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== this && !this.closed) {
				this.#room.receive(this, encodeMessage({ type: 'update', update }));
			}
		});
	}

	connect(): this {
		this.#room.join(this);
		this.#room.receive(
			this,
			encodeMessage({ type: 'sync-step-1', stateVector: Y.encodeStateVector(this.doc) })
		);
		return this;
	}

	send(frame: Uint8Array): void {
		const decoded = decodeMessage(frame);
		if (!decoded.ok) throw new Error(decoded.reason);
		const message = decoded.message;
		this.received.push(message);
		if (message.type === 'sync-step-1') {
			const update = Y.encodeStateAsUpdate(this.doc, message.stateVector);
			this.#room.receive(this, encodeMessage({ type: 'sync-step-2', update }));
		} else if (message.type === 'sync-step-2' || message.type === 'update') {
			Y.applyUpdate(this.doc, message.update, this);
		}
	}

	sendAwareness(state: Record<string, unknown>): void {
		const awareness = new awarenessProtocol.Awareness(this.doc);
		awareness.setLocalState(state);
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [this.doc.clientID]);
		awareness.destroy();
		this.#room.receive(this, encodeMessage({ type: 'awareness', update }));
	}

	raw(frame: Uint8Array): void {
		this.#room.receive(this, frame);
	}

	close(code: number, reason: string): void {
		this.closed = { code, reason };
	}

	bufferedAmount(): number {
		return this.buffered;
	}

	refusals(): string[] {
		return this.received.flatMap((m) => (m.type === 'permission-denied' ? [m.reason] : []));
	}
}
