import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareState, describeState } from './heal.ts';

function pair() {
	const a = new Y.Doc();
	a.getText('t').insert(0, 'shared text');
	const b = new Y.Doc();
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	return { a, b };
}

describe('the exchange between instances', () => {
	it('asks for nothing when both hold the same state', () => {
		const { a, b } = pair();
		expect(compareState(a, describeState(b))).toEqual({ send: null, ask: false });
	});

	it('sends an insertion the other missed, and the other asks for it', () => {
		const { a, b } = pair();
		a.getText('t').insert(0, 'new ');
		const fromA = compareState(a, describeState(b));
		expect(fromA.send).not.toBeNull();
		expect(compareState(b, describeState(a))).toEqual({ send: null, ask: true });
		Y.applyUpdate(b, fromA.send!);
		expect(b.getText('t').toString()).toBe('new shared text');
	});

	it('heals a lost deletion, which a state vector alone cannot see', () => {
		const { a, b } = pair();
		a.getText('t').delete(0, 7);
		expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
		const fromA = compareState(a, describeState(b));
		expect(fromA.send).not.toBeNull();
		Y.applyUpdate(b, fromA.send!);
		expect(b.getText('t').toString()).toBe('text');
		expect(compareState(a, describeState(b))).toEqual({ send: null, ask: false });
	});
});
