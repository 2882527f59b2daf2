import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const Opcode = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

/**
 * A minimal RFC 6455 client over a TCP socket, for load generation.
 *
 * Why not `ws`: one load process on one core has to absorb hundreds of thousands of small frames
 * per second in the capacity scenario. Here a frame costs a header read and, for clients that
 * only need to keep their socket drained (`discard`), nothing else, so the clients give out long
 * after the servers do. Server frames must be unmasked and are never compressed (neither server
 * negotiates permessage-deflate, and we do not offer it).
 */
export class RawWebSocket {
	/** Binary or text messages (payload views into the receive buffer: copy to keep). */
	onMessage: (payload: Buffer) => void = () => {};
	/** Called once: the close code the server sent, or 1006 when the connection just ended. */
	onClose: (code: number) => void = () => {};
	/** When set, data frames are skipped without being handed out (control frames still work). */
	discard = false;
	#socket: Socket | null = null;
	#pending: Buffer | null = null;
	#fragments: Buffer[] = [];
	#closeCode: number | null = null;
	#closed = false;

	get open(): boolean {
		return this.#socket !== null && !this.#closed;
	}

	/**
	 * Opens `ws://host:port/path`; rejects on any answer but 101 or after `timeoutMs`. Set the
	 * handlers first: frames that came in the same packet as the answer are handed out at once.
	 */
	connect(url: string, timeoutMs = 30_000): Promise<void> {
		const target = new URL(url);
		const key = randomBytes(16).toString('base64');
		const accept = createHash('sha1')
			.update(key + GUID)
			.digest('base64');
		return new Promise((resolve, reject) => {
			const socket = connect({ host: target.hostname, port: Number(target.port || 80) });
			socket.setNoDelay(true);
			const timer = setTimeout(
				() => fail(new Error(`no upgrade within ${timeoutMs} ms`)),
				timeoutMs
			);
			let head = Buffer.alloc(0);
			const fail = (error: Error) => {
				clearTimeout(timer);
				socket.destroy();
				reject(error);
			};
			const onData = (chunk: Buffer) => {
				head = Buffer.concat([head, chunk]);
				const end = head.indexOf('\r\n\r\n');
				if (end < 0) return;
				socket.off('data', onData);
				socket.off('error', fail);
				clearTimeout(timer);
				const lines = head.subarray(0, end).toString('latin1').split('\r\n');
				if (!/^HTTP\/1\.1 101/.test(lines[0] ?? '')) {
					return fail(new Error(`upgrade refused: ${lines[0]}`));
				}
				const acceptLine = lines.find((l) => /^sec-websocket-accept:/i.test(l));
				if (acceptLine?.split(':')[1]?.trim() !== accept) {
					return fail(new Error('upgrade answered with a wrong Sec-WebSocket-Accept'));
				}
				this.#socket = socket;
				socket.on('close', () => this.#finish(this.#closeCode ?? 1006));
				socket.on('error', () => this.#finish(this.#closeCode ?? 1006));
				socket.on('data', (data: Buffer) => this.#receive(data));
				resolve();
				const rest = head.subarray(end + 4);
				if (rest.length > 0) this.#receive(rest);
			};
			socket.on('data', onData);
			socket.once('error', fail);
			socket.write(
				`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
					'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
					`Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`
			);
		});
	}

	/** Sends one binary message (masked, as clients must). */
	send(payload: Uint8Array): void {
		if (!this.open) return;
		this.#socket!.write(frame(Opcode.binary, payload));
	}

	/** Starts the closing handshake; the socket ends when the server answers (or at once if gone). */
	close(code = 1000): void {
		if (!this.open) return;
		const body = Buffer.alloc(2);
		body.writeUInt16BE(code);
		this.#socket!.end(frame(Opcode.close, body));
		this.#closeCode ??= code;
	}

	#finish(code: number): void {
		if (this.#closed) return;
		this.#closed = true;
		this.#socket?.destroy();
		this.onClose(code);
	}

	#receive(chunk: Buffer): void {
		let buf = this.#pending ? Buffer.concat([this.#pending, chunk]) : chunk;
		this.#pending = null;
		let at = 0;
		while (buf.length - at >= 2) {
			const b0 = buf[at]!;
			const b1 = buf[at + 1]!;
			let length = b1 & 0x7f;
			let header = 2;
			if (length === 126) {
				if (buf.length - at < 4) break;
				length = buf.readUInt16BE(at + 2);
				header = 4;
			} else if (length === 127) {
				if (buf.length - at < 10) break;
				length = buf.readUInt32BE(at + 2) * 2 ** 32 + buf.readUInt32BE(at + 6);
				header = 10;
			}
			if (b1 & 0x80) return this.#protocolError('server frames must not be masked');
			if (buf.length - at < header + length) break;
			const payload = buf.subarray(at + header, at + header + length);
			at += header + length;
			this.#frame(b0 & 0x0f, (b0 & 0x80) !== 0, payload);
			if (this.#closed) return;
		}
		if (at < buf.length) {
			// Keep only the unparsed tail; a copy, so the big chunk it came from can be freed.
			buf = buf.subarray(at);
			this.#pending = Buffer.from(buf);
		}
	}

	#frame(opcode: number, fin: boolean, payload: Buffer): void {
		switch (opcode) {
			case Opcode.ping:
				this.#socket?.write(frame(Opcode.pong, payload));
				return;
			case Opcode.pong:
				return;
			case Opcode.close: {
				const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
				this.#closeCode ??= code;
				if (this.#socket && !this.#socket.writableEnded)
					this.#socket.end(frame(Opcode.close, payload.subarray(0, 2)));
				this.#finish(code);
				return;
			}
			case Opcode.binary:
			case Opcode.text:
			case Opcode.continuation: {
				if (this.discard && fin && this.#fragments.length === 0) return;
				if (!fin) {
					this.#fragments.push(Buffer.from(payload));
					return;
				}
				const message =
					this.#fragments.length > 0 ? Buffer.concat([...this.#fragments, payload]) : payload;
				this.#fragments = [];
				if (!this.discard) this.onMessage(message);
				return;
			}
			default:
				this.#protocolError(`unknown opcode ${opcode}`);
		}
	}

	#protocolError(reason: string): void {
		this.#closeCode = 1002;
		this.#socket?.destroy(new Error(reason));
	}
}

/** One final frame from a client: masked with a random key, as RFC 6455 requires. */
export function frame(opcode: number, payload: Uint8Array): Buffer {
	const length = payload.length;
	const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
	const out = Buffer.allocUnsafe(header + 4 + length);
	out[0] = 0x80 | opcode;
	if (header === 2) out[1] = 0x80 | length;
	else if (header === 4) {
		out[1] = 0x80 | 126;
		out.writeUInt16BE(length, 2);
	} else {
		out[1] = 0x80 | 127;
		out.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
		out.writeUInt32BE(length >>> 0, 6);
	}
	const mask = randomBytes(4);
	mask.copy(out, header);
	const body = header + 4;
	for (let i = 0; i < length; i++) out[body + i] = payload[i]! ^ mask[i & 3]!;
	return out;
}
