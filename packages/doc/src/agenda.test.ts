import { describe, expect, it } from 'vitest';
import {
	AGENDA_TEMPLATES,
	AgendaRefusal,
	MAX_STAGES,
	normaliseStages,
	templateStages,
	type StageInput
} from './agenda.ts';
import { FACILITATOR_CUES, cuesFor } from './cues.ts';

const minutesOf = (id: 'blameless' | 'short') =>
	AGENDA_TEMPLATES[id].stages.reduce((sum, s) => sum + s.minutes, 0);

describe('agenda templates', () => {
	it('runs the blameless agenda from ground rules to close in an hour', () => {
		expect(templateStages('blameless').map((s) => s.kind)).toEqual([
			'opening',
			'timeline',
			'rca',
			'factors',
			'actions',
			'discussion',
			'close'
		]);
		expect(minutesOf('blameless')).toBe(60);
	});

	it('fits the short agenda in 30 minutes', () => {
		expect(minutesOf('short')).toBe(30);
		expect(templateStages('short').at(-1)?.kind).toBe('close');
	});

	it('hands out copies, so editing one never changes the template', () => {
		const stages = templateStages('blameless');
		stages[0]!.title = 'changed';
		expect(AGENDA_TEMPLATES.blameless.stages[0]?.title).toBe('Opening & ground rules');
	});

	it('has cues for every stage kind, in short sentences', () => {
		for (const cues of Object.values(FACILITATOR_CUES)) {
			expect(cues.length).toBeGreaterThan(0);
			for (const cue of cues) expect(cue.length).toBeLessThan(140);
		}
		expect(cuesFor('actions').join(' ')).toMatch(/owner/);
	});
});

describe('normaliseStages', () => {
	const input = (over: Partial<StageInput> = {}): StageInput => ({
		title: 'Timeline',
		section: 'timeline',
		minutes: 10,
		...over
	});

	it('keeps ids and kinds of existing stages through a rename and reorder', () => {
		const previous = templateStages('blameless');
		const r = normaliseStages(
			[input({ id: 'rca', title: 'Why?', section: 'rca' }), input({ id: 'timeline' })],
			previous
		);
		expect(r).toEqual({
			ok: true,
			stages: [
				{ id: 'rca', title: 'Why?', kind: 'rca', section: 'rca', minutes: 10 },
				{ id: 'timeline', title: 'Timeline', kind: 'timeline', section: 'timeline', minutes: 10 }
			]
		});
	});

	it('gives a new stage a fresh id and the custom kind', () => {
		const r = normaliseStages([input({ title: '  Customer comms  ', section: null })]);
		if (!r.ok) throw new Error(r.reason);
		expect(r.stages[0]).toMatchObject({ title: 'Customer comms', kind: 'custom', section: null });
		expect(r.stages[0]?.id).toMatch(/^s[0-9a-f]{12}$/);
	});

	it.each([
		[[], AgendaRefusal.emptyAgenda],
		[[input({ title: '  ' })], AgendaRefusal.emptyTitle],
		[[input({ title: 'x'.repeat(81) })], AgendaRefusal.titleTooLong],
		[[input({ minutes: 0 })], AgendaRefusal.invalidTimebox],
		[[input({ minutes: 2.5 })], AgendaRefusal.invalidTimebox],
		[[input({ section: 'meta' })], AgendaRefusal.unknownSection],
		[[input({ id: 'a b' })], AgendaRefusal.invalidStageId],
		[[input({ id: 'x' }), input({ id: 'x' })], AgendaRefusal.duplicateStageId],
		[Array.from({ length: MAX_STAGES + 1 }, () => input()), AgendaRefusal.tooManyStages]
	] as const)('refuses an agenda that is wrong (%#: %s)', (stages, reason) => {
		expect(normaliseStages(stages)).toMatchObject({ ok: false, reason });
	});
});
