import type * as Y from 'yjs';
import type { DocKey, DocStorage } from '@debrief/sync';
import type { Logger } from '../log.ts';

export interface DocWriterOptions {
	key: DocKey;
	storage: DocStorage;
	batchMs: number;
	/** Log rows after which the document is compacted (off the hot path). */
	compactAfter: number;
	/**
	 * The in-memory document to compact from, when it is known to hold everything stored (a single
	 * instance); absent, compaction rebuilds the document from the database.
	 */
	current?: () => Y.Doc | null;
	/** Rows already in the log when the room loaded. */
	logLength: number;
	log: Logger;
	onPersisted?(count: number, lagMs: number): void;
	onError?(error: unknown): void;
}

const RETRY_MS = [200, 500, 1000, 2000, 5000];

/**
 * Appends a document's accepted updates to its log in short batches, in order, and compacts the
 * log when it grows. A failed append keeps the batch at the head of the queue and retries with
 * backoff: an accepted update is never dropped.
 */
export class DocWriter {
	#options: DocWriterOptions;
	#pending: Array<{ update: Uint8Array; at: number }> = [];
	#timer: ReturnType<typeof setTimeout> | null = null;
	#running: Promise<void> | null = null;
	#failures = 0;
	#logLength: number;
	#compacting: Promise<void> | null = null;

	constructor(options: DocWriterOptions) {
		this.#options = options;
		this.#logLength = options.logLength;
	}

	/** Whether the last write to storage failed (cleared by the next success). */
	get failing(): boolean {
		return this.#failures > 0;
	}

	/** Age in ms of the oldest update not yet stored (persistence lag). */
	get lagMs(): number {
		const oldest = this.#pending[0];
		return oldest ? Date.now() - oldest.at : 0;
	}

	add(update: Uint8Array): void {
		this.#pending.push({ update, at: Date.now() });
		this.#schedule(this.#nextTick());
	}

	/** Writes everything pending now; resolves when it is stored (retrying until it is). */
	async flush(): Promise<void> {
		this.#clearTimer();
		while (this.#pending.length > 0 || this.#running) {
			if (this.#running) {
				await this.#running.catch(() => undefined);
				continue;
			}
			this.#running = this.#write();
			try {
				await this.#running;
			} catch {
				await delay(RETRY_MS[Math.min(this.#failures - 1, RETRY_MS.length - 1)] ?? 1000);
			}
		}
	}

	/** Merges the log into the stored state now (after a flush). */
	async compact(): Promise<void> {
		await this.flush();
		await this.#compactNow();
	}

	/**
	 * Until the next batch tick on a clock shared by every document (multiples of batchMs): writers
	 * of many boards then write in the same turn, and storage sends their rows as one statement.
	 * An update waits at most batchMs, as with a timer of its own.
	 */
	#nextTick(): number {
		const batchMs = this.#options.batchMs;
		if (batchMs <= 0) return 0;
		return batchMs - (Date.now() % batchMs);
	}

	#schedule(ms: number): void {
		if (this.#timer || this.#running) return;
		this.#timer = setTimeout(() => {
			this.#timer = null;
			this.#running = this.#write();
			this.#running.catch(() => {
				const wait = RETRY_MS[Math.min(this.#failures - 1, RETRY_MS.length - 1)] ?? 1000;
				this.#schedule(wait);
			});
		}, ms);
	}

	#clearTimer(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	async #write(): Promise<void> {
		const batch = this.#pending.slice();
		try {
			if (batch.length === 0) return;
			await this.#options.storage.append(
				this.#options.key,
				batch.map((item) => item.update)
			);
			// Only now are they stored; updates added meanwhile stay queued behind them.
			this.#pending.splice(0, batch.length);
			this.#failures = 0;
			this.#logLength += batch.length;
			this.#options.onPersisted?.(batch.length, Date.now() - (batch[0]?.at ?? Date.now()));
		} catch (error) {
			this.#failures += 1;
			this.#options.onError?.(error);
			this.#options.log.error('could not store updates; will retry', {
				error,
				pending: this.#pending.length,
				attempt: this.#failures
			});
			throw error;
		} finally {
			this.#running = null;
		}
		if (this.#pending.length > 0) this.#schedule(this.#nextTick());
		if (this.#logLength >= this.#options.compactAfter && !this.#compacting) {
			this.#compactNow().catch(() => undefined);
		}
	}

	async #compactNow(): Promise<void> {
		if (this.#compacting) return this.#compacting;
		this.#compacting = (async () => {
			try {
				await this.#options.storage.compact(
					this.#options.key,
					this.#options.current?.() ?? undefined
				);
				this.#logLength = await this.#options.storage.logLength(this.#options.key);
			} catch (error) {
				this.#options.log.warn('compaction failed; the log stays as it is', { error });
			} finally {
				this.#compacting = null;
			}
		})();
		return this.#compacting;
	}
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
