import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	MeetingStatus,
	initialMeta,
	isSectionLocked,
	observeMeta,
	readMeta,
	writeMeta,
	type MetaState
} from './meta.ts';

const ada = { userId: 'u1', name: 'Ada' };

describe('meta document', () => {
	it('reads an empty document as a draft with the blameless agenda and lock-on-advance', () => {
		const meta = readMeta(new Y.Doc());
		expect(meta).toEqual(initialMeta());
		expect(meta.status).toBe(MeetingStatus.draft);
		expect(meta.stages).toHaveLength(7);
		expect(meta.settings.lockOnAdvance).toBe(true);
	});

	it('round-trips every field through the document', () => {
		const doc = new Y.Doc();
		const state: MetaState = {
			...initialMeta(),
			status: 'live',
			revision: 2,
			current: 'rca',
			timer: { startedAt: 10, pausedAt: 20, pausedMs: 3, extendedMs: 60_000 },
			locks: { timeline: { by: ada, at: '2026-03-01T14:00:00.000Z' } },
			queue: [{ ...ada, at: '2026-03-01T14:01:00.000Z' }],
			speaking: { userId: 'u2', name: 'Bo', at: '2026-03-01T14:00:30.000Z' },
			readyCheck: {
				id: 'r1',
				by: ada,
				startedAt: 'x',
				answers: { u2: { name: 'Bo', ready: true } }
			},
			lead: ada,
			updatedAt: 99
		};
		writeMeta(doc, state);
		expect(readMeta(doc)).toEqual(state);
	});

	it('writes only the fields that changed', () => {
		const doc = new Y.Doc();
		writeMeta(doc, initialMeta());
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		writeMeta(doc, initialMeta());
		expect(updates).toHaveLength(0);
		const replica = new Y.Doc();
		Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
		const changedKeys: string[] = [];
		replica.getMap('meta').observe((event) => changedKeys.push(...event.keysChanged));
		doc.on('update', (u: Uint8Array) => Y.applyUpdate(replica, u));
		writeMeta(doc, { ...initialMeta(), locks: { rca: { by: ada, at: 'now' } } });
		expect(updates).toHaveLength(1);
		expect(changedKeys).toEqual(['locks']);
	});

	it('reads garbage fields as their defaults instead of throwing', () => {
		const doc = new Y.Doc();
		const map = doc.getMap('meta');
		map.set('status', 'exploded');
		map.set('stages', [{ id: 'a', title: 'A', minutes: 5, section: 'nope', kind: 'zzz' }, 7]);
		map.set('current', 'missing');
		map.set('locks', { timeline: { by: 'nobody' }, rca: { by: ada, at: 't' } });
		map.set('queue', 'not a list');
		const meta = readMeta(doc);
		expect(meta.status).toBe('draft');
		expect(meta.stages).toEqual([
			{ id: 'a', title: 'A', minutes: 5, section: null, kind: 'custom' }
		]);
		expect(meta.current).toBeNull();
		expect(Object.keys(meta.locks)).toEqual(['rca']);
		expect(meta.queue).toEqual([]);
	});

	it('tells observers about changes', () => {
		const doc = new Y.Doc();
		let calls = 0;
		const stop = observeMeta(doc, () => calls++);
		writeMeta(doc, { ...initialMeta(), status: 'live' });
		stop();
		writeMeta(doc, { ...initialMeta(), status: 'closed' });
		expect(calls).toBe(1);
	});

	it('treats every editable section as locked once the meeting is closed', () => {
		const closed = { ...initialMeta(), status: 'closed' as const };
		expect(isSectionLocked(closed, 'timeline')).toBe(true);
		expect(isSectionLocked(closed, 'meta')).toBe(false);
		const live = {
			...initialMeta(),
			status: 'live' as const,
			locks: { rca: { by: ada, at: 't' } }
		};
		expect(isSectionLocked(live, 'rca')).toBe(true);
		expect(isSectionLocked(live, 'timeline')).toBe(false);
	});
});
