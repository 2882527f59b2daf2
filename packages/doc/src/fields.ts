import * as Y from 'yjs';
import { readSchemaVersion, stampSchemaVersion } from './schema.ts';
import { applyTextDiff } from './text-diff.ts';

/**
 * Small pieces every section document shares: ids, field checks, and "write only what changed".
 * Kept apart from the sections so each rule (what an id looks like, what counts as a link) has
 * one definition.
 */

/** Ids are stable strings: 1–64 of [A-Za-z0-9_-]. Callers may pass one to restore (undo). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Longest evidence or ticket URL. */
export const MAX_URL_LENGTH = 2048;

/** A random id from 16 bytes; `getRandomValues` works in insecure contexts, unlike randomUUID. */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	let id = '';
	for (const b of bytes) id += b.toString(16).padStart(2, '0');
	return id;
}

/** True for an absolute http(s) URL of reasonable length. */
export function isHttpUrl(value: string): boolean {
	if (value.length > MAX_URL_LENGTH) return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** '' or an http(s) URL: the shape of every optional link field. */
export function isOptionalUrl(value: string): boolean {
	return value === '' || isHttpUrl(value);
}

/** A stored value as a string: Y.Text is read as its text, anything foreign as ''. */
export function readString(v: unknown): string {
	return typeof v === 'string' ? v : v instanceof Y.Text ? v.toString() : '';
}

/** The keys of a `Y.Map<true>` used as a set (linked ids, services), sorted for stable output. */
export function readKeySet(v: unknown): string[] {
	if (!(v instanceof Y.Map)) return [];
	return [...v.keys()].sort();
}

/** True when the document carries a schema version newer than this code knows. */
export function isNewerSchema(doc: Y.Doc, known: number): boolean {
	const v = readSchemaVersion(doc);
	return v !== null && v > known;
}

/** Runs `fn` in one transaction that also stamps the schema version. */
export function transactStamped(
	doc: Y.Doc,
	version: number,
	fn: () => void,
	origin: unknown
): void {
	doc.transact(() => {
		stampSchemaVersion(doc, version);
		fn();
	}, origin);
}

/**
 * Writes `value` under `key` only when it differs: an unchanged field rewritten would still win
 * over someone else's concurrent edit of it (last writer wins per key).
 */
export function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
	if (map.get(key) !== value) map.set(key, value);
}

/** Makes the Y.Text under `key` read `value` with a minimal edit, creating it if missing. */
export function setText(map: Y.Map<unknown>, key: string, value: string): void {
	const text = map.get(key);
	if (text instanceof Y.Text) applyTextDiff(text, value);
	else map.set(key, new Y.Text(value));
}

/** The Y.Text under `key`, created (inside a transaction of the caller's origin) if missing. */
export function ensureText(map: Y.Map<unknown>, key: string, origin?: unknown): Y.Text {
	const text = map.get(key);
	if (text instanceof Y.Text) return text;
	const created = new Y.Text(readString(text));
	const run = (): void => void map.set(key, created);
	if (map.doc) map.doc.transact(run, origin);
	else run();
	return created;
}

/**
 * Makes the set under `key` (a `Y.Map<true>`) hold exactly `ids`, adding and deleting only the
 * difference so a concurrent link made by someone else survives.
 */
export function setKeySet(map: Y.Map<unknown>, key: string, ids: readonly string[]): void {
	let set = map.get(key);
	if (!(set instanceof Y.Map)) {
		set = new Y.Map<true>();
		map.set(key, set);
	}
	const target = set as Y.Map<true>;
	const wanted = new Set(ids);
	for (const k of [...target.keys()]) if (!wanted.has(k)) target.delete(k);
	for (const k of wanted) if (!target.has(k)) target.set(k, true);
}

/** A `Y.Map<true>` holding `ids`, for a new item. */
export function keySetOf(ids: readonly string[]): Y.Map<true> {
	const set = new Y.Map<true>();
	for (const id of new Set(ids)) set.set(id, true);
	return set;
}

/** Outcome of a write: expected refusals are values, not exceptions. */
export type WriteResult<R extends string, T extends object = object> =
	({ ok: true } & T) | { ok: false; reason: R };

/** Sorts plain items by `createdAt` (ISO, the writer's clock), then id, so every peer agrees. */
export function byCreated<T extends { id: string; createdAt: string }>(a: T, b: T): number {
	if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Calls `onChange` after any change under `type` (local or remote); returns the unsubscribe. */
export function observeType(type: Y.AbstractType<unknown>, onChange: () => void): () => void {
	const handler = (): void => onChange();
	type.observeDeep(handler);
	return () => type.unobserveDeep(handler);
}

/**
 * The checks every "add an item keyed by id" writer makes before it writes: a given id must be
 * well formed, the document must not come from a newer schema, and the id must be free. Returns
 * the id to use (the given one, or a fresh one) or the section's own refusal.
 */
export function claimNewId<R>(
	doc: Y.Doc,
	version: number,
	items: { has(key: string): boolean },
	id: string | undefined,
	refusals: { invalidId: R; newerSchema: R; duplicateId: R }
): { ok: true; id: string } | { ok: false; reason: R } {
	if (id !== undefined && !ID_PATTERN.test(id)) return { ok: false, reason: refusals.invalidId };
	if (isNewerSchema(doc, version)) return { ok: false, reason: refusals.newerSchema };
	const claimed = id ?? newId();
	if (items.has(claimed)) return { ok: false, reason: refusals.duplicateId };
	return { ok: true, id: claimed };
}
