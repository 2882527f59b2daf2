import type * as Y from 'yjs';

/**
 * How many of our own edits to one section the server has not confirmed yet: counted while the
 * section is not synced, cleared when it syncs. Kept in localStorage next to the IndexedDB copy,
 * so "offline, 3 edits waiting" is still true after a reload made offline. A count of local
 * transactions, not of bytes: what a person would call an edit.
 */
export class PendingEdits {
	readonly #key: string;
	count = $state(0);

	constructor(key: string) {
		this.#key = key;
		this.count = readCount(key);
	}

	/** Counts `doc`'s local edits while `synced()` is false; returns the unsubscribe. */
	track(doc: Y.Doc, synced: () => boolean): () => void {
		const onTransaction = (tr: Y.Transaction): void => {
			// Remote updates (provider, IndexedDB) are not local; empty transactions change nothing.
			if (!tr.local || tr.changed.size === 0 || synced()) return;
			this.#set(this.count + 1);
		};
		doc.on('afterTransaction', onTransaction);
		return () => doc.off('afterTransaction', onTransaction);
	}

	/** The server has everything we have. */
	clear(): void {
		if (this.count !== 0) this.#set(0);
	}

	#set(n: number): void {
		this.count = n;
		try {
			if (n === 0) localStorage.removeItem(this.#key);
			else localStorage.setItem(this.#key, String(n));
		} catch {
			// Storage full or private mode: the count still holds for this tab.
		}
	}
}

function readCount(key: string): number {
	try {
		const n = Number(localStorage.getItem(key));
		return Number.isInteger(n) && n > 0 ? n : 0;
	} catch {
		return 0;
	}
}
