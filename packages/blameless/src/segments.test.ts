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

	it('draws overlapping findings so each keeps words of its own', () => {
		const text = 'Obviously Ana failed to follow the runbook.';
		const findings = checkText(text, { names: ['Ana Lima'] });
		const segments = splitByFindings(text, findings);
		expect(segments.map((s) => s.text).join('')).toBe(text);
		expect(segments.filter((s) => s.finding).map((s) => [s.text, s.finding!.category])).toEqual([
			['Obviously ', 'hindsight'],
			['Ana failed to', 'person']
		]);
	});

	it('splits a finding around one inside it, and skips findings outside the text', () => {
		const f = (start: number, end: number) => ({
			start,
			end,
			category: 'hindsight' as const,
			rule: 'r',
			message: '',
			question: ''
		});
		const outer = f(0, 6);
		const inner = f(2, 4);
		const segments = splitByFindings('abcdefgh', [outer, inner, f(5, 12)]);
		expect(segments.map((s) => [s.text, s.finding])).toEqual([
			['ab', outer],
			['cd', inner],
			['ef', outer],
			['gh', null]
		]);
	});
});
