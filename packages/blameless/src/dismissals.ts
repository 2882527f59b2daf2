import type { Finding } from './types.ts';

/**
 * A finding's identity for "this is fine here": the rule and the words it matched, lower-cased,
 * not their offsets. Editing elsewhere in the field keeps a dismissal; rewriting the phrase (or a
 * new phrase the same rule catches) brings the hint back.
 */
export function findingKey(text: string, finding: Pick<Finding, 'start' | 'end' | 'rule'>): string {
	const words = text.slice(finding.start, finding.end).toLowerCase().replace(/\s+/g, ' ').trim();
	return `${finding.rule}:${words}`;
}

/** The key under which one field's dismissal of one finding is stored. */
export function dismissalKey(field: string, key: string): string {
	return `${field}\u0000${key}`;
}

/** Anything that can say whether a key is stored: a `Set`, a `Map`, a `Y.Map`. */
export interface DismissalLookup {
	has(key: string): boolean;
}

/** The findings of one field that nobody has dismissed. */
export function openFindings(
	field: string,
	text: string,
	findings: readonly Finding[],
	dismissed: DismissalLookup
): Finding[] {
	return findings.filter((f) => !dismissed.has(dismissalKey(field, findingKey(text, f))));
}
