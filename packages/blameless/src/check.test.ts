import { describe, expect, it } from 'vitest';
import { checkText, createChecker } from './check.ts';
import { Category } from './types.ts';

const names = ['Sam Ortiz', 'Priya Raman', 'Will Turner'];
const check = createChecker({ names });
const flagged = (text: string) => check(text).map((f) => text.slice(f.start, f.end));

describe('checkText', () => {
	it('returns the span, category, rule, message and a question for each finding', () => {
		const text = "Honestly, Sam didn't follow the checklist.";
		const [f, ...rest] = check(text);
		expect(rest).toEqual([]);
		expect(text.slice(f!.start, f!.end)).toBe("Sam didn't follow");
		expect(f).toMatchObject({ category: Category.person, rule: 'blame.did-not' });
		expect(f!.message.length).toBeGreaterThan(0);
		expect(f!.question).toMatch(/\?$/);
	});

	it('does not flag the same grammar when a system is the subject', () => {
		for (const text of [
			"The deploy pipeline didn't run the checks.",
			'The alert failed to fire.',
			'The migration broke the orders index.',
			'The scheduler forgot about the drained node.',
			'The new pods came up, but they failed to pass their probes.',
			'It failed to reconnect after the partition.'
		]) {
			expect(check(text), text).toEqual([]);
		}
	});

	it('flags the same grammar when a person is the subject', () => {
		expect(flagged("The on-call didn't run the checks.")).toEqual(["The on-call didn't run"]);
		expect(flagged('Sam failed to escalate.')).toEqual(['Sam failed to']);
		expect(flagged('He broke the build.')).toEqual(['He broke']);
		expect(flagged('They failed to page anyone.')).toEqual(['They failed to']);
	});

	it('knows people by the names it is given, first or last, in any case', () => {
		expect(checkText('Priya broke checkout.')).toEqual([]);
		expect(flagged('Priya broke checkout.')).toEqual(['Priya broke']);
		expect(flagged('raman broke checkout.')).toEqual(['raman broke']);
	});

	it('leaves names used neutrally alone', () => {
		for (const text of ['Priya paged the on-call.', 'Sam rolled back at 14:20.']) {
			expect(check(text), text).toEqual([]);
		}
	});

	it('tells the name Will from the word will', () => {
		expect(flagged('Will skipped the checks.')).toEqual(['Will skipped']);
		expect(check('Will will write the update.')).toEqual([]);
		expect(check('the job will skipped')).toEqual([]);
	});

	it('ignores what is quoted or pasted from logs', () => {
		for (const text of [
			'The ticket said "Sam forgot to renew the cert" for a year.',
			'`ERROR deploy failed to acquire lock` in the worker logs.',
			'14:03:22 ERROR api: worker forgot lease'
		]) {
			expect(check(text), text).toEqual([]);
		}
	});

	it('finds several things in one text, in order, without overlaps', () => {
		const text = 'Obviously the config was wrong. We should have rolled back; human error.';
		expect(check(text).map((f) => f.category)).toEqual([
			Category.hindsight,
			Category.counterfactual,
			Category.humanError
		]);
	});

	it('borrows the subject of an earlier clause when a clause has none', () => {
		expect(flagged('Devs merged to main and skipped CI.')).toEqual(['skipped']);
		expect(check('The job merged the shards and skipped the last one.')).toEqual([]);
	});

	it('returns nothing for empty or blank text', () => {
		expect(check('')).toEqual([]);
		expect(check('  \n ')).toEqual([]);
	});

	it('gives the same answer every time (no state between calls)', () => {
		const text = 'Someone forgot to renew the domain.';
		expect(check(text)).toEqual(check(text));
	});
});
