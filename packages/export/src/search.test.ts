import { describe, expect, it } from 'vitest';
import { fixtureContent } from './fixtures/board.ts';
import { searchContent } from './search.ts';

describe('search over a post-mortem', () => {
	const content = fixtureContent();

	it('matches when every word appears somewhere, case-insensitively, with snippets', () => {
		const match = searchContent(content, { q: 'POOL exhausted' });
		expect(match?.snippets[0]).toEqual({
			section: 'overview',
			text: '…ween 14:02 and 14:43 UTC. The database connection pool ran out after a traffic peak; raising the pool and restarting the wor…'
		});
		expect(searchContent(content, { q: 'pool kafka' })).toBeNull();
	});

	it('filters by service, severity and factor category', () => {
		expect(searchContent(content, { service: 'Payments-API' })).not.toBeNull();
		expect(searchContent(content, { service: 'search' })).toBeNull();
		expect(searchContent(content, { severity: 'SEV2' })).not.toBeNull();
		expect(searchContent(content, { severity: 'SEV1' })).toBeNull();
		expect(searchContent(content, { category: 'monitoring' })?.categories).toEqual([
			'communication',
			'monitoring',
			'testing'
		]);
		expect(searchContent(content, { category: 'capacity' })).toBeNull();
	});
});
