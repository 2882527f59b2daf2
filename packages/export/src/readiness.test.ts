import { describe, expect, it } from 'vitest';
import { fixtureContent } from './fixtures/board.ts';
import { checkReadiness } from './readiness.ts';

describe('readiness before close', () => {
	it('warns about the fixture’s action without owner and its cause nobody acts on', () => {
		const content = fixtureContent();
		content.actions[0] = { ...content.actions[0]!, addresses: [] };
		const warnings = checkReadiness(content).map((w) => `${w.check}:${w.itemId}`);
		expect(warnings).toEqual([
			'cause-without-action:fx0021',
			'action-without-owner:fx0041',
			'action-without-due:fx0042'
		]);
	});

	it('warns about an empty summary and a timeline without detection or resolution', () => {
		const content = fixtureContent();
		content.overview.texts.summary = '  ';
		content.timeline = content.timeline.filter((e) => !['alert', 'resolution'].includes(e.kind));
		const checks = checkReadiness(content).map((w) => w.check);
		expect(checks.slice(0, 3)).toEqual(['empty-summary', 'no-detection', 'no-resolution']);
	});

	it('says nothing about actions already done', () => {
		const content = fixtureContent();
		content.actions = content.actions.map((a) => ({ ...a, status: 'done' as const }));
		expect(checkReadiness(content).filter((w) => w.section === 'actions')).toEqual([]);
	});

	it('words each warning plainly, naming the item', () => {
		const [warning] = checkReadiness({ ...fixtureContent(), actions: [] });
		expect(warning?.message).toBe(
			'“The database connection pool was exhausted” is a root cause that no action item addresses yet.'
		);
	});
});
