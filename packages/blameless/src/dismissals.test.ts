import { describe, expect, it } from 'vitest';
import { checkText } from './check.ts';
import { dismissalKey, findingKey, openFindings } from './dismissals.ts';

describe('dismissals', () => {
	const field = 'timeline:abc:text';

	it('keys a finding by rule and words, so an edit elsewhere keeps it dismissed', () => {
		const before = 'Sam forgot to renew the cert.';
		const after = 'At 02:00, Sam  Forgot to renew the cert and the API went down.';
		const [a] = checkText(before, { names: ['Sam'] });
		const [b] = checkText(after, { names: ['Sam'] });
		expect(findingKey(before, a!)).toBe('blame.forgot:sam forgot to');
		expect(findingKey(after, b!)).toBe(findingKey(before, a!));
	});

	it('lists only the findings nobody dismissed for that field', () => {
		const text = 'We should have rolled back. Human error.';
		const findings = checkText(text);
		expect(findings).toHaveLength(2);
		const dismissed = new Set([dismissalKey(field, findingKey(text, findings[0]!))]);
		expect(openFindings(field, text, findings, dismissed)).toEqual([findings[1]]);
		// The same words in another field are still open there.
		expect(openFindings('timeline:other:text', text, findings, dismissed)).toEqual(findings);
	});
});
