import { OVERVIEW_TEXTS, type EditableSectionId } from '@debrief/doc';
import { canonicalJson } from './canonical.ts';
import type { SnapshotContent } from './content.ts';
import { shorten } from './format.ts';

/**
 * What changed between two revisions, per section, by stable ids: an item added, removed, or
 * changed (with each field's value before and after). Order changes of lists are not changes:
 * ids are what identify an item, never positions.
 */

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One field of an item, before and after. */
export interface FieldChange {
	field: string;
	before: unknown;
	after: unknown;
}

export interface ItemChange {
	kind: ChangeKind;
	/** The item's stable id (a field name for the overview's texts). */
	id: string;
	/** A short human label: the item's text as it reads now (or last read). */
	label: string;
	fields: FieldChange[];
}

export interface SectionChanges {
	section: EditableSectionId | 'agenda';
	changes: ItemChange[];
}

export interface SnapshotDiff {
	from: number;
	to: number;
	sections: SectionChanges[];
	/** Total number of item changes, 0 when the revisions hold the same content. */
	count: number;
}

function diffItems<T extends { id: string }>(
	before: readonly T[],
	after: readonly T[],
	fields: readonly (keyof T & string)[],
	label: (item: T) => string
): ItemChange[] {
	const old = new Map(before.map((i) => [i.id, i]));
	const now = new Map(after.map((i) => [i.id, i]));
	const out: ItemChange[] = [];
	for (const item of after) {
		const prev = old.get(item.id);
		if (!prev) {
			out.push({ kind: 'added', id: item.id, label: label(item), fields: [] });
			continue;
		}
		const changed = fields
			.filter((f) => canonicalJson(prev[f]) !== canonicalJson(item[f]))
			.map((f) => ({ field: f, before: prev[f], after: item[f] }));
		if (changed.length > 0) {
			out.push({ kind: 'changed', id: item.id, label: label(item), fields: changed });
		}
	}
	for (const item of before) {
		if (!now.has(item.id))
			out.push({ kind: 'removed', id: item.id, label: label(item), fields: [] });
	}
	return out;
}

function overviewChanges(a: SnapshotContent, b: SnapshotContent): ItemChange[] {
	const out: ItemChange[] = [];
	for (const field of OVERVIEW_TEXTS) {
		const before = a.overview.texts[field] ?? '';
		const after = b.overview.texts[field] ?? '';
		if (before !== after) {
			out.push({ kind: 'changed', id: field, label: field, fields: [{ field, before, after }] });
		}
	}
	for (const field of ['severity', 'startedAt'] as const) {
		if (a.overview[field] !== b.overview[field]) {
			out.push({
				kind: 'changed',
				id: field,
				label: field,
				fields: [{ field, before: a.overview[field], after: b.overview[field] }]
			});
		}
	}
	const services = (c: SnapshotContent) =>
		c.overview.services.map((s) => ({ id: `service:${s}`, s }));
	out.push(...diffItems(services(a), services(b), [], (x) => `Service ${x.s}`));
	out.push(
		...diffItems(a.overview.responders, b.overview.responders, ['name', 'role'], (r) => r.name)
	);
	return out;
}

/** The changes from `before` (revision N-1) to `after` (revision N). */
export function diffSnapshots(before: SnapshotContent, after: SnapshotContent): SnapshotDiff {
	const text = (t: unknown) => shorten(String(t ?? '') || '(empty)', 80);
	const sections: SectionChanges[] = [
		{ section: 'overview', changes: overviewChanges(before, after) },
		{
			section: 'timeline',
			changes: diffItems(before.timeline, after.timeline, ['at', 'kind', 'text', 'source'], (e) =>
				text(e.text)
			)
		},
		{
			section: 'rca',
			changes: diffItems(
				before.rca,
				after.rca,
				['text', 'kind', 'isRootCause', 'parentId', 'evidence'],
				(n) => text(n.text)
			)
		},
		{
			section: 'factors',
			changes: diffItems(
				before.factors,
				after.factors,
				['text', 'category', 'votes', 'causeIds'],
				(f) => text(f.text)
			)
		},
		{
			section: 'actions',
			changes: diffItems(
				before.actions,
				after.actions,
				['title', 'owner', 'due', 'priority', 'status', 'addresses', 'ticket'],
				(x) => text(x.title)
			)
		},
		{
			section: 'discussion',
			changes: [
				...diffItems(
					before.discussion.parking,
					after.discussion.parking,
					['text', 'movedTo'],
					(p) => text(p.text)
				),
				...(before.discussion.notes !== after.discussion.notes
					? [
							{
								kind: 'changed' as const,
								id: 'notes',
								label: 'Notes',
								fields: [
									{ field: 'notes', before: before.discussion.notes, after: after.discussion.notes }
								]
							}
						]
					: [])
			]
		},
		{
			section: 'agenda',
			changes: diffItems(
				before.agenda,
				after.agenda,
				['title', 'section', 'minutes'],
				(s) => s.title
			)
		}
	].filter((s) => s.changes.length > 0) as SectionChanges[];
	return {
		from: before.revision,
		to: after.revision,
		sections,
		count: sections.reduce((n, s) => n + s.changes.length, 0)
	};
}
