import * as Y from 'yjs';
import {
	byCreated,
	ID_PATTERN,
	isNewerSchema,
	newId,
	readString,
	setIfChanged,
	transactStamped,
	type WriteResult
} from './fields.ts';
import { schemaVersion } from './schema.ts';
import { applyTextDiff } from './text-diff.ts';
import { parseZonedIso } from './time.ts';

/**
 * The overview document: the post-mortem's summary page. Free text fields are top-level `Y.Text`s
 * (`doc.getText(field)`), so two people starting to type in an empty field at once edit the same
 * text instead of each creating one and losing the other's. Scalars live in `fields`, services
 * in a set, responders in a map keyed by id.
 */

/** The overview's free-text fields, in the order the page shows them. */
export const OverviewText = {
	title: 'title',
	summary: 'summary',
	whatHappened: 'whatHappened',
	resolution: 'resolution',
	impactUsers: 'impactUsers',
	impactServices: 'impactServices',
	customerEffect: 'customerEffect',
	sloBreached: 'sloBreached',
	errorBudget: 'errorBudget',
	commsInternal: 'commsInternal',
	commsExternal: 'commsExternal',
	wentWell: 'wentWell',
	wentWrong: 'wentWrong',
	lucky: 'lucky'
} as const;
/** One of the overview's text fields. */
export type OverviewText = (typeof OverviewText)[keyof typeof OverviewText];
/** Every text field of the overview. */
export const OVERVIEW_TEXTS: readonly OverviewText[] = Object.freeze(Object.values(OverviewText));
const textSet: ReadonlySet<string> = new Set(OVERVIEW_TEXTS);

/** True when `s` names an overview text field. */
export function isOverviewText(s: string): s is OverviewText {
	return textSet.has(s);
}

/** Severity levels, most severe first. '' means not set yet. */
export const OVERVIEW_SEVERITIES = Object.freeze(['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const);
/** One of the severity levels. */
export type OverviewSeverity = (typeof OVERVIEW_SEVERITIES)[number];

/** Someone who worked on the incident, and what they did. */
export interface Responder {
	id: string;
	name: string;
	role: string;
	createdAt: string;
}

/** Plain view of the overview. */
export interface Overview {
	texts: Record<OverviewText, string>;
	severity: OverviewSeverity | '';
	/** When the incident began, zoned ISO; '' to take the first timeline event. */
	startedAt: string;
	services: string[];
	responders: Responder[];
}

/** Why an overview write was refused. */
export const OverviewRefusal = {
	unknownField: 'unknown-field',
	textTooLong: 'text-too-long',
	unknownSeverity: 'unknown-severity',
	invalidStart: 'invalid-start',
	emptyName: 'empty-name',
	nameTooLong: 'name-too-long',
	invalidId: 'invalid-id',
	duplicateId: 'duplicate-id',
	notFound: 'not-found',
	newerSchema: 'newer-schema'
} as const;
/** One of the overview refusal reasons. */
export type OverviewRefusal = (typeof OverviewRefusal)[keyof typeof OverviewRefusal];
/** Outcome of an overview write. */
export type OverviewResult<T extends object = object> = WriteResult<OverviewRefusal, T>;

/** Longest free text of one field; the title is shorter. */
export const MAX_OVERVIEW_TEXT = 20_000;
/** Longest incident title. */
export const MAX_TITLE_LENGTH = 200;
/** Longest service, responder name or role. */
export const MAX_NAME_LENGTH = 120;

const FIELDS = 'fields';
const SERVICES = 'services';
const RESPONDERS = 'responders';
const VERSION = schemaVersion.overview;

const fieldsOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(FIELDS);
const servicesOf = (doc: Y.Doc): Y.Map<true> => doc.getMap<true>(SERVICES);
const respondersOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(RESPONDERS);

/** The shared text of a field, for a live editor binding (carets, minimal edits). */
export function overviewText(doc: Y.Doc, field: OverviewText): Y.Text {
	return doc.getText(field);
}

function isSeverity(s: string): s is OverviewSeverity {
	return (OVERVIEW_SEVERITIES as readonly string[]).includes(s);
}

/** The whole overview as plain data; tolerant of foreign values, never throws. */
export function readOverview(doc: Y.Doc): Overview {
	const texts = {} as Record<OverviewText, string>;
	for (const f of OVERVIEW_TEXTS) texts[f] = doc.getText(f).toString();
	const fields = fieldsOf(doc);
	const severity = readString(fields.get('severity'));
	const startedAt = readString(fields.get('startedAt'));
	const responders: Responder[] = [];
	respondersOf(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		responders.push({
			id,
			name: readString(map.get('name')),
			role: readString(map.get('role')),
			createdAt: readString(map.get('createdAt'))
		});
	});
	return {
		texts,
		severity: isSeverity(severity) ? severity : '',
		startedAt: parseZonedIso(startedAt) === null ? '' : startedAt,
		services: [...servicesOf(doc).keys()].sort((a, b) => a.localeCompare(b)),
		responders: responders.sort(byCreated)
	};
}

function textLimit(field: OverviewText): number {
	return field === OverviewText.title ? MAX_TITLE_LENGTH : MAX_OVERVIEW_TEXT;
}

/** Sets a text field with a minimal edit, so a concurrent typist keeps their characters. */
export function setOverviewText(
	doc: Y.Doc,
	field: string,
	value: string,
	origin?: unknown
): OverviewResult {
	if (!isOverviewText(field)) return { ok: false, reason: OverviewRefusal.unknownField };
	if (value.length > textLimit(field)) return { ok: false, reason: OverviewRefusal.textTooLong };
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: OverviewRefusal.newerSchema };
	transactStamped(doc, VERSION, () => applyTextDiff(doc.getText(field), value), origin);
	return { ok: true };
}

/** Sets the severity ('' clears it). */
export function setOverviewSeverity(
	doc: Y.Doc,
	severity: string,
	origin?: unknown
): OverviewResult {
	if (severity !== '' && !isSeverity(severity)) {
		return { ok: false, reason: OverviewRefusal.unknownSeverity };
	}
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: OverviewRefusal.newerSchema };
	transactStamped(doc, VERSION, () => setIfChanged(fieldsOf(doc), 'severity', severity), origin);
	return { ok: true };
}

/** Sets when the incident began (zoned ISO), or '' to use the first timeline event. */
export function setIncidentStart(doc: Y.Doc, at: string, origin?: unknown): OverviewResult {
	if (at !== '' && parseZonedIso(at) === null) {
		return { ok: false, reason: OverviewRefusal.invalidStart };
	}
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: OverviewRefusal.newerSchema };
	transactStamped(doc, VERSION, () => setIfChanged(fieldsOf(doc), 'startedAt', at), origin);
	return { ok: true };
}

function checkName(value: string, required: boolean): OverviewRefusal | null {
	if (required && value.trim() === '') return OverviewRefusal.emptyName;
	if (value.length > MAX_NAME_LENGTH) return OverviewRefusal.nameTooLong;
	return null;
}

/** Adds an affected service (a set: adding one twice, even concurrently, keeps one). */
export function addService(doc: Y.Doc, name: string, origin?: unknown): OverviewResult {
	const service = name.trim();
	const refusal = checkName(service, true);
	if (refusal) return { ok: false, reason: refusal };
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: OverviewRefusal.newerSchema };
	if (servicesOf(doc).has(service)) return { ok: true };
	transactStamped(doc, VERSION, () => servicesOf(doc).set(service, true), origin);
	return { ok: true };
}

/** Removes an affected service. */
export function removeService(doc: Y.Doc, name: string, origin?: unknown): OverviewResult {
	if (!servicesOf(doc).has(name)) return { ok: false, reason: OverviewRefusal.notFound };
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: OverviewRefusal.newerSchema };
	transactStamped(doc, VERSION, () => servicesOf(doc).delete(name), origin);
	return { ok: true };
}

/** Adds a responder; `id` only to restore one (undo). */
export function addResponder(
	doc: Y.Doc,
	input: { id?: string; name: string; role?: string; createdAt?: string },
	origin?: unknown
): OverviewResult<{ id: string }> {
	const name = input.name.trim();
	const role = (input.role ?? '').trim();
	const refusal = checkName(name, true) ?? checkName(role, false);
	if (refusal) return { ok: false, reason: refusal };
	if (input.id !== undefined && !ID_PATTERN.test(input.id)) {
		return { ok: false, reason: OverviewRefusal.invalidId };
	}
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: OverviewRefusal.newerSchema };
	const id = input.id ?? newId();
	if (respondersOf(doc).has(id)) return { ok: false, reason: OverviewRefusal.duplicateId };
	transactStamped(
		doc,
		VERSION,
		() => {
			const map = new Y.Map<unknown>();
			map.set('name', name);
			map.set('role', role);
			map.set('createdAt', input.createdAt ?? new Date().toISOString());
			respondersOf(doc).set(id, map);
		},
		origin
	);
	return { ok: true, id };
}

/** Changes a responder's name or role (only the fields given, only if they changed). */
export function updateResponder(
	doc: Y.Doc,
	id: string,
	patch: { name?: string; role?: string },
	origin?: unknown
): OverviewResult {
	const name = patch.name?.trim();
	const role = patch.role?.trim();
	const refusal =
		(name !== undefined ? checkName(name, true) : null) ??
		(role !== undefined ? checkName(role, false) : null);
	if (refusal) return { ok: false, reason: refusal };
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: OverviewRefusal.newerSchema };
	const map = respondersOf(doc).get(id);
	if (!(map instanceof Y.Map)) return { ok: false, reason: OverviewRefusal.notFound };
	transactStamped(
		doc,
		VERSION,
		() => {
			if (name !== undefined) setIfChanged(map, 'name', name);
			if (role !== undefined) setIfChanged(map, 'role', role);
		},
		origin
	);
	return { ok: true };
}

/** Removes a responder. */
export function removeResponder(doc: Y.Doc, id: string, origin?: unknown): OverviewResult {
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: OverviewRefusal.newerSchema };
	if (!respondersOf(doc).has(id)) return { ok: false, reason: OverviewRefusal.notFound };
	transactStamped(doc, VERSION, () => respondersOf(doc).delete(id), origin);
	return { ok: true };
}

/** Every shared type of the overview: what an undo manager tracks and what observers watch. */
export function overviewTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
	return [
		...OVERVIEW_TEXTS.map((f) => doc.getText(f)),
		fieldsOf(doc),
		servicesOf(doc),
		respondersOf(doc)
	] as Y.AbstractType<unknown>[];
}

/** Calls `onChange` after any change to the overview; returns the unsubscribe. */
export function observeOverview(doc: Y.Doc, onChange: () => void): () => void {
	const types = overviewTypes(doc);
	const handler = (): void => onChange();
	for (const t of types) t.observeDeep(handler);
	return () => {
		for (const t of types) t.unobserveDeep(handler);
	};
}
