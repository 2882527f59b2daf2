import { describe, expect, it } from 'vitest';
import { checkText } from './check.ts';
import { splitByFindings } from './segments.ts';

describe('splitByFindings', () => {
	it('rebuilds the text exactly, with findings as their own runs', () => {
		const text = 'At 02:00 Sam forgot to renew it. Human error, obviously.';
		const findings = checkText(text, { names: ['Sam'] });
		const segments = splitByFindings(text, findings);
		expect(segments.map((s) => s.text).join('')).toBe(text);
		expect(segments.filter((s) => s.finding).map((s) => s.text)).toEqual([
			'Sam forgot to',
			'Human error'
		]);
	});

	it('returns the whole text as one plain run when nothing was found', () => {
		expect(splitByFindings('All good.', [])).toEqual([{ text: 'All good.', finding: null }]);
		expect(splitByFindings('', [])).toEqual([{ text: '', finding: null }]);
	});

	it('skips findings that overlap or fall outside the text instead of drawing them wrong', () => {
		const f = (start: number, end: number) => ({
			start,
			end,
			category: 'hindsight' as const,
			rule: 'r',
			message: '',
			question: ''
		});
		const segments = splitByFindings('abcdef', [f(0, 3), f(2, 4), f(5, 9)]);
		expect(segments.map((s) => [s.text, s.finding !== null])).toEqual([
			['abc', true],
			['def', false]
		]);
	});
});
