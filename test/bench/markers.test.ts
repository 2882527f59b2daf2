import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MarkerKind, SeenSet, formatMarker, scanMarkers } from './markers.ts';

type Found = Array<[number, number, number]>;

function scan(bytes: Uint8Array, kind: MarkerKind = MarkerKind.update): Found {
	const found: Found = [];
	scanMarkers(bytes, kind, (source, seq, sentAt) => found.push([source, seq, sentAt]));
	return found;
}

const ascii = (text: string) => new TextEncoder().encode(text);

describe('scanMarkers', () => {
	it('reads back what formatMarker wrote, with the send time to the microsecond', () => {
		const marker = formatMarker(MarkerKind.update, 12, 345, 1763737200123.456);
		expect(scan(ascii(`noise ${marker} more`))).toEqual([[12, 345, 1763737200123.456]]);
	});

	it('finds only markers of the kind asked for', () => {
		const text = formatMarker('u', 1, 1, 10) + formatMarker('a', 2, 2, 20);
		expect(scan(ascii(text), MarkerKind.presence)).toEqual([[2, 2, 20]]);
	});

	it('skips truncated and malformed markers instead of throwing', () => {
		const good = formatMarker('u', 3, 4, 5.5);
		const text = `~u1:2 ~u1:x:3; ~u:1:2; ~u1:2:3.4.5; ~u1:2:3 ${good} ~u9:9:9`;
		expect(scan(ascii(text))).toEqual([[3, 4, 5.5]]);
	});

	it('finds markers inside Yjs updates of map values and typed text', () => {
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update));
		doc.getMap('bench').set('w1', formatMarker('u', 1, 1, 100.5));
		doc.getText('notes').insert(0, formatMarker('u', 1, 2, 200.25));
		expect(updates.map((u) => scan(u))).toEqual([[[1, 1, 100.5]], [[1, 2, 200.25]]]);
	});

	it('finds every marker in a merge of several writers’ updates (what a coalescing server sends)', () => {
		const updates = [1, 2, 3].map((writer) => {
			const doc = new Y.Doc();
			doc.getText('notes').insert(0, formatMarker('u', writer, 1, writer * 10));
			doc.getText('notes').insert(0, formatMarker('u', writer, 2, writer * 10 + 1));
			return Y.encodeStateAsUpdate(doc);
		});
		const found = scan(Y.mergeUpdates(updates)).map(([source, seq]) => `${source}:${seq}`);
		expect(found.sort()).toEqual(['1:1', '1:2', '2:1', '2:2', '3:1', '3:2']);
	});
});

describe('SeenSet', () => {
	it('counts each (source, seq) once and tells duplicates apart', () => {
		const seen = new SeenSet();
		expect(seen.add(1, 1)).toBe(true);
		expect(seen.add(1, 1)).toBe(false);
		expect(seen.add(2, 1)).toBe(true);
		expect(seen.add(1, 5000)).toBe(true);
		expect([seen.distinct, seen.duplicates]).toEqual([3, 1]);
	});
});
