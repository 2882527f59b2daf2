import { describe, expect, it } from 'vitest';
import type { ActionItem } from '@debrief/doc';
import { isOverdue, orderFollowUps, planFollowUps } from './follow-up-plan.ts';

const action = (id: string, patch: Partial<ActionItem> = {}): ActionItem => ({
	id,
	title: `Action ${id}`,
	owner: '',
	due: '',
	priority: 'medium',
	status: 'open',
	addresses: [],
	ticket: '',
	author: 'Ada',
	createdAt: '2026-03-02T15:00:00.000Z',
	...patch
});

describe('follow-ups at close', () => {
	it('starts tracking every action of the first close as the room left it', () => {
		const plan = planFollowUps([], null, [action('a', { owner: 'Grace', due: '2026-03-16' })]);
		expect(plan).toEqual({
			upsert: [
				{
					id: null,
					actionId: 'a',
					title: 'Action a',
					owner: 'Grace',
					due: '2026-03-16',
					priority: 'medium',
					status: 'open',
					ticket: ''
				}
			],
			remove: []
		});
	});

	it('keeps edits made after close unless the room changed that field before closing again', () => {
		const previous = [action('a', { owner: 'Grace', status: 'open' })];
		const tracked = [
			{ id: 'f1', actionId: 'a', owner: 'Linus', due: '2026-04-01', status: 'done' }
		];
		// Between the closes the room changed the due date only.
		const current = [action('a', { owner: 'Grace', status: 'open', due: '2026-03-20' })];
		const [row] = planFollowUps(tracked, previous, current).upsert;
		expect(row).toMatchObject({ id: 'f1', owner: 'Linus', status: 'done', due: '2026-03-20' });
	});

	it('drops the rows of actions the room deleted, and adds the new ones', () => {
		const tracked = [{ id: 'f1', actionId: 'a', owner: '', due: '', status: 'open' }];
		const plan = planFollowUps(tracked, [action('a')], [action('b')]);
		expect(plan.remove).toEqual(['f1']);
		expect(plan.upsert.map((r) => [r.id, r.actionId])).toEqual([[null, 'b']]);
	});
});

describe('follow-ups order', () => {
	const item = (id: string, due: string, status = 'open', updatedAt = '2026-03-01T00:00:00Z') => ({
		id,
		due,
		status,
		updatedAt
	});

	it('puts overdue items first, oldest first, then open by due date, then done', () => {
		const items = [
			item('done-old', '2026-01-01', 'done', '2026-03-01T00:00:00Z'),
			item('later', '2026-04-01'),
			item('no-date', ''),
			item('overdue-recent', '2026-03-09'),
			item('done-new', '', 'done', '2026-03-05T00:00:00Z'),
			item('overdue-old', '2026-02-01', 'blocked'),
			item('today', '2026-03-10')
		];
		expect(orderFollowUps(items, '2026-03-10').map((i) => i.id)).toEqual([
			'overdue-old',
			'overdue-recent',
			'today',
			'later',
			'no-date',
			'done-new',
			'done-old'
		]);
	});

	it('never calls a done item or an item without a date overdue', () => {
		expect(isOverdue(item('a', '2026-01-01', 'done'), '2026-03-10')).toBe(false);
		expect(isOverdue(item('a', ''), '2026-03-10')).toBe(false);
		expect(isOverdue(item('a', '2026-03-10'), '2026-03-10')).toBe(false);
		expect(isOverdue(item('a', '2026-03-09'), '2026-03-10')).toBe(true);
	});
});
