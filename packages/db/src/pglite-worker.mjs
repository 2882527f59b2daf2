// PGlite on a thread of its own (see pglite-thread.ts). Plain JavaScript so it loads the same
// under Node, tsx and vitest. Messages in: { id, op, ... }; out: { id, ok, value | error }.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

const NICER = 10;

/**
 * This thread gives way to the server's own (nice + 10, on Linux). With one core for both,
 * Linux otherwise shares it fairly: a message arriving while a statement ran waited up to a
 * scheduler slice (a few ms) behind it, and a compaction could hold a broadcast back for longer.
 * Writes are batched and have 100 ms to be stored; a change reaching the room does not wait. When
 * both are busy this thread still gets about a tenth of the core.
 */
function giveWay() {
	try {
		// "<pid>/task/<tid>": setpriority() on a thread id changes that thread only.
		const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
		if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + NICER));
	} catch {
		// Not Linux, or not allowed: the thread keeps the process's priority.
	}
}
giveWay();

// drizzle's PGlite driver asks for these types as text and maps them itself; the parsers it
// passes are functions, which cannot cross threads, so they are the same ones, set here.
const asText = (value) => value;
const parsers = {
	[types.TIMESTAMP]: asText,
	[types.TIMESTAMPTZ]: asText,
	[types.INTERVAL]: asText,
	[types.DATE]: asText,
	1231: asText, // numeric[]
	1115: asText, // timestamp[]
	1185: asText, // timestamptz[]
	1187: asText, // interval[]
	1182: asText // date[]
};

const port = parentPort;
/** Open transactions by id: the PGlite transaction, how to end it, and when it has ended. */
const transactions = new Map();
let db;

function serializeError(error) {
	if (!(error instanceof Error)) return { message: String(error) };
	// Postgres's fields (code, detail, constraint...) are own properties of PGlite's error.
	const fields = {};
	for (const [key, value] of Object.entries(error)) {
		if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
	}
	return { ...fields, name: error.name, message: error.message };
}

function reply(id, work) {
	work.then(
		// An ArrayBuffer is moved to the caller's thread rather than copied.
		(value) =>
			port.postMessage({ id, ok: true, value }, value instanceof ArrayBuffer ? [value] : []),
		(error) => port.postMessage({ id, ok: false, error: serializeError(error) })
	);
}

function plain(result) {
	return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
}

const ROLLBACK = Symbol('rollback');

port.on('message', (message) => {
	const { id, op } = message;
	switch (op) {
		case 'query': {
			const target = message.tx ? transactions.get(message.tx)?.tx : db;
			if (!target) return reply(id, Promise.reject(new Error('transaction is over')));
			const options = { rowMode: message.rowMode ?? 'object', parsers };
			return reply(id, target.query(message.sql, message.params ?? [], options).then(plain));
		}
		case 'exec':
			return reply(
				id,
				db.exec(message.sql).then((results) => results.map(plain))
			);
		case 'copyOut':
			return reply(
				id,
				db.query(message.sql).then((result) => {
					if (!result.blob) throw new Error('the COPY wrote nothing to /dev/blob');
					return result.blob.arrayBuffer();
				})
			);
		case 'begin': {
			// Answered once the transaction holds PGlite (other statements wait inside PGlite); it
			// stays open, its statements tagged with its id, until 'end' commits or rolls it back.
			let began;
			const started = new Promise((resolve) => (began = resolve));
			const entry = {};
			entry.finished = db
				.transaction(
					(tx) =>
						new Promise((resolve, reject) => {
							entry.tx = tx;
							entry.end = (commit) => (commit ? resolve() : reject(ROLLBACK));
							began();
						})
				)
				.catch((error) => {
					if (error !== ROLLBACK) throw error;
				})
				.finally(() => transactions.delete(message.tx));
			transactions.set(message.tx, entry);
			return reply(id, started);
		}
		case 'end': {
			const open = transactions.get(message.tx);
			if (!open?.end) return reply(id, Promise.reject(new Error('no such transaction')));
			open.end(message.commit);
			return reply(id, open.finished);
		}
		case 'close':
			return reply(id, db.close());
		default:
			return reply(id, Promise.reject(new Error(`unknown op ${op}`)));
	}
});

PGlite.create(workerData.dataDir).then(
	(created) => {
		db = created;
		port.postMessage({ id: 0, ok: true, value: 'ready' });
	},
	(error) => port.postMessage({ id: 0, ok: false, error: serializeError(error) })
);
