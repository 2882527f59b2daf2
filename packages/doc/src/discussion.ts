import * as Y from 'yjs';
import {
	byCreated,
	ID_PATTERN,
	isNewerSchema,
	newId,
	readString,
	setIfChanged,
	setText,
	transactStamped,
	type WriteResult
} from './fields.ts';
import { schemaVersion } from './schema.ts';
import { applyTextDiff } from './text-diff.ts';
import { isEditableSection, type EditableSectionId } from './sections.ts';

/**
 * Open discussion: the parking lot (points raised out of turn, captured from any section in one
 * move and later moved into their section) and free notes. `parking: id -> Y.Map`, `notes` a
 * top-level Y.Text so concurrent first keystrokes land in one text.
 */

/** A point in the parking lot. */
export interface ParkedItem {
	id: string;
	text: string;
	author: string;
	/** The section on screen when it was raised. */
	from: EditableSectionId | '';
	/** Where it was moved once handled ('' while it waits). */
	movedTo: EditableSectionId | '';
	createdAt: string;
}

/** Plain view of the discussion document. */
export interface Discussion {
	parking: ParkedItem[];
	notes: string;
}

/** Why a discussion write was refused. */
export const DiscussionRefusal = {
	emptyText: 'empty-text',
	textTooLong: 'text-too-long',
	unknownSection: 'unknown-section',
	invalidId: 'invalid-id',
	duplicateId: 'duplicate-id',
	notFound: 'not-found',
	newerSchema: 'newer-schema'
} as const;
/** One of the discussion refusal reasons. */
export type DiscussionRefusal = (typeof DiscussionRefusal)[keyof typeof DiscussionRefusal];
/** Outcome of a discussion write. */
export type DiscussionResult<T extends object = object> = WriteResult<DiscussionRefusal, T>;

/** Longest parked point. */
export const MAX_PARKED_TEXT = 2000;
/** Longest notes. */
export const MAX_NOTES_TEXT = 50_000;

const PARKING = 'parking';
const NOTES = 'notes';
const VERSION = schemaVersion.discussion;
const parkingOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(PARKING);

const sectionOrEmpty = (v: unknown): EditableSectionId | '' => {
	const s = readString(v);
	return isEditableSection(s) ? s : '';
};

/** The parking lot (in the order raised) and the notes. */
export function readDiscussion(doc: Y.Doc): Discussion {
	const parking: ParkedItem[] = [];
	parkingOf(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		parking.push({
			id,
			text: readString(map.get('text')),
			author: readString(map.get('author')),
			from: sectionOrEmpty(map.get('from')),
			movedTo: sectionOrEmpty(map.get('movedTo')),
			createdAt: readString(map.get('createdAt'))
		});
	});
	return { parking: parking.sort(byCreated), notes: doc.getText(NOTES).toString() };
}

/** The shared notes text, for a live editor binding. */
export function discussionNotesText(doc: Y.Doc): Y.Text {
	return doc.getText(NOTES);
}

/** The shared text of a parked point, for a live editor binding. */
export function parkedText(doc: Y.Doc, id: string): Y.Text | null {
	const text = parkingOf(doc).get(id)?.get('text');
	return text instanceof Y.Text ? text : null;
}

function checkText(text: string): DiscussionRefusal | null {
	if (text.trim() === '') return DiscussionRefusal.emptyText;
	if (text.length > MAX_PARKED_TEXT) return DiscussionRefusal.textTooLong;
	return null;
}

/** Parks a point raised while `from` was on screen. */
export function parkItem(
	doc: Y.Doc,
	input: { id?: string; text: string; author: string; from?: string; createdAt?: string },
	origin?: unknown
): DiscussionResult<{ id: string }> {
	const refusal = checkText(input.text);
	if (refusal) return { ok: false, reason: refusal };
	const from = input.from ?? '';
	if (from !== '' && !isEditableSection(from)) {
		return { ok: false, reason: DiscussionRefusal.unknownSection };
	}
	if (input.id !== undefined && !ID_PATTERN.test(input.id)) {
		return { ok: false, reason: DiscussionRefusal.invalidId };
	}
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: DiscussionRefusal.newerSchema };
	const parking = parkingOf(doc);
	const id = input.id ?? newId();
	if (parking.has(id)) return { ok: false, reason: DiscussionRefusal.duplicateId };
	transactStamped(
		doc,
		VERSION,
		() => {
			const map = new Y.Map<unknown>();
			map.set('text', new Y.Text(input.text.trim()));
			map.set('author', input.author.slice(0, 120));
			map.set('from', from);
			map.set('movedTo', '');
			map.set('createdAt', input.createdAt ?? new Date().toISOString());
			parking.set(id, map);
		},
		origin
	);
	return { ok: true, id };
}

/** Edits a parked point's text (minimal edit). */
export function updateParkedItem(
	doc: Y.Doc,
	id: string,
	text: string,
	origin?: unknown
): DiscussionResult {
	const refusal = checkText(text);
	if (refusal) return { ok: false, reason: refusal };
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: DiscussionRefusal.newerSchema };
	const map = parkingOf(doc).get(id);
	if (!(map instanceof Y.Map)) return { ok: false, reason: DiscussionRefusal.notFound };
	transactStamped(doc, VERSION, () => setText(map, 'text', text.trim()), origin);
	return { ok: true };
}

/**
 * Records that a parked point was moved into `to` (the new item itself is written to that
 * section's document by the caller); '' puts it back in the lot. Kept rather than deleted, so the
 * lot shows what became of each point.
 */
export function markParkedMoved(
	doc: Y.Doc,
	id: string,
	to: string,
	origin?: unknown
): DiscussionResult {
	if (to !== '' && !isEditableSection(to)) {
		return { ok: false, reason: DiscussionRefusal.unknownSection };
	}
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: DiscussionRefusal.newerSchema };
	const map = parkingOf(doc).get(id);
	if (!(map instanceof Y.Map)) return { ok: false, reason: DiscussionRefusal.notFound };
	transactStamped(doc, VERSION, () => setIfChanged(map, 'movedTo', to), origin);
	return { ok: true };
}

/** Removes a parked point. */
export function removeParkedItem(doc: Y.Doc, id: string, origin?: unknown): DiscussionResult {
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: DiscussionRefusal.newerSchema };
	const parking = parkingOf(doc);
	if (!parking.has(id)) return { ok: false, reason: DiscussionRefusal.notFound };
	transactStamped(doc, VERSION, () => parking.delete(id), origin);
	return { ok: true };
}

/** Sets the notes with a minimal edit. */
export function setDiscussionNotes(doc: Y.Doc, text: string, origin?: unknown): DiscussionResult {
	if (text.length > MAX_NOTES_TEXT) return { ok: false, reason: DiscussionRefusal.textTooLong };
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: DiscussionRefusal.newerSchema };
	transactStamped(doc, VERSION, () => applyTextDiff(doc.getText(NOTES), text), origin);
	return { ok: true };
}

/** The shared types of the discussion document (undo scope). */
export function discussionTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
	return [parkingOf(doc), doc.getText(NOTES)] as Y.AbstractType<unknown>[];
}

/** Calls `onChange` after any change to the discussion; returns the unsubscribe. */
export function observeDiscussion(doc: Y.Doc, onChange: () => void): () => void {
	const types = discussionTypes(doc);
	const handler = (): void => onChange();
	for (const t of types) t.observeDeep(handler);
	return () => {
		for (const t of types) t.unobserveDeep(handler);
	};
}
