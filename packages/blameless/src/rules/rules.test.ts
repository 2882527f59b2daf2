import { describe, expect, it } from 'vitest';
import { checkText } from '../check.ts';
import { compileLanguage } from '../compile.ts';
import { CATEGORIES } from '../types.ts';
import { LANGUAGES } from './index.ts';

/** Names the examples may use, as a board's members would be. */
const NAMES = [
	'Sam Ortiz',
	'Priya Raman',
	'Alex Kim',
	'Jordan Blake',
	'Mei Tanaka',
	'Tomás Ferreira',
	'Kwame Mensah',
	'Lena Vogel',
	'Dmitri Orlov',
	'Fatima Noor',
	'Ravi Iyer',
	'Will Turner',
	'Hana Sato',
	'Marco Bianchi',
	'Zoe Park',
	'Olu Adeyemi',
	'Grace Liu'
];

for (const language of Object.values(LANGUAGES)) {
	describe(`rules (${language.id})`, () => {
		it('compiles every pattern and word set', () => {
			expect(() => compileLanguage(language)).not.toThrow();
		});

		it('gives each rule a unique id, a known category, and examples both ways', () => {
			const ids = language.rules.map((r) => r.id);
			expect(new Set(ids).size).toBe(ids.length);
			for (const rule of language.rules) {
				expect(CATEGORIES, rule.id).toContain(rule.category);
				expect(rule.examples.flags.length, rule.id).toBeGreaterThan(0);
				expect(rule.examples.passes.length, rule.id).toBeGreaterThan(0);
				expect(rule.question.endsWith('?'), rule.id).toBe(true);
			}
		});

		for (const rule of language.rules) {
			describe(rule.id, () => {
				it.each(rule.examples.flags)('flags: %s', (text) => {
					const findings = checkText(text, { names: NAMES, language });
					expect(findings.map((f) => f.rule)).toContain(rule.id);
				});
				it.each(rule.examples.passes)('leaves alone: %s', (text) => {
					expect(checkText(text, { names: NAMES, language })).toEqual([]);
				});
			});
		}
	});
}
