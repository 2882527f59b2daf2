import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addResponder,
	addService,
	MAX_TITLE_LENGTH,
	OverviewRefusal,
	overviewText,
	readOverview,
	removeResponder,
	removeService,
	setIncidentStart,
	setOverviewSeverity,
	setOverviewText,
	updateResponder
} from './overview.ts';
import { readSchemaVersion, schemaVersion } from './schema.ts';

function exchange(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('overview', () => {
	it('reads an empty document as empty fields', () => {
		const o = readOverview(new Y.Doc());
		expect(o.texts.summary).toBe('');
		expect(o.severity).toBe('');
		expect(o.startedAt).toBe('');
		expect(o.services).toEqual([]);
		expect(o.responders).toEqual([]);
	});

	it('writes text fields, severity and start, and stamps the schema version', () => {
		const doc = new Y.Doc();
		expect(setOverviewText(doc, 'summary', 'Checkout failed for 38 minutes.').ok).toBe(true);
		expect(setOverviewSeverity(doc, 'SEV2').ok).toBe(true);
		expect(setIncidentStart(doc, '2026-03-01T13:58:00+01:00').ok).toBe(true);
		const o = readOverview(doc);
		expect(o.texts.summary).toBe('Checkout failed for 38 minutes.');
		expect(o.severity).toBe('SEV2');
		expect(o.startedAt).toBe('2026-03-01T13:58:00+01:00');
		expect(readSchemaVersion(doc)).toBe(schemaVersion.overview);
	});

	it('refuses unknown fields, unknown severities, a zoneless start and an overlong title', () => {
		const doc = new Y.Doc();
		expect(setOverviewText(doc, 'nope', 'x')).toEqual({
			ok: false,
			reason: OverviewRefusal.unknownField
		});
		expect(setOverviewSeverity(doc, 'SEV9')).toEqual({
			ok: false,
			reason: OverviewRefusal.unknownSeverity
		});
		expect(setIncidentStart(doc, '2026-03-01T13:58')).toEqual({
			ok: false,
			reason: OverviewRefusal.invalidStart
		});
		expect(setOverviewText(doc, 'title', 'x'.repeat(MAX_TITLE_LENGTH + 1))).toEqual({
			ok: false,
			reason: OverviewRefusal.textTooLong
		});
		expect(readSchemaVersion(doc)).toBeNull();
	});

	it('keeps both people’s words when they type into the same field at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		// Both start in an empty field: a top-level text means one shared text, not two.
		overviewText(a, 'whatHappened').insert(0, 'Deploy 4812 broke checkout.');
		overviewText(b, 'whatHappened').insert(0, 'EU only.');
		exchange(a, b);
		const text = readOverview(a).texts.whatHappened;
		expect(text).toContain('Deploy 4812 broke checkout.');
		expect(text).toContain('EU only.');
		expect(readOverview(b).texts.whatHappened).toBe(text);
	});

	it('edits text minimally so a concurrent edit elsewhere in it survives', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		setOverviewText(a, 'resolution', 'Rolled back the deploy.');
		exchange(a, b);
		setOverviewText(a, 'resolution', 'Rolled back the bad deploy.');
		setOverviewText(b, 'resolution', 'Rolled back the deploy. Cache flushed.');
		exchange(a, b);
		expect(readOverview(a).texts.resolution).toBe('Rolled back the bad deploy. Cache flushed.');
	});

	it('keeps services as a set, sorted, even when added twice concurrently', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		addService(a, ' payments-api ');
		addService(b, 'payments-api');
		addService(b, 'checkout');
		exchange(a, b);
		expect(readOverview(a).services).toEqual(['checkout', 'payments-api']);
		expect(removeService(a, 'checkout').ok).toBe(true);
		expect(readOverview(a).services).toEqual(['payments-api']);
		expect(addService(a, '  ')).toEqual({ ok: false, reason: OverviewRefusal.emptyName });
	});

	it('adds, edits and removes responders', () => {
		const doc = new Y.Doc();
		const r = addResponder(doc, { name: 'Ana Lima', role: 'Incident commander' });
		if (!r.ok) throw new Error(r.reason);
		addResponder(doc, { name: 'Bo Chen', role: 'Comms', createdAt: '2999-01-01T00:00:00Z' });
		expect(updateResponder(doc, r.id, { role: 'IC' }).ok).toBe(true);
		expect(readOverview(doc).responders.map((x) => [x.name, x.role])).toEqual([
			['Ana Lima', 'IC'],
			['Bo Chen', 'Comms']
		]);
		expect(updateResponder(doc, r.id, { name: '' })).toEqual({
			ok: false,
			reason: OverviewRefusal.emptyName
		});
		expect(removeResponder(doc, r.id).ok).toBe(true);
		expect(removeResponder(doc, r.id)).toEqual({ ok: false, reason: OverviewRefusal.notFound });
		expect(readOverview(doc).responders).toHaveLength(1);
	});

	it('refuses to write a document stamped by a newer version', () => {
		const doc = new Y.Doc();
		doc.getMap('schema').set('version', 99);
		expect(setOverviewText(doc, 'summary', 'x')).toEqual({
			ok: false,
			reason: OverviewRefusal.newerSchema
		});
	});
});
