import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addTimelineEntry,
	MAX_TEXT_LENGTH,
	readTimeline,
	newEntryId,
	removeTimelineEntry,
	TimelineRefusal,
	updateTimelineEntry,
	type TimelineInput
} from './timeline.ts';
import { readSchemaVersion, schemaVersion } from './schema.ts';

const base: TimelineInput = {
	at: '2026-03-01T14:02:00Z',
	kind: 'alert',
	text: 'p99 latency alert fired',
	author: 'Ana'
};

function add(doc: Y.Doc, input: Partial<TimelineInput> = {}): string {
	const r = addTimelineEntry(doc, { ...base, ...input });
	if (!r.ok) throw new Error(`add refused: ${r.reason}`);
	return r.id;
}

/** Two docs wired so every update of one is applied to the other, like two synced peers. */
function linkedPair(): [Y.Doc, Y.Doc] {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.on(
		'update',
		(u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote')
	);
	b.on(
		'update',
		(u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote')
	);
	return [a, b];
}

/** Exchanges the full difference both ways, as sync step 1/2 does on reconnect. */
function exchange(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('timeline read/write', () => {
	it('reads back what was added, with defaults, and stamps the schema version', () => {
		const doc = new Y.Doc();
		const id = add(doc);
		expect(readTimeline(doc)).toEqual([{ id, ...base, source: '' }]);
		expect(readSchemaVersion(doc)).toBe(schemaVersion.timeline);
	});

	it('sorts by instant across offsets, then by id', () => {
		const doc = new Y.Doc();
		add(doc, { id: 'late', at: '2026-03-01T15:30:00+01:00' }); // 14:30Z
		add(doc, { id: 'early', at: '2026-03-01T09:00:00-05:00' }); // 14:00Z
		add(doc, { id: 'b-tie', at: '2026-03-01T14:10:00Z' });
		add(doc, { id: 'a-tie', at: '2026-03-01T14:10:00Z' });
		expect(readTimeline(doc).map((e) => e.id)).toEqual(['early', 'a-tie', 'b-tie', 'late']);
	});

	it('keeps entries typed in the same second in the order they were typed', () => {
		const doc = new Y.Doc();
		const typed = ['Paged on-call', 'Opened the incident channel', 'Rolled back deploy 4812'];
		for (let round = 0; round < 4; round++) {
			for (const text of typed) add(doc, { text: `${text} ${round}`, at: '2026-03-01T14:02:31Z' });
		}
		const expected = [0, 1, 2, 3].flatMap((round) => typed.map((t) => `${t} ${round}`));
		expect(readTimeline(doc).map((e) => e.text)).toEqual(expected);
	});

	it('shows the same order on every peer, and two peers typing in turn keep their turns', () => {
		const [a, b] = linkedPair();
		// Ahead of this process's clock, so each peer's own clock decides (ids never go back).
		let now = Date.now() + 86_400_000;
		for (let i = 0; i < 6; i++) {
			// Each peer's clock: b is 40 ms behind a, and they take turns every 100 ms.
			now += 100;
			const peer = i % 2 ? b : a;
			const id = newEntryId(now - (peer === b ? 40 : 0));
			add(peer, { id, text: `step ${i}`, at: '2026-03-01T14:05:00Z' });
		}
		const order = readTimeline(a).map((e) => e.text);
		expect(readTimeline(b).map((e) => e.text)).toEqual(order);
		expect(order).toEqual(['step 0', 'step 1', 'step 2', 'step 3', 'step 4', 'step 5']);
	});

	it('restores a deleted entry in its place (same id)', () => {
		const doc = new Y.Doc();
		const at = '2026-03-01T14:10:00Z';
		const first = add(doc, { text: 'first', at });
		const second = add(doc, { text: 'second', at });
		const third = add(doc, { text: 'third', at });
		const entry = readTimeline(doc).find((e) => e.id === second)!;
		removeTimelineEntry(doc, second);
		add(doc, { text: 'fourth', at });
		expect(addTimelineEntry(doc, entry)).toEqual({ ok: true, id: second });
		expect(readTimeline(doc).map((e) => e.text)).toEqual(['first', 'second', 'third', 'fourth']);
		expect([first, second, third].every((id) => readTimeline(doc).some((e) => e.id === id))).toBe(
			true
		);
	});

	it('makes ids that sort by time, stay in order when the clock stands still or steps back, and are unique', () => {
		const t = Date.now() + 60_000;
		const ids = [newEntryId(t), newEntryId(t), newEntryId(t - 5000), newEntryId(t + 1)];
		expect([...ids].sort()).toEqual(ids);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[0-9a-z]{23}$/);
		const many = new Set(Array.from({ length: 10_000 }, () => newEntryId()));
		expect(many.size).toBe(10_000);
	});

	it('sorts entries with a missing or invalid time last, without throwing', () => {
		const doc = new Y.Doc();
		add(doc, { id: 'ok' });
		// Written by a buggy or foreign client: bypasses the validating writers.
		const broken = new Y.Map<unknown>();
		broken.set('at', 'yesterday-ish');
		broken.set('kind', 'mystery');
		doc.getMap('entries').set('broken', broken);
		doc.getMap('entries').set('missing', new Y.Map());
		doc.getMap('entries').set('not-a-map', 42);
		const ids = readTimeline(doc).map((e) => e.id);
		expect(ids).toEqual(['ok', 'broken', 'missing']);
		expect(readTimeline(doc)[1]?.kind).toBe('note');
	});

	it('updates fields and removes entries', () => {
		const doc = new Y.Doc();
		const id = add(doc);
		expect(
			updateTimelineEntry(doc, id, { text: 'p99 alert fired (checkout)', kind: 'detection' })
		).toEqual({ ok: true });
		expect(readTimeline(doc)[0]).toMatchObject({
			text: 'p99 alert fired (checkout)',
			kind: 'detection'
		});
		expect(removeTimelineEntry(doc, id)).toEqual({ ok: true });
		expect(readTimeline(doc)).toEqual([]);
		expect(removeTimelineEntry(doc, id)).toEqual({ ok: false, reason: TimelineRefusal.notFound });
		expect(updateTimelineEntry(doc, id, { text: 'x' })).toEqual({
			ok: false,
			reason: TimelineRefusal.notFound
		});
	});

	it('edits text in place instead of replacing the Y.Text', () => {
		const doc = new Y.Doc();
		const id = add(doc, { text: 'db failover' });
		const text = (doc.getMap('entries').get(id) as Y.Map<unknown>).get('text');
		updateTimelineEntry(doc, id, { text: 'db failover started' });
		expect((doc.getMap('entries').get(id) as Y.Map<unknown>).get('text')).toBe(text);
	});

	it('passes the origin to the transaction', () => {
		const doc = new Y.Doc();
		const origins: unknown[] = [];
		doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
		const r = addTimelineEntry(doc, base, 'me');
		if (!r.ok) throw new Error(r.reason);
		updateTimelineEntry(doc, r.id, { text: 'y' }, 'me');
		removeTimelineEntry(doc, r.id, 'me');
		expect(origins).toEqual(['me', 'me', 'me']);
	});
});

describe('timeline validation', () => {
	const cases: [string, Partial<TimelineInput>, TimelineRefusal][] = [
		['an unparseable time', { at: 'soon' }, TimelineRefusal.invalidAt],
		['a time without zone', { at: '2026-03-01T14:02' }, TimelineRefusal.invalidAt],
		['an impossible date', { at: '2026-02-31T25:00:00Z' }, TimelineRefusal.invalidAt],
		['an unknown kind', { kind: 'blame' }, TimelineRefusal.unknownKind],
		['empty text', { text: '   ' }, TimelineRefusal.emptyText],
		['text over the limit', { text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }, TimelineRefusal.textTooLong],
		['a non-http source', { source: 'javascript:alert(1)' }, TimelineRefusal.invalidSource],
		['a source that is not a URL', { source: 'grafana dashboard' }, TimelineRefusal.invalidSource],
		['an id with odd characters', { id: 'a/b' }, TimelineRefusal.invalidId]
	];
	for (const [what, input, reason] of cases) {
		it(`refuses ${what} and writes nothing`, () => {
			const doc = new Y.Doc();
			let updates = 0;
			doc.on('update', () => updates++);
			expect(addTimelineEntry(doc, { ...base, ...input })).toEqual({ ok: false, reason });
			expect(updates).toBe(0);
		});
	}

	it('accepts text at the limit, an https source and an offset time', () => {
		const doc = new Y.Doc();
		const r = addTimelineEntry(doc, {
			...base,
			at: '2026-03-01T14:02:00.123+05:30',
			text: 'x'.repeat(MAX_TEXT_LENGTH),
			source: 'https://grafana.example.com/d/abc?from=now-1h'
		});
		expect(r.ok).toBe(true);
	});

	it('refuses an invalid patch and leaves the entry unchanged', () => {
		const doc = new Y.Doc();
		const id = add(doc);
		expect(updateTimelineEntry(doc, id, { at: 'nope' })).toEqual({
			ok: false,
			reason: TimelineRefusal.invalidAt
		});
		expect(updateTimelineEntry(doc, id, { kind: 'oops' })).toEqual({
			ok: false,
			reason: TimelineRefusal.unknownKind
		});
		expect(readTimeline(doc)[0]).toMatchObject({ at: base.at, kind: base.kind });
	});

	it('refuses a duplicate id', () => {
		const doc = new Y.Doc();
		add(doc, { id: 'x1' });
		expect(addTimelineEntry(doc, { ...base, id: 'x1' })).toEqual({
			ok: false,
			reason: TimelineRefusal.duplicateId
		});
	});

	it('refuses to write a document stamped by a newer schema', () => {
		const doc = new Y.Doc();
		const id = add(doc);
		doc.getMap('schema').set('version', schemaVersion.timeline + 1);
		expect(addTimelineEntry(doc, base)).toEqual({ ok: false, reason: TimelineRefusal.newerSchema });
		expect(updateTimelineEntry(doc, id, { text: 'z' })).toEqual({
			ok: false,
			reason: TimelineRefusal.newerSchema
		});
		expect(removeTimelineEntry(doc, id)).toEqual({
			ok: false,
			reason: TimelineRefusal.newerSchema
		});
	});
});

describe('timeline convergence', () => {
	it('two linked docs see each other’s entries', () => {
		const [a, b] = linkedPair();
		const id = add(a, { text: 'from a' });
		expect(readTimeline(b).map((e) => e.id)).toEqual([id]);
		updateTimelineEntry(b, id, { text: 'from a, edited by b' });
		expect(readTimeline(a)[0]?.text).toBe('from a, edited by b');
	});

	it('concurrent adds and concurrent typing in one entry both survive', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const id = add(a, { id: 'e1', text: 'cache flushed' });
		exchange(a, b);
		// Offline at the same time: a prepends, b appends, and each adds an entry.
		updateTimelineEntry(a, id, { text: 'redis cache flushed' });
		updateTimelineEntry(b, id, { text: 'cache flushed by cron' });
		add(a, { id: 'a2', at: '2026-03-01T14:05:00Z' });
		add(b, { id: 'b2', at: '2026-03-01T14:06:00Z' });
		exchange(a, b);
		expect(readTimeline(a)).toEqual(readTimeline(b));
		expect(readTimeline(a).map((e) => e.id)).toEqual(['e1', 'a2', 'b2']);
		expect(readTimeline(a)[0]?.text).toBe('redis cache flushed by cron');
	});

	it('concurrent edit and delete of the same entry converge to deleted', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const keep = add(a, { id: 'keep', text: 'keep me' });
		const gone = add(a, { id: 'gone', text: 'delete me' });
		exchange(a, b);
		updateTimelineEntry(a, gone, { text: 'delete me, edited', kind: 'mitigation' });
		updateTimelineEntry(a, keep, { text: 'keep me, edited' });
		removeTimelineEntry(b, gone);
		exchange(a, b);
		expect(readTimeline(a)).toEqual(readTimeline(b));
		expect(readTimeline(a).map((e) => [e.id, e.text])).toEqual([[keep, 'keep me, edited']]);
	});

	it('concurrent field edits on one entry keep both fields', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		const id = add(a);
		exchange(a, b);
		updateTimelineEntry(a, id, { kind: 'detection' });
		updateTimelineEntry(b, id, { at: '2026-03-01T14:03:00Z' });
		exchange(a, b);
		expect(readTimeline(a)).toEqual(readTimeline(b));
		expect(readTimeline(a)[0]).toMatchObject({ kind: 'detection', at: '2026-03-01T14:03:00Z' });
	});
});
