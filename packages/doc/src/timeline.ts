import * as Y from 'yjs';
import { schemaVersion, readSchemaVersion, stampSchemaVersion } from './schema.ts';
import { applyTextDiff } from './text-diff.ts';
import { parseZonedIso } from './time.ts';

/** What happened at a point of the incident; drives the impact figures (time to detect, ...). */
export const TimelineKind = {
	alert: 'alert',
	detection: 'detection',
	action: 'action',
	communication: 'communication',
	mitigation: 'mitigation',
	resolution: 'resolution',
	note: 'note'
} as const;

/** One of the timeline entry kinds. */
export type TimelineKind = (typeof TimelineKind)[keyof typeof TimelineKind];

/** Every kind, in the order a picker shows them. */
export const TIMELINE_KINDS: readonly TimelineKind[] = Object.freeze(Object.values(TimelineKind));

const kindSet: ReadonlySet<string> = new Set(TIMELINE_KINDS);

/** True when `s` is a known timeline kind. */
export function isTimelineKind(s: string): s is TimelineKind {
	return kindSet.has(s);
}

/** Plain view of one timeline entry. */
export interface TimelineEntry {
	id: string;
	/** ISO-8601 with offset, in the zone of whoever wrote it. */
	at: string;
	kind: TimelineKind;
	text: string;
	/** Evidence link (graph, log search, ticket): an http(s) URL, or '' for none. */
	source: string;
	/** Display name of whoever added it. */
	author: string;
}

/** What a caller gives to add an entry; `id` only to restore a deleted entry (undo). */
export interface TimelineInput {
	id?: string;
	at: string;
	kind: string;
	text: string;
	source?: string;
	author: string;
}

/** Fields an edit may change. The author stays who first wrote the entry. */
export type TimelinePatch = Partial<
	Pick<TimelineEntry, 'at' | 'text' | 'source'> & { kind: string }
>;

/** Why a timeline write was refused. */
export const TimelineRefusal = {
	invalidAt: 'invalid-at',
	unknownKind: 'unknown-kind',
	emptyText: 'empty-text',
	textTooLong: 'text-too-long',
	invalidSource: 'invalid-source',
	invalidAuthor: 'invalid-author',
	invalidId: 'invalid-id',
	duplicateId: 'duplicate-id',
	notFound: 'not-found',
	newerSchema: 'newer-schema'
} as const;

/** One of the refusal reasons. */
export type TimelineRefusal = (typeof TimelineRefusal)[keyof typeof TimelineRefusal];

/** Outcome of a timeline write: expected refusals are values, not exceptions. */
export type TimelineResult<T extends object = object> =
	({ ok: true } & T) | { ok: false; reason: TimelineRefusal };

/** Longest entry text; pasted log excerpts belong behind the evidence link. */
export const MAX_TEXT_LENGTH = 5000;
/** Longest display name stored as author. */
export const MAX_AUTHOR_LENGTH = 120;
/** Longest evidence URL. */
export const MAX_SOURCE_LENGTH = 2048;

const ENTRIES = 'entries';
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The entries map of a timeline document: id -> entry map. */
function entriesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
	return doc.getMap<Y.Map<unknown>>(ENTRIES);
}

function isHttpUrl(value: string): boolean {
	if (value.length > MAX_SOURCE_LENGTH) return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** Checks the fields present in `fields`; returns the first refusal or null. */
function validate(fields: TimelinePatch & { author?: string }): TimelineRefusal | null {
	if (fields.at !== undefined && parseZonedIso(fields.at) === null)
		return TimelineRefusal.invalidAt;
	if (fields.kind !== undefined && !isTimelineKind(fields.kind)) return TimelineRefusal.unknownKind;
	if (fields.text !== undefined) {
		if (fields.text.trim() === '') return TimelineRefusal.emptyText;
		if (fields.text.length > MAX_TEXT_LENGTH) return TimelineRefusal.textTooLong;
	}
	if (fields.source !== undefined && fields.source !== '' && !isHttpUrl(fields.source)) {
		return TimelineRefusal.invalidSource;
	}
	if (fields.author !== undefined && fields.author.length > MAX_AUTHOR_LENGTH) {
		return TimelineRefusal.invalidAuthor;
	}
	return null;
}

function isNewerSchema(doc: Y.Doc): boolean {
	const v = readSchemaVersion(doc);
	return v !== null && v > schemaVersion.timeline;
}

/** The last time this process put in an id, so ids made in the same ms still sort in order. */
let lastIdMs = 0;

/** `n` in base 36, zero-padded to `width`: fixed-width, so string order is number order. */
const base36 = (n: number, width: number): string => n.toString(36).padStart(width, '0');

/**
 * A new entry id that sorts by when it was made: 9 base-36 digits of epoch ms (strictly increasing
 * within one device), then 64 random bits. `readTimeline` breaks ties of `at` by id, so entries
 * typed in the same second keep the order they were added in, on every peer, and an entry restored
 * under its id (undo) comes back in its place. No extra field: 23 characters, shorter than the 32
 * hex of the random ids before. `getRandomValues` works in insecure contexts, unlike randomUUID.
 */
export function newEntryId(now: number = Date.now()): string {
	lastIdMs = Math.max(now, lastIdMs + 1);
	const [a = 0, b = 0] = crypto.getRandomValues(new Uint32Array(2));
	return base36(lastIdMs, 9) + base36(a, 7) + base36(b, 7);
}

const str = (v: unknown): string =>
	typeof v === 'string' ? v : v instanceof Y.Text ? v.toString() : '';

/** Plain view of one stored entry; tolerant of missing or foreign fields, never throws. */
function readEntry(id: string, map: Y.Map<unknown>): TimelineEntry {
	const kind = str(map.get('kind'));
	return {
		id,
		at: str(map.get('at')),
		// An unknown kind (a newer client's, or garbage) shows as a note rather than vanishing.
		kind: isTimelineKind(kind) ? kind : TimelineKind.note,
		text: str(map.get('text')),
		source: str(map.get('source')),
		author: str(map.get('author'))
	};
}

/** Sort key for `at`: epoch ms, or +Infinity so entries without a valid time sort last. */
function atKey(at: string): number {
	return parseZonedIso(at) ?? Number.POSITIVE_INFINITY;
}

/**
 * All entries, sorted by instant (`at`), then id so every peer shows the same order. Ids sort in
 * the order entries were made (`newEntryId`), so entries at the same instant (times are typed to
 * the minute or second) keep the order they were added in. Entries from before time-ordered ids
 * tie-break by their random id.
 */
export function readTimeline(doc: Y.Doc): TimelineEntry[] {
	const out: { entry: TimelineEntry; key: number }[] = [];
	entriesOf(doc).forEach((value, id) => {
		if (value instanceof Y.Map) {
			const entry = readEntry(id, value);
			out.push({ entry, key: atKey(entry.at) });
		}
	});
	out.sort((a, b) => {
		if (a.key !== b.key) return a.key < b.key ? -1 : 1;
		return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
	});
	return out.map((o) => o.entry);
}

/** Adds an entry after validating it; `origin` is passed to `doc.transact` (undo, sync). */
export function addTimelineEntry(
	doc: Y.Doc,
	input: TimelineInput,
	origin?: unknown
): TimelineResult<{ id: string }> {
	const source = input.source ?? '';
	const refusal = validate({
		at: input.at,
		kind: input.kind,
		text: input.text,
		source,
		author: input.author
	});
	if (refusal) return { ok: false, reason: refusal };
	if (input.id !== undefined && !ID_PATTERN.test(input.id)) {
		return { ok: false, reason: TimelineRefusal.invalidId };
	}
	if (isNewerSchema(doc)) return { ok: false, reason: TimelineRefusal.newerSchema };
	const entries = entriesOf(doc);
	const id = input.id ?? newEntryId();
	if (entries.has(id)) return { ok: false, reason: TimelineRefusal.duplicateId };

	doc.transact(() => {
		stampSchemaVersion(doc, schemaVersion.timeline);
		const map = new Y.Map<unknown>();
		map.set('at', input.at);
		map.set('kind', input.kind);
		map.set('text', new Y.Text(input.text));
		map.set('source', source);
		map.set('author', input.author);
		entries.set(id, map);
	}, origin);
	return { ok: true, id };
}

/**
 * Changes the given fields of an entry. Text changes are applied as a minimal edit of the Y.Text
 * so that someone typing in the same entry at the same time keeps their characters.
 */
export function updateTimelineEntry(
	doc: Y.Doc,
	id: string,
	patch: TimelinePatch,
	origin?: unknown
): TimelineResult {
	const refusal = validate(patch);
	if (refusal) return { ok: false, reason: refusal };
	if (isNewerSchema(doc)) return { ok: false, reason: TimelineRefusal.newerSchema };
	const map = entriesOf(doc).get(id);
	if (!(map instanceof Y.Map)) return { ok: false, reason: TimelineRefusal.notFound };

	doc.transact(() => {
		stampSchemaVersion(doc, schemaVersion.timeline);
		// Only write what changed: an unchanged field rewritten would still win over a concurrent edit.
		for (const key of ['at', 'kind', 'source'] as const) {
			const value = patch[key];
			if (value !== undefined && map.get(key) !== value) map.set(key, value);
		}
		if (patch.text !== undefined) {
			const text = map.get('text');
			if (text instanceof Y.Text) applyTextDiff(text, patch.text);
			else map.set('text', new Y.Text(patch.text));
		}
	}, origin);
	return { ok: true };
}

/** Deletes an entry. A concurrent edit of the same entry is dropped with it on every peer. */
export function removeTimelineEntry(doc: Y.Doc, id: string, origin?: unknown): TimelineResult {
	if (isNewerSchema(doc)) return { ok: false, reason: TimelineRefusal.newerSchema };
	const entries = entriesOf(doc);
	if (!entries.has(id)) return { ok: false, reason: TimelineRefusal.notFound };
	doc.transact(() => entries.delete(id), origin);
	return { ok: true };
}

/**
 * Calls `onChange` after every change to the timeline (local or remote) and returns the
 * unsubscribe function. UI adapters use it instead of reaching into the document's keys.
 */
export function observeTimeline(doc: Y.Doc, onChange: () => void): () => void {
	const entries = entriesOf(doc);
	const handler = (): void => onChange();
	entries.observeDeep(handler);
	return () => entries.unobserveDeep(handler);
}
