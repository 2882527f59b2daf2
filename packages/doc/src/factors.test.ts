import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addFactor,
	FactorRefusal,
	MAX_VOTES_PER_PERSON,
	readFactors,
	removeFactor,
	updateFactor,
	voteFactor,
	votesLeft
} from './factors.ts';

function exchange(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function add(doc: Y.Doc, text: string, createdAt: string): string {
	const r = addFactor(doc, { text, author: 'Ana', createdAt, category: 'monitoring' });
	if (!r.ok) throw new Error(r.reason);
	return r.id;
}

describe('contributing factors', () => {
	it('reads factors in the order raised, with category, links and no votes', () => {
		const doc = new Y.Doc();
		const late = add(doc, 'No alert on pool saturation', '2026-03-01T15:00:00Z');
		const early = addFactor(doc, {
			text: 'Canary too short',
			author: 'Bo',
			causeIds: ['c1', 'c1'],
			createdAt: '2026-03-01T14:00:00Z'
		});
		if (!early.ok) throw new Error(early.reason);
		const factors = readFactors(doc);
		expect(factors.map((f) => f.id)).toEqual([early.id, late]);
		expect(factors[0]).toMatchObject({
			category: 'other',
			causeIds: ['c1'],
			votes: 0,
			author: 'Bo'
		});
		expect(factors[1]).toMatchObject({ category: 'monitoring' });
	});

	it('refuses empty text and unknown categories', () => {
		const doc = new Y.Doc();
		expect(addFactor(doc, { text: ' ', author: 'A' })).toEqual({
			ok: false,
			reason: FactorRefusal.emptyText
		});
		expect(addFactor(doc, { text: 'x', author: 'A', category: 'luck' })).toEqual({
			ok: false,
			reason: FactorRefusal.unknownCategory
		});
	});

	it('updates text, category and linked causes, keeping a concurrent link', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const id = add(a, 'Runbook out of date', '2026-03-01T14:00:00Z');
		exchange(a, b);
		updateFactor(a, id, { causeIds: ['c1'], category: 'process' });
		updateFactor(b, id, { causeIds: ['c2'] });
		exchange(a, b);
		expect(readFactors(a)[0]).toMatchObject({ causeIds: ['c1', 'c2'], category: 'process' });
		updateFactor(a, id, { causeIds: ['c2'] });
		expect(readFactors(a)[0]!.causeIds).toEqual(['c2']);
	});

	it(`gives each person ${MAX_VOTES_PER_PERSON} dots, stackable, and lets them take one back`, () => {
		const doc = new Y.Doc();
		const f1 = add(doc, 'one', '1');
		const f2 = add(doc, 'two', '2');
		expect(voteFactor(doc, f1, 'ana', 1)).toEqual({ ok: true, left: 2 });
		expect(voteFactor(doc, f1, 'ana', 1)).toEqual({ ok: true, left: 1 });
		expect(voteFactor(doc, f2, 'ana', 1)).toEqual({ ok: true, left: 0 });
		expect(voteFactor(doc, f2, 'ana', 1)).toEqual({ ok: false, reason: FactorRefusal.noVotesLeft });
		expect(voteFactor(doc, f2, 'bo', 1).ok).toBe(true);
		let factors = readFactors(doc);
		expect(factors.map((f) => f.votes)).toEqual([2, 2]);
		expect(votesLeft(factors, 'ana')).toBe(0);
		expect(votesLeft(factors, 'bo')).toBe(2);
		expect(voteFactor(doc, f1, 'ana', -1)).toEqual({ ok: true, left: 1 });
		expect(voteFactor(doc, f1, 'bo', -1)).toEqual({
			ok: false,
			reason: FactorRefusal.noVoteToTake
		});
		factors = readFactors(doc);
		expect(factors[0]!.voters).toEqual({ ana: 1 });
	});

	it('counts votes cast at the same time by different people', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const id = add(a, 'one', '1');
		exchange(a, b);
		voteFactor(a, id, 'ana', 1);
		voteFactor(b, id, 'bo', 1);
		exchange(a, b);
		expect(readFactors(b)[0]!.votes).toBe(2);
	});

	it('removes a factor', () => {
		const doc = new Y.Doc();
		const id = add(doc, 'one', '1');
		expect(removeFactor(doc, id).ok).toBe(true);
		expect(readFactors(doc)).toEqual([]);
		expect(removeFactor(doc, id)).toEqual({ ok: false, reason: FactorRefusal.notFound });
	});
});
