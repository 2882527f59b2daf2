import { Worker } from 'node:worker_threads';

/**
 * PGlite on a worker thread, seen through the part of its interface drizzle uses (`query`,
 * `transaction`, `exec`, `close`). PGlite runs Postgres compiled to WebAssembly in the calling
 * thread: every statement blocked the server's event loop for 1-10 ms, and with people typing
 * that was the slowest thing in a room (writes are batched every 25 ms, so it happened 40 times
 * a second). On its own thread the server keeps reading and sending while statements run.
 *
 * Transactions keep their meaning: PGlite holds one transaction at a time and other statements
 * wait for it inside the worker, as they did in-process.
 */
interface Reply {
	id: number;
	ok: boolean;
	value?: unknown;
	error?: Record<string, unknown> & { message: string; name?: string };
}

interface Results {
	rows: unknown[];
	fields: Array<{ name: string; dataTypeID: number }>;
	affectedRows?: number;
}

type QueryOptions = { rowMode?: 'array' | 'object' };

export interface PGliteThread {
	query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results>;
	exec(sql: string): Promise<Results[]>;
	/** Runs a `COPY ... TO '/dev/blob'` and returns what it wrote (moved across, not copied). */
	copyOut(sql: string): Promise<Uint8Array>;
	transaction<T>(work: (tx: Pick<PGliteThread, 'query'>) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export async function startPGliteThread(dataDir: string): Promise<PGliteThread> {
	const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
		workerData: { dataDir },
		// The worker is plain JavaScript: no loader hooks needed (and none to inherit).
		execArgv: []
	});
	const waiting = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
	let next = 1;
	let failure: Error | null = null;
	const ready = new Promise<void>((resolve, reject) =>
		waiting.set(0, { resolve: () => resolve(), reject })
	);
	worker.ref();
	// The thread keeps the process alive only while a statement is under way, as a socket would.
	worker.unref();
	worker.on('message', (reply: Reply) => {
		const entry = waiting.get(reply.id);
		if (!entry) return;
		waiting.delete(reply.id);
		if (waiting.size === 0) worker.unref();
		if (reply.ok) entry.resolve(reply.value);
		else entry.reject(toError(reply.error));
	});
	const failAll = (error: Error) => {
		failure = error;
		for (const entry of waiting.values()) entry.reject(error);
		waiting.clear();
	};
	worker.on('error', failAll);
	worker.on('exit', (code) => failAll(new Error(`the database thread stopped (exit ${code})`)));

	const call = <T>(message: Record<string, unknown>): Promise<T> => {
		if (failure) return Promise.reject(failure);
		const id = next++;
		return new Promise<T>((resolve, reject) => {
			if (waiting.size === 0) worker.ref();
			waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
			worker.postMessage({ ...message, id });
		});
	};
	const queryIn =
		(tx?: number) =>
		(sql: string, params: unknown[] = [], options: QueryOptions = {}) =>
			call<Results>({ op: 'query', sql, params, rowMode: options.rowMode, tx });

	let nextTx = 1;
	const thread: PGliteThread = {
		query: queryIn(),
		exec: (sql) => call<Results[]>({ op: 'exec', sql }),
		copyOut: async (sql) => new Uint8Array(await call<ArrayBuffer>({ op: 'copyOut', sql })),
		async transaction(work) {
			const tx = nextTx++;
			await call({ op: 'begin', tx });
			let result;
			try {
				result = await work({ query: queryIn(tx) });
			} catch (error) {
				await call({ op: 'end', tx, commit: false }).catch(() => undefined);
				throw error;
			}
			await call({ op: 'end', tx, commit: true });
			return result;
		},
		async close() {
			try {
				await call({ op: 'close' });
			} finally {
				await worker.terminate();
			}
		}
	};
	try {
		await ready;
	} catch (error) {
		await worker.terminate();
		throw error;
	}
	return thread;
}

/** PGlite's error as it was thrown in the worker: message, and Postgres's fields (code, detail). */
function toError(fields: Reply['error']): Error {
	const error = new Error(fields?.message ?? 'database error');
	if (fields) Object.assign(error, fields, { stack: error.stack });
	return error;
}
