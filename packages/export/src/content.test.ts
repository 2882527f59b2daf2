import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addTimelineEntry } from '@debrief/doc';
import { readBoardContent, storable } from './content.ts';
import { FIXTURE_CLOSE, emptyDocs, fixtureContent } from './fixtures/board.ts';

describe('board content', () => {
	it('reads every section through the doc readers, with the close’s facts', () => {
		const content = fixtureContent();
		expect(content.version).toBe(1);
		expect(content.timeline.map((e) => e.id)).toEqual([
			'fx0010',
			'fx0011',
			'fx0012',
			'fx0013',
			'fx0014',
			'fx0015',
			'fx0016'
		]);
		expect(content.rca.map((n) => n.id)).toEqual([
			'fx0020',
			'fx0021',
			'fx0022',
			'fx0023',
			'fx0024'
		]);
		expect(content.factors[0]).not.toHaveProperty('voters');
		expect(content.agenda.length).toBeGreaterThan(3);
		expect(content.attendance.map((a) => a.userId)).toEqual(['u1', 'u2', 'u3']);
		expect(content.closedBy).toEqual({ userId: 'u1', name: 'Ada Lovelace' });
	});

	it('keeps what Postgres jsonb would refuse out of the content', () => {
		expect(
			storable({ a: 'nul\u0000here', b: ['\ud800x', 'ok \ud83d\ude00'], c: undefined })
		).toEqual({
			a: 'nul\ufffdhere',
			b: ['\ufffdx', 'ok \ud83d\ude00']
		});
		const docs = emptyDocs();
		addTimelineEntry(docs.timeline, {
			at: '2026-03-02T14:00:00Z',
			kind: 'note',
			text: 'bad\u0000byte',
			author: 'A'
		});
		expect(readBoardContent(docs, FIXTURE_CLOSE).timeline[0]?.text).toBe('bad\ufffdbyte');
	});

	it('reads an empty board without throwing', () => {
		const content = readBoardContent(emptyDocs(), FIXTURE_CLOSE);
		expect(content.timeline).toEqual([]);
		expect(content.overview.texts.summary).toBe('');
		expect(new Y.Doc()).toBeTruthy();
	});
});
