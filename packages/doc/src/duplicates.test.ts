import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	createDuplicateFinder,
	findLikelyDuplicates,
	matchExisting,
	mergeTimelineEntries,
	textSimilarity
} from './duplicates.ts';
import { addTimelineEntry, readTimeline } from './timeline.ts';

const e = (id: string, at: string, text: string) => ({ id, at, text });

describe('likely duplicates', () => {
	it('scores the same report in other words as similar, and different reports as not', () => {
		expect(textSimilarity('API p99 alert fired!', 'api p99 alert fired')).toBe(1);
		expect(textSimilarity('api p99 alert fired', 'alert fired on api p99')).toBeGreaterThan(0.6);
		expect(textSimilarity('api p99 alert fired', 'rolled back deploy 4812')).toBeLessThan(0.4);
		expect(textSimilarity('pool saturated', 'pool saturated (seen in grafana, EU only)')).toBe(1);
	});

	it('groups similar events of the same minute, across zones, and nothing else', () => {
		const groups = findLikelyDuplicates([
			e('a', '2026-03-01T14:02:05Z', 'api p99 alert fired'),
			e('b', '2026-03-01T15:02:40+01:00', 'alert fired on api p99'),
			e('c', '2026-03-01T14:03:01Z', 'api p99 alert fired'),
			e('d', '2026-03-01T14:02:10Z', 'rolled back deploy 4812'),
			e('x', 'not a time', 'api p99 alert fired')
		]);
		expect(groups).toEqual([{ ids: ['a', 'b'] }]);
	});

	it('joins three reports of one moment into one group', () => {
		const groups = findLikelyDuplicates([
			e('a', '2026-03-01T14:02:00Z', 'checkout 500s'),
			e('b', '2026-03-01T14:02:00Z', 'checkout 500s spike'),
			e('c', '2026-03-01T14:02:30Z', 'Checkout 500s!')
		]);
		expect(groups).toEqual([{ ids: ['a', 'b', 'c'] }]);
	});

	it('finds the same groups again after edits when it remembers each minute', () => {
		const find = createDuplicateFinder();
		const entries = [
			e('a', '2026-03-01T14:02:00Z', 'checkout 500s'),
			e('b', '2026-03-01T14:02:30Z', 'checkout 500s spike'),
			e('c', '2026-03-01T14:05:00Z', 'rollback started'),
			e('d', '2026-03-01T14:05:10Z', 'cache flushed')
		];
		expect(find(entries)).toEqual(findLikelyDuplicates(entries));
		const edited = [...entries.slice(0, 3), e('d', '2026-03-01T14:05:10Z', 'rollback started!')];
		expect(find(edited)).toEqual([{ ids: ['a', 'b'] }, { ids: ['c', 'd'] }]);
		const removed = edited.filter((x) => x.id !== 'b');
		expect(find(removed)).toEqual([{ ids: ['c', 'd'] }]);
	});

	it('matches pasted lines against events already on the timeline', () => {
		const existing = [e('a', '2026-03-01T14:02:00Z', 'api p99 alert fired')];
		expect(
			matchExisting(
				[
					{ at: '2026-03-01T15:02:00+01:00', text: 'API p99 alert fired' },
					{ at: '2026-03-01T14:05:00Z', text: 'api p99 alert fired' }
				],
				existing
			)
		).toEqual(['a', null]);
	});

	it('merges duplicates into one event, keeping an evidence link', () => {
		const doc = new Y.Doc();
		const base = { at: '2026-03-01T14:02:00Z', kind: 'alert', author: 'A' };
		addTimelineEntry(doc, { ...base, id: 'keep', text: 'api p99 alert fired' });
		addTimelineEntry(doc, {
			...base,
			id: 'dup',
			text: 'alert fired on api p99',
			source: 'https://grafana.example.com/d/api'
		});
		addTimelineEntry(doc, { ...base, id: 'other', text: 'unrelated' });
		let updates = 0;
		doc.on('update', () => updates++);
		expect(mergeTimelineEntries(doc, 'keep', ['keep', 'dup']).ok).toBe(true);
		expect(updates).toBe(1);
		expect(readTimeline(doc).map((x) => [x.id, x.source])).toEqual([
			['keep', 'https://grafana.example.com/d/api'],
			['other', '']
		]);
		expect(mergeTimelineEntries(doc, 'gone', ['other'])).toEqual({
			ok: false,
			reason: 'not-found'
		});
	});
});
