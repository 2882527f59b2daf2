import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The y-websocket wire format (y-protocols sync, awareness and auth), as a discriminated union.
 * Numbers match y-protocols and the stock `y-websocket` client.
 */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

export type Message =
	| { type: 'sync-step-1'; stateVector: Uint8Array }
	| { type: 'sync-step-2'; update: Uint8Array }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' }
	| { type: 'permission-denied'; reason: string };

export type DecodeResult = { ok: true; message: Message } | { ok: false; reason: string };

/**
 * Decodes one frame. Strict: the whole frame must be exactly one message (the stock client never
 * sends more), state vectors must decode, and anything else is refused with a reason, never thrown.
 * Yjs updates are only framed here; `validateUpdate` checks their content.
 */
export function decodeMessage(frame: Uint8Array): DecodeResult {
	try {
		const decoder = decoding.createDecoder(frame);
		const message = readMessage(decoder);
		if (typeof message === 'string') return { ok: false, reason: message };
		if (decoding.hasContent(decoder)) return { ok: false, reason: 'trailing bytes after message' };
		return { ok: true, message };
	} catch (error) {
		return { ok: false, reason: `malformed frame: ${(error as Error).message}` };
	}
}

function readMessage(decoder: decoding.Decoder): Message | string {
	const type = decoding.readVarUint(decoder);
	switch (type) {
		case MessageType.Sync: {
			const syncType = decoding.readVarUint(decoder);
			const payload = decoding.readVarUint8Array(decoder);
			if (syncType === SyncType.Step1) {
				Y.decodeStateVector(payload); // throws on a malformed vector
				return { type: 'sync-step-1', stateVector: payload };
			}
			if (syncType === SyncType.Step2) return { type: 'sync-step-2', update: payload };
			if (syncType === SyncType.Update) return { type: 'update', update: payload };
			return `unknown sync message type ${syncType}`;
		}
		case MessageType.Awareness:
			return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
		case MessageType.QueryAwareness:
			return { type: 'query-awareness' };
		case MessageType.Auth: {
			const authType = decoding.readVarUint(decoder);
			if (authType !== 0) return `unknown auth message type ${authType}`;
			return { type: 'permission-denied', reason: decoding.readVarString(decoder) };
		}
		default:
			return `unknown message type ${type}`;
	}
}

/** Encodes one message as a frame. */
export function encodeMessage(message: Message): Uint8Array {
	switch (message.type) {
		case 'sync-step-1':
			return withPayload([MessageType.Sync, SYNC_TYPE_OF[message.type]], message.stateVector);
		case 'sync-step-2':
		case 'update':
			return withPayload([MessageType.Sync, SYNC_TYPE_OF[message.type]], message.update);
		case 'awareness':
			return withPayload([MessageType.Awareness], message.update);
		case 'query-awareness':
			return Uint8Array.of(MessageType.QueryAwareness);
		case 'permission-denied': {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MessageType.Auth);
			encoding.writeVarUint(encoder, 0);
			encoding.writeVarString(encoder, message.reason);
			return encoding.toUint8Array(encoder);
		}
	}
}

/**
 * The tags and the payload's length through lib0's encoder, then the payload, in one allocation
 * and one copy (lib0 alone copies a payload twice: into its chunks, then into the result; a
 * whole document for a newcomer is megabytes).
 */
function withPayload(tags: number[], payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	for (const tag of tags) encoding.writeVarUint(encoder, tag);
	encoding.writeVarUint(encoder, payload.length);
	const head = encoding.toUint8Array(encoder);
	const frame = new Uint8Array(head.length + payload.length);
	frame.set(head, 0);
	frame.set(payload, head.length);
	return frame;
}

const SYNC_TYPE_OF = {
	'sync-step-1': SyncType.Step1,
	'sync-step-2': SyncType.Step2,
	update: SyncType.Update
} as const;

/**
 * Checks that a Yjs update decodes completely. Yjs integrates structs before it reads the delete
 * set, so a truncated update applied directly could change the document halfway and then throw;
 * this parses the whole update first, without touching any document.
 */
export function validateUpdate(update: Uint8Array): { ok: true } | { ok: false; reason: string } {
	try {
		Y.decodeUpdate(update);
		return { ok: true };
	} catch (error) {
		return { ok: false, reason: `malformed update: ${(error as Error).message}` };
	}
}

/**
 * True when applying `update` would not change `doc`: every struct is already there and every
 * deletion already happened. A read-only peer's sync step 2 is such an update (it always carries
 * the whole delete set), and must not count as a refused write.
 */
export function isRedundantUpdate(doc: Y.Doc, update: Uint8Array): boolean {
	return Y.snapshotContainsUpdate(Y.snapshot(doc), update);
}
