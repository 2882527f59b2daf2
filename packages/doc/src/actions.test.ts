import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	ActionRefusal,
	addAction,
	causesWithoutAction,
	isDueDate,
	readActions,
	removeAction,
	updateAction,
	votedFactorsWithoutAction
} from './actions.ts';

function exchange(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('action items', () => {
	it('adds an action with defaults and reads it back', () => {
		const doc = new Y.Doc();
		const r = addAction(doc, { title: ' Alert on pool saturation ', author: 'Ana' });
		if (!r.ok) throw new Error(r.reason);
		expect(readActions(doc)).toEqual([
			expect.objectContaining({
				id: r.id,
				title: 'Alert on pool saturation',
				owner: '',
				due: '',
				priority: 'medium',
				status: 'open',
				addresses: [],
				ticket: ''
			})
		]);
	});

	it('refuses an empty title, a date that does not exist, unknown values and a bad ticket link', () => {
		const doc = new Y.Doc();
		const base = { title: 'x', author: 'A' };
		expect(addAction(doc, { ...base, title: '' })).toMatchObject({
			reason: ActionRefusal.emptyTitle
		});
		expect(addAction(doc, { ...base, due: '2026-02-30' })).toMatchObject({
			reason: ActionRefusal.invalidDue
		});
		expect(addAction(doc, { ...base, priority: 'urgent' })).toMatchObject({
			reason: ActionRefusal.unknownPriority
		});
		expect(addAction(doc, { ...base, status: 'maybe' })).toMatchObject({
			reason: ActionRefusal.unknownStatus
		});
		expect(addAction(doc, { ...base, ticket: 'jira-123' })).toMatchObject({
			reason: ActionRefusal.invalidTicket
		});
		expect(readActions(doc)).toEqual([]);
	});

	it('writes only changed fields, so concurrent edits of different fields both land', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const r = addAction(a, { title: 'Raise pool size', author: 'Ana' });
		if (!r.ok) throw new Error(r.reason);
		exchange(a, b);
		updateAction(a, r.id, { owner: 'Bo', status: 'in-progress', addresses: ['c1'] });
		updateAction(b, r.id, {
			due: '2026-03-15',
			ticket: 'https://jira.example.com/OPS-1',
			addresses: ['f1']
		});
		exchange(a, b);
		expect(readActions(b)[0]).toMatchObject({
			owner: 'Bo',
			status: 'in-progress',
			due: '2026-03-15',
			ticket: 'https://jira.example.com/OPS-1',
			addresses: ['c1', 'f1']
		});
	});

	it('removes an action', () => {
		const doc = new Y.Doc();
		const r = addAction(doc, { title: 'x', author: 'A' });
		if (!r.ok) throw new Error(r.reason);
		expect(removeAction(doc, r.id).ok).toBe(true);
		expect(removeAction(doc, r.id)).toEqual({ ok: false, reason: ActionRefusal.notFound });
	});

	it('points out causes that no action addresses', () => {
		const nodes = [
			{ id: 'why', kind: 'why' as const, isRootCause: false },
			{ id: 'c1', kind: 'cause' as const, isRootCause: false },
			{ id: 'h1', kind: 'hypothesis' as const, isRootCause: true },
			{ id: 'c2', kind: 'cause' as const, isRootCause: false }
		];
		const actions = [{ addresses: ['c1'] }];
		expect(causesWithoutAction(nodes, actions).map((n) => n.id)).toEqual(['h1', 'c2']);
		expect(causesWithoutAction(nodes, [{ addresses: ['c1', 'h1', 'c2'] }])).toEqual([]);
	});

	it('lists voted factors with no action, most voted first', () => {
		const factors = [
			{ id: 'f1', votes: 1 },
			{ id: 'f2', votes: 0 },
			{ id: 'f3', votes: 4 },
			{ id: 'f4', votes: 2 }
		];
		const left = votedFactorsWithoutAction(factors, [{ addresses: ['f4'] }]);
		expect(left.map((f) => f.id)).toEqual(['f3', 'f1']);
	});

	it('knows real calendar dates', () => {
		expect(isDueDate('')).toBe(true);
		expect(isDueDate('2028-02-29')).toBe(true);
		expect(isDueDate('2026-02-29')).toBe(false);
		expect(isDueDate('15/03/2026')).toBe(false);
	});
});
