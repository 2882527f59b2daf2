import type * as Y from 'yjs';

/**
 * Schema version of each section document, stored under `version` in `doc.getMap('schema')`.
 * Bump it with an ordered migration when a document's shape changes; writers refuse to touch a
 * document stamped with a newer version than they know, so an old tab cannot corrupt it.
 */
export const schemaVersion = {
	timeline: 1,
	overview: 1,
	rca: 1,
	factors: 1,
	actions: 1,
	discussion: 1
} as const;

const SCHEMA_MAP = 'schema';
const VERSION_KEY = 'version';

/** The version stamped in `doc`, or `null` when nobody has written it yet. */
export function readSchemaVersion(doc: Y.Doc): number | null {
	const v: unknown = doc.getMap(SCHEMA_MAP).get(VERSION_KEY);
	return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/**
 * Stamps `version` when the document has none yet. Must run inside the writer's transaction.
 * Two clients stamping concurrently write the same value, so the map's last-writer-wins is harmless.
 */
export function stampSchemaVersion(doc: Y.Doc, version: number): void {
	const schema = doc.getMap(SCHEMA_MAP);
	if (schema.get(VERSION_KEY) !== version) schema.set(VERSION_KEY, version);
}
