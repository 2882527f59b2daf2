import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeMessage, encodeMessage } from './protocol.ts';
import { Room } from './room.ts';
import type { Peer } from './room.ts';

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function prng(seed: number) {
	let a = seed;
	return () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A client over a simulated socket: frames in each direction are queued and delivered in order,
 * at random moments. On a refusal it does what our web client does: drops its copy and reloads.
 */
class FuzzClient implements Peer {
	doc = new Y.Doc();
	inbox: Uint8Array[] = [];
	outbox: Uint8Array[] = [];
	connected = false;
	refused = 0;
	canWrite = true;

	constructor(
		readonly id: string,
		readonly room: Room
	) {
		this.#watch();
	}

	#watch(): void {
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'net' && this.connected)
				this.outbox.push(encodeMessage({ type: 'update', update }));
		});
	}

	connect(): void {
		this.connected = true;
		this.inbox = [];
		this.outbox = [
			encodeMessage({ type: 'sync-step-1', stateVector: Y.encodeStateVector(this.doc) })
		];
		this.room.join(this);
	}

	disconnect(): void {
		this.connected = false;
		this.room.leave(this);
		this.inbox = [];
		this.outbox = [];
	}

	/** The client's answer to a refusal: throw the section away and load it again. */
	reload(): void {
		this.disconnect();
		this.doc.destroy();
		this.doc = new Y.Doc();
		this.#watch();
		this.connect();
	}

	send(frame: Uint8Array): void {
		if (this.connected) this.inbox.push(frame);
	}
	close(): void {
		this.disconnect();
	}
	bufferedAmount(): number {
		return 0;
	}

	deliverIn(): void {
		const frame = this.inbox.shift();
		if (!frame) return;
		const decoded = decodeMessage(frame);
		if (!decoded.ok) throw new Error(decoded.reason);
		const message = decoded.message;
		if (message.type === 'sync-step-1') {
			const update = Y.encodeStateAsUpdate(this.doc, message.stateVector);
			this.outbox.push(encodeMessage({ type: 'sync-step-2', update }));
		} else if (message.type === 'sync-step-2' || message.type === 'update') {
			Y.applyUpdate(this.doc, message.update, 'net');
		} else if (message.type === 'permission-denied') {
			this.refused += 1;
			this.reload();
		}
	}

	deliverOut(): void {
		const frame = this.outbox.shift();
		if (frame) this.room.receive(this, frame);
	}
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** `coalesce: 'turn'` gathers fan-out per event-loop turn, so the run then yields turns at random. */
async function run(seed: number, coalesce?: 'turn') {
	const random = prng(seed);
	const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
	const room = new Room({ section: 'timeline', load: async () => [], coalesce });
	const clients = Array.from({ length: 4 }, (_, i) => new FuzzClient(`c${i}`, room));
	let changedWhileLocked = 0;
	room.doc.on('update', () => {
		if (room.locked) changedWhileLocked += 1;
	});
	await room.ready;
	for (const client of clients) client.connect();
	for (let steps = 0; steps < 600; steps++) {
		if (coalesce && random() < 0.1) await nextTurn();
		const client = pick(clients);
		const roll = random();
		if (roll < 0.3) client.deliverIn();
		else if (roll < 0.6) client.deliverOut();
		else if (roll < 0.85 && client.connected) {
			const text = client.doc.getText('t');
			const mark = `${client.id}-${steps};`;
			if (random() < 0.7 || text.length === 0)
				text.insert(Math.floor(random() * (text.length + 1)), mark);
			else text.delete(Math.floor(random() * text.length), 1);
		} else if (roll < 0.9) {
			if (client.connected) client.disconnect();
			else client.connect();
		} else if (roll < 0.95) {
			room.setLocked(!room.locked);
		}
	}
	// Quiet period: unlock, reconnect everyone, deliver everything.
	room.setLocked(false);
	for (const client of clients) if (!client.connected) client.connect();
	for (let round = 0; round < 200; round++) {
		if (coalesce) await nextTurn();
		for (const client of clients) {
			while (client.outbox.length) client.deliverOut();
			while (client.inbox.length) client.deliverIn();
		}
	}
	return { room, clients, changedWhileLocked };
}

describe.each([undefined, 'turn'] as const)(
	'Room convergence (seeded fuzz, coalesce %s)',
	(coalesce) => {
		it.each([1, 2, 3, 4, 5, 6, 7, 8])(
			'converges with reconnects and lock toggles (seed %i)',
			async (seed) => {
				const { room, clients, changedWhileLocked } = await run(seed, coalesce);
				const expected = room.doc.getText('t').toString();
				for (const client of clients) expect(client.doc.getText('t').toString()).toBe(expected);
				// While the section was locked, nothing changed the server's document.
				expect(changedWhileLocked).toBe(0);
				expect(expected.length).toBeGreaterThan(0);
				// The run really exercised refusals (and the reload that follows them).
				expect(clients.reduce((sum, c) => sum + c.refused, 0)).toBeGreaterThan(0);
			}
		);
	}
);
