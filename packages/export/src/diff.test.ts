import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './diff.ts';
import { fixtureContent } from './fixtures/board.ts';

const twoRevisions = () => {
	const before = fixtureContent();
	const after = fixtureContent({ revision: 2 });
	return { before, after };
};

describe('diff between revisions', () => {
	it('finds nothing between two revisions with the same content, whatever the list order', () => {
		const { before, after } = twoRevisions();
		after.timeline.reverse();
		after.actions.reverse();
		const diff = diffSnapshots(before, after);
		expect(diff).toEqual({ from: 1, to: 2, sections: [], count: 0 });
	});

	it('names exactly what was added, removed and changed, by id, per section', () => {
		const { before, after } = twoRevisions();
		after.overview.texts.summary = 'A shorter summary.';
		after.timeline = after.timeline.filter((e) => e.id !== 'fx0010');
		after.timeline.push({
			id: 'new1',
			at: '2026-03-02T14:50:00Z',
			kind: 'note',
			text: 'Post-incident check',
			source: '',
			author: 'Ada'
		});
		after.actions[1] = { ...after.actions[1]!, owner: 'Grace Hopper', status: 'in-progress' };
		after.rca[1] = { ...after.rca[1]!, isRootCause: false };

		const diff = diffSnapshots(before, after);
		expect(diff.count).toBe(5);
		const bySection = Object.fromEntries(diff.sections.map((s) => [s.section, s.changes]));
		expect(bySection.overview).toEqual([
			{
				kind: 'changed',
				id: 'summary',
				label: 'summary',
				fields: [
					{ field: 'summary', before: before.overview.texts.summary, after: 'A shorter summary.' }
				]
			}
		]);
		expect(bySection.timeline?.map((c) => [c.kind, c.id])).toEqual([
			['added', 'new1'],
			['removed', 'fx0010']
		]);
		expect(bySection.actions).toEqual([
			{
				kind: 'changed',
				id: 'fx0041',
				label: '=Shorten the checkout alert window to 2 minutes',
				fields: [
					{ field: 'owner', before: '', after: 'Grace Hopper' },
					{ field: 'status', before: 'open', after: 'in-progress' }
				]
			}
		]);
		expect(bySection.rca?.[0]?.fields).toEqual([
			{ field: 'isRootCause', before: true, after: false }
		]);
		expect(Object.keys(bySection)).toEqual(['overview', 'timeline', 'rca', 'actions']);
	});

	it('sees services, responders, parked points and notes', () => {
		const { before, after } = twoRevisions();
		after.overview.services = ['checkout'];
		after.overview.responders[0] = { ...after.overview.responders[0]!, role: 'Lead' };
		after.discussion.parking[0] = { ...after.discussion.parking[0]!, movedTo: 'actions' };
		after.discussion.notes = '';
		const diff = diffSnapshots(before, after);
		const changes = diff.sections.flatMap((s) =>
			s.changes.map((c) => `${s.section}:${c.kind}:${c.id}`)
		);
		expect(changes).toEqual([
			'overview:removed:service:payments-api',
			'overview:changed:fx0001',
			'discussion:changed:fx0050',
			'discussion:changed:notes'
		]);
	});
});
