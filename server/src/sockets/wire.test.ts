import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { sendBinary, wireFrame } from './wire.ts';

describe('wireFrame', () => {
	it('uses the 7-bit, 16-bit and 64-bit length forms at their bounds', () => {
		for (const [length, head] of [
			[0, 2],
			[125, 2],
			[126, 4],
			[65535, 4],
			[65536, 10],
			[200_000, 10]
		] as const) {
			const payload = new Uint8Array(length).fill(length % 251);
			const frame = wireFrame(payload);
			expect(frame.length).toBe(head + length);
			expect(frame[0]).toBe(0x82);
			if (head === 2) expect(frame[1]).toBe(length);
			if (head === 4) expect([frame[1], frame.readUInt16BE(2)]).toEqual([126, length]);
			if (head === 10) expect([frame[1], frame.readBigUInt64BE(2)]).toEqual([127, BigInt(length)]);
			expect(frame.subarray(head).equals(Buffer.from(payload))).toBe(true);
		}
	});

	it('frames a payload once for a whole broadcast, and again for the next payload', () => {
		const one = new Uint8Array([1, 2, 3]);
		const two = new Uint8Array([1, 2, 3]);
		expect(wireFrame(one)).toBe(wireFrame(one));
		expect(wireFrame(two)).not.toBe(wireFrame(one));
	});
});

describe('sendBinary', () => {
	let server: WebSocketServer;
	let url: string;
	const accepted: WebSocket[] = [];

	beforeAll(async () => {
		server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
		server.on('connection', (socket) => accepted.push(socket));
		await new Promise((resolve) => server.once('listening', resolve));
		url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		for (const socket of accepted) socket.terminate();
		await new Promise((resolve) => server.close(resolve));
	});

	async function connect(): Promise<{ client: WebSocket; peer: WebSocket; got: Buffer[] }> {
		const before = accepted.length;
		const client = new WebSocket(url);
		const got: Buffer[] = [];
		client.on('message', (data: Buffer, binary: boolean) => {
			expect(binary).toBe(true);
			got.push(data);
		});
		await new Promise((resolve) => client.once('open', resolve));
		while (accepted.length === before) await new Promise((resolve) => setTimeout(resolve, 1));
		return { client, peer: accepted[before]!, got };
	}

	it('delivers the same messages to several readers, in order, as ws itself would', async () => {
		const readers = [await connect(), await connect(), await connect()];
		const messages = [new Uint8Array([0, 1]), new Uint8Array(300).fill(9), new Uint8Array(70_000)];
		for (const message of messages) for (const { peer } of readers) sendBinary(peer, message);
		// Interleaved with ws's own sends, the order still holds.
		for (const { peer } of readers) peer.send(new Uint8Array([7]));
		for (const { got } of readers) {
			while (got.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
			expect(got.map((b) => b.length)).toEqual([2, 300, 70_000, 1]);
			expect(got[1]!.every((byte) => byte === 9)).toBe(true);
		}
		for (const { client } of readers) client.close();
	});

	it('lets ws send while it has a frame of its own queued, so nothing overtakes it', async () => {
		const { client, peer, got } = await connect();
		const sender = (peer as unknown as { _sender: { _queue: unknown[] } })._sender;
		// The fields the fast path reads must exist in the ws version we ship.
		expect(Array.isArray(sender._queue)).toBe(true);
		sender._queue.push(null);
		const sent: unknown[] = [];
		const original = peer.send.bind(peer);
		peer.send = ((data: unknown) => sent.push(data)) as typeof peer.send;
		sendBinary(peer, new Uint8Array([5]));
		expect(sent).toHaveLength(1);
		sender._queue.pop();
		peer.send = original;
		sendBinary(peer, new Uint8Array([6]));
		while (got.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
		expect([...got[0]!]).toEqual([6]);
		client.close();
	});

	it('sends nothing once the socket is closing', async () => {
		const { client, peer, got } = await connect();
		peer.close(1000, 'bye');
		sendBinary(peer, new Uint8Array([1]));
		await new Promise((resolve) => client.once('close', resolve));
		expect(got).toHaveLength(0);
	});
});
