import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { RawWebSocket, frame } from './ws-client.ts';

function unmask(bytes: Buffer): { opcode: number; payload: Buffer } {
	let length = bytes[1]! & 0x7f;
	let at = 2;
	if (length === 126) [length, at] = [bytes.readUInt16BE(2), 4];
	else if (length === 127) [length, at] = [bytes.readUInt32BE(6), 10];
	const mask = bytes.subarray(at, at + 4);
	const payload = Buffer.from(bytes.subarray(at + 4, at + 4 + length));
	for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i & 3]!;
	return { opcode: bytes[0]! & 0x0f, payload };
}

describe('frame', () => {
	it.each([0, 125, 126, 65_535, 65_536])('masks a %i-byte payload that unmasks to itself', (n) => {
		const payload = Buffer.alloc(n, 7);
		const bytes = frame(2, payload);
		expect(bytes[0]).toBe(0x82);
		expect(bytes[1]! & 0x80).toBe(0x80);
		expect(unmask(bytes).payload.equals(payload)).toBe(true);
	});
});

describe('RawWebSocket against the ws server', () => {
	let server: WebSocketServer;
	let url = '';
	let latest: WebSocket | null = null;

	beforeAll(async () => {
		server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
		await new Promise((resolve) => server.once('listening', resolve));
		url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/room?x=1`;
		server.on('connection', (socket, request) => {
			latest = socket;
			// Sent at once, so it can share a packet with the upgrade answer.
			socket.send(Buffer.from(request.url ?? ''));
			socket.on('message', (data: Buffer) => {
				const text = data.toString();
				if (text === 'close') socket.close(4403, 'bye');
				else if (text === 'ping') socket.ping();
				else socket.send(data);
			});
		});
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('sends and receives binary messages of every length class', async () => {
		const client = new RawWebSocket();
		const received: Buffer[] = [];
		const done = new Promise<void>((resolve) => {
			client.onMessage = (payload) => {
				received.push(Buffer.from(payload));
				if (received.length === 4) resolve();
			};
		});
		await client.connect(url);
		for (const n of [10, 300, 70_000]) client.send(Buffer.alloc(n, n % 251));
		await done;
		expect(received[0]!.toString()).toBe('/room?x=1');
		expect(received.slice(1).map((b) => [b.length, b[0]])).toEqual([
			[10, 10],
			[300, 300 % 251],
			[70_000, 70_000 % 251]
		]);
		client.close();
	});

	it('answers pings and reports the close code the server sent', async () => {
		const client = new RawWebSocket();
		const greeted = new Promise<void>((resolve) => (client.onMessage = () => resolve()));
		await client.connect(url);
		await greeted;
		const pong = new Promise<void>((resolve) => latest!.once('pong', () => resolve()));
		client.send(Buffer.from('ping'));
		await pong;
		const closed = new Promise<number>((resolve) => (client.onClose = resolve));
		client.send(Buffer.from('close'));
		expect(await closed).toBe(4403);
		expect(client.open).toBe(false);
	});

	it('rejects an upgrade the server refuses, naming the status', async () => {
		const refusing = createServer();
		refusing.on('upgrade', (_request, socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
		await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
		const port = (refusing.address() as AddressInfo).port;
		await expect(new RawWebSocket().connect(`ws://127.0.0.1:${port}/x`, 2000)).rejects.toThrow(
			'upgrade refused: HTTP/1.1 403 Forbidden'
		);
		refusing.close();
	});
});
