import type * as Y from 'yjs';

/** Which Yjs document: one per board section (see DESIGN.md "Documents"). */
export interface DocKey {
	boardId: string;
	section: string;
}

/** What a room reads at load: the compacted state (if any) and the log written after it. */
export interface StoredDoc {
	state: Uint8Array | null;
	updates: Uint8Array[];
}

/**
 * Durable storage of one document, injected into rooms (hocuspocus `Database` style).
 * Implementations: PGlite and Postgres via @debrief/db in server/src/store, in-memory in tests.
 */
export interface DocStorage {
	/** Compacted state plus every logged update after it, in append order. */
	load(key: DocKey): Promise<StoredDoc>;
	/** Appends accepted updates to the document's log, in order, in one transaction. */
	append(key: DocKey, updates: Uint8Array[]): Promise<void>;
	/**
	 * Merges the stored state and the whole current log into a new state and deletes the merged
	 * log rows, in one transaction. Without `current` it reads from the database, not from memory,
	 * so it is correct even when another instance appended rows this one has not seen yet.
	 *
	 * `current` is a document known to hold everything stored (the room's own, on a single
	 * instance, where it wrote every row): its state is stored and the log rows are deleted unread.
	 * That spares rebuilding a large document from the database, which blocks the event loop (a
	 * 20,000-entry section: ~0.4 s, against ~50 ms to encode), and re-applying the rows to it,
	 * which changes nothing and still decodes each one (500 rows: 30-40 ms with people waiting).
	 */
	compact(key: DocKey, current?: Y.Doc): Promise<void>;
	/** Number of log rows after the compacted state (to decide when to compact). */
	logLength(key: DocKey): Promise<number>;
}
