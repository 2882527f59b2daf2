import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeMessage, encodeMessage, isRedundantUpdate, validateUpdate } from './protocol.ts';
import type { Message } from './protocol.ts';

function docWithText(text: string): Y.Doc {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, text);
	return doc;
}

describe('protocol codec', () => {
	const doc = docWithText('hello');
	const messages: Message[] = [
		{ type: 'sync-step-1', stateVector: Y.encodeStateVector(doc) },
		{ type: 'sync-step-2', update: Y.encodeStateAsUpdate(doc) },
		{ type: 'update', update: Y.encodeStateAsUpdate(doc) },
		{ type: 'awareness', update: new Uint8Array([1, 2, 3]) },
		{ type: 'query-awareness' },
		{ type: 'permission-denied', reason: 'locked:timeline' }
	];

	it.each(messages.map((m) => [m.type, m] as const))('round-trips %s', (_type, message) => {
		expect(decodeMessage(encodeMessage(message))).toEqual({ ok: true, message });
	});

	it('encodes exactly like y-protocols', async () => {
		const encoding = await import('lib0/encoding');
		const sync = await import('y-protocols/sync');
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 0);
		sync.writeSyncStep1(encoder, doc);
		expect(encodeMessage(messages[0]!)).toEqual(encoding.toUint8Array(encoder));
	});

	it('frames payloads of every length form exactly as lib0 does', async () => {
		const encoding = await import('lib0/encoding');
		for (const length of [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152]) {
			const update = new Uint8Array(length).fill(length % 200);
			for (const [message, tags] of [
				[{ type: 'update', update }, [0, 2]],
				[{ type: 'sync-step-2', update }, [0, 1]],
				[{ type: 'awareness', update }, [1]]
			] as const) {
				const encoder = encoding.createEncoder();
				for (const tag of tags) encoding.writeVarUint(encoder, tag);
				encoding.writeVarUint8Array(encoder, update);
				const ours = Buffer.from(encodeMessage(message));
				const theirs = Buffer.from(encoding.toUint8Array(encoder));
				expect(ours.length).toBe(theirs.length);
				expect(ours.equals(theirs)).toBe(true);
			}
		}
	});

	it('refuses an unknown message type with a reason', () => {
		const result = decodeMessage(new Uint8Array([9]));
		expect(result).toEqual({ ok: false, reason: 'unknown message type 9' });
	});

	it('refuses an unknown sync message type', () => {
		expect(decodeMessage(new Uint8Array([0, 7, 0])).ok).toBe(false);
	});

	it('refuses a truncated message', () => {
		const frame = encodeMessage(messages[1]!);
		const result = decodeMessage(frame.slice(0, frame.length - 3));
		expect(result.ok).toBe(false);
	});

	it('refuses trailing bytes after a message', () => {
		const frame = encodeMessage({ type: 'query-awareness' });
		expect(decodeMessage(new Uint8Array([...frame, 0])).ok).toBe(false);
	});

	it('refuses an empty frame', () => {
		expect(decodeMessage(new Uint8Array()).ok).toBe(false);
	});

	it('never throws on random bytes (seeded)', () => {
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
		for (let i = 0; i < 2000; i++) {
			const frame = new Uint8Array(Math.floor(random() * 64));
			for (let j = 0; j < frame.length; j++) frame[j] = Math.floor(random() * 256);
			const result = decodeMessage(frame);
			if (result.ok && 'update' in result.message) validateUpdate(result.message.update);
		}
	});
});

describe('validateUpdate', () => {
	it('accepts a real update', () => {
		expect(validateUpdate(Y.encodeStateAsUpdate(docWithText('x')))).toEqual({ ok: true });
	});

	it('refuses a truncated update', () => {
		const update = Y.encodeStateAsUpdate(docWithText('a longer piece of text'));
		expect(validateUpdate(update.slice(0, update.length - 4)).ok).toBe(false);
	});
});

describe('isRedundantUpdate', () => {
	it('sees that a copy of the same state changes nothing', () => {
		const doc = docWithText('abc');
		doc.getText('t').delete(0, 1);
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		// A sync step 2 against our state vector: no structs, but the whole delete set.
		const step2 = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc));
		expect(isRedundantUpdate(doc, step2)).toBe(true);
	});

	it('sees a new insertion', () => {
		const doc = docWithText('abc');
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		copy.getText('t').insert(0, 'z');
		expect(isRedundantUpdate(doc, Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc)))).toBe(
			false
		);
	});

	it('sees a new deletion', () => {
		const doc = docWithText('abc');
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		copy.getText('t').delete(1, 1);
		expect(isRedundantUpdate(doc, Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc)))).toBe(
			false
		);
	});
});
