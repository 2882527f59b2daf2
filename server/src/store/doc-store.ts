import { docStates, docUpdates, readByteaArray } from '@debrief/db';
import type { Database, Db } from '@debrief/db';
import type { DocKey, DocStorage, StoredDoc } from '@debrief/sync';
import { and, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';

/** DocStorage over @debrief/db: a compacted state per document plus an append-only update log. */
export function createDocStorage(
	database: Pick<Database, 'db' | 'binaryRows' | 'run'>
): DocStorage {
	const { db } = database;
	const gathered = gatherAppends((batches) => appendMany(database, batches));
	return {
		load: (key) => load(database, key),
		append: gathered,
		compact: (key, current) => compact(db, key, current),
		logLength: (key) => db.$count(docUpdates, ofLog(key))
	};
}

/**
 * Writes (and the compaction's reads) move bytes as base64 text, encoded and decoded by the
 * database: drivers move bytea as hex text and PGlite converts it in JavaScript, a byte at a time
 * (a 5 MB state: ~0.5 s to read and ~1.2 s to write, blocking the server; as base64: ~30 ms and
 * ~70 ms). Postgres's encoder wraps lines; Buffer's decoder skips the line breaks. Loads, which a
 * joiner waits for, read binary instead (see `load`).
 */
const asBase64 = (column: typeof docStates.state | typeof docUpdates.update) =>
	sql<string>`encode(${column}, 'base64')`;
const base64 = (bytes: Uint8Array): string =>
	Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const fromBase64 = (bytes: Uint8Array) => sql`decode(${base64(bytes)}, 'base64')`;
const toBytes = (text: string): Uint8Array => {
	const buffer = Buffer.from(text, 'base64');
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};

const ofState = (key: DocKey) =>
	and(eq(docStates.boardId, key.boardId), eq(docStates.section, key.section));
const ofLog = (key: DocKey) =>
	and(eq(docUpdates.boardId, key.boardId), eq(docUpdates.section, key.section));

/**
 * State and log must come from one snapshot: read apart, a compaction committing in between would
 * hide the rows it merged from both reads. One statement is one snapshot. Two scalar subqueries,
 * not a sorted UNION: sorting moved the whole state through the sort's memory (a 5 MB state
 * spilled to disk: +30 ms on every cold join of a big section).
 *
 * The bytes come back in binary (COPY), not as text: a cold join of a 5 MB section read in
 * ~8 ms instead of ~30 (the database base64-encoding it, the server decoding it). COPY takes no
 * parameters, so the key goes in as literals, and only a key of plain characters is accepted.
 */
async function load(database: Pick<Database, 'binaryRows'>, key: DocKey): Promise<StoredDoc> {
	const board = literal(key.boardId);
	const section = literal(key.section);
	const rows = await database.binaryRows(
		`select (select state from doc_states where board_id = ${board} and section = ${section}),` +
			` (select array_agg("update" order by id) from doc_updates` +
			` where board_id = ${board} and section = ${section})`
	);
	const [state, updates] = rows[0] ?? [];
	return { state: state ?? null, updates: updates ? readByteaArray(updates) : [] };
}

/** Ids and section names are letters, digits, '-' and '_'; anything else is not a document key. */
function literal(value: string): string {
	if (!/^[A-Za-z0-9_-]{1,100}$/.test(value)) throw new Error(`not a document key: ${value}`);
	return `'${value}'`;
}

type Batch = { key: DocKey; updates: Uint8Array[] };

/**
 * Appends asked for in one turn of the event loop go to the database as one statement: with a
 * hundred boards each writing a few updates a second, that is one INSERT per batch tick instead
 * of one per board (the writers' ticks are aligned, see DocWriter). Each caller's promise settles
 * with the statement; when it fails, each document is tried on its own, so one document's bad rows
 * cannot hold back the others.
 */
export function gatherAppends(
	write: (batches: Batch[]) => Promise<void>
): (key: DocKey, updates: Uint8Array[]) => Promise<void> {
	let waiting: Array<Batch & { settle: (error?: unknown) => void }> = [];
	const run = () => {
		const group = waiting;
		waiting = [];
		write(group).then(
			() => group.forEach((item) => item.settle()),
			(error: unknown) => {
				if (group.length === 1) return group[0]!.settle(error ?? new Error('append failed'));
				// One document's rows must not hold back the others': try each on its own.
				for (const item of group) {
					write([item]).then(
						() => item.settle(),
						(own: unknown) => item.settle(own ?? new Error('append failed'))
					);
				}
			}
		);
	};
	return (key, updates) =>
		new Promise<void>((resolve, reject) => {
			if (waiting.length === 0) setImmediate(run);
			waiting.push({ key, updates, settle: (error) => (error ? reject(error) : resolve()) });
		});
}

/**
 * One INSERT for every row of every batch, its text fixed whatever the row count: the rows go in
 * as three arrays (board, section, base64 update) and come out of `unnest` in order. drizzle's
 * builder, fed rows, spent more time building the statement than the database took to run it
 * (~14% of the server's busy time with 100 boards typing), so the text is written out here and
 * run as is (`Database.run`; on Postgres a prepared statement). Ids come from one sequence in
 * `ordinality` order, so the log keeps the order we were given.
 */
const APPEND = `insert into doc_updates (board_id, section, "update")
	select board, section, decode(data, 'base64')
	from unnest($1::text[], $2::text[], $3::text[]) with ordinality as rows(board, section, data, n)
	order by n`;

async function appendMany(database: Pick<Database, 'run'>, batches: Batch[]): Promise<void> {
	const boardIds: string[] = [];
	const sections: string[] = [];
	const updates: string[] = [];
	for (const { key, updates: list } of batches) {
		for (const update of list) {
			boardIds.push(key.boardId);
			sections.push(key.section);
			updates.push(base64(update));
		}
	}
	if (updates.length === 0) return;
	await database.run(APPEND, [boardIds, sections, updates]);
}

/**
 * Merges state + log into a new state in one transaction, safe against other instances:
 * - compactions of one document take turns (transaction-scoped advisory lock), so none can
 *   overwrite the state with one that misses rows another already merged and deleted;
 * - the log rows are taken with DELETE ... RETURNING, so exactly the rows deleted are merged.
 *   Deleting `id <= max(read id)` instead would be wrong: a concurrent append can hold a smaller
 *   id yet commit after our read, and would be deleted unseen. Rows committed later stay.
 */
async function compact(db: Db, key: DocKey, current?: Y.Doc): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.execute(
			sql`select pg_advisory_xact_lock(hashtextextended(${`doc:${key.boardId}:${key.section}`}, 0))`
		);
		let state: Uint8Array;
		if (current) {
			// It already holds the stored state and every row (it wrote them): rows committed after
			// this delete's snapshot stay in the log, and are in this state too; Yjs takes both.
			const deleted = await tx
				.delete(docUpdates)
				.where(ofLog(key))
				.returning({ id: docUpdates.id });
			if (deleted.length === 0) return;
			state = Y.encodeStateAsUpdate(current);
		} else {
			const taken = await tx
				.delete(docUpdates)
				.where(ofLog(key))
				.returning({ id: docUpdates.id, data: asBase64(docUpdates.update) });
			if (taken.length === 0) return;
			taken.sort((a, b) => a.id - b.id);
			const [stored] = await tx
				.select({ data: asBase64(docStates.state) })
				.from(docStates)
				.where(ofState(key));
			state = mergeUpdates(
				stored ? toBytes(stored.data) : null,
				taken.map((row) => toBytes(row.data))
			);
		}
		await tx
			.insert(docStates)
			.values({ boardId: key.boardId, section: key.section, state: fromBase64(state) })
			.onConflictDoUpdate({
				target: [docStates.boardId, docStates.section],
				set: { state: sql`excluded.state`, updatedAt: sql`now()` }
			});
	});
}

/**
 * Applying into a fresh doc (rather than Y.mergeUpdates) lets Yjs garbage-collect deleted content,
 * so the state shrinks. Updates whose dependencies are missing stay pending in the doc, and
 * encodeStateAsUpdate includes pending structs, so they are kept, not dropped.
 */
function mergeUpdates(state: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
	const doc = new Y.Doc({ gc: true });
	try {
		doc.transact(() => {
			if (state) Y.applyUpdate(doc, state);
			for (const update of updates) Y.applyUpdate(doc, update);
		});
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}
