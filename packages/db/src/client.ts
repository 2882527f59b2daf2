import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { parseBinaryCopy } from './binary-rows.ts';
import type { BinaryRow } from './binary-rows.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { startPGliteThread } from './pglite-thread.ts';
import type { PGliteThread } from './pglite-thread.ts';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.ts';

/** Drizzle over either backend, typed with our schema; both drivers share this query surface. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database: the drizzle instance, which backend it is, and how to let go of it. */
export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/**
	 * Runs a SELECT and returns its rows in Postgres's binary format (see binary-rows.ts): large
	 * bytea values cross as their bytes, not as text. COPY takes no bind parameters, so `select`
	 * carries its values inline: pass only values you have checked (ids, names), never input.
	 */
	binaryRows(select: string): Promise<BinaryRow[]>;
	/**
	 * Runs a statement whose text never changes, for hot paths (the update log), bypassing
	 * drizzle. Postgres parses and plans it once per connection (a named prepared statement), then
	 * only binds. PGlite sends it by the simple protocol with plain values written in (see
	 * `inlinePlain`), and binds them when one is not plain. Params are strings or string arrays;
	 * arrays become Postgres arrays.
	 */
	run(statement: string, params: Array<string | string[]>): Promise<void>;
	close(): Promise<void>;
}

export interface OpenDatabaseOptions {
	/** A postgres:// URL; without it, an embedded PGlite stores its data in `dataDir`. */
	url?: string;
	/** PGlite's data directory (created if missing); `memory://` keeps everything in memory. */
	dataDir: string;
}

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

// Any constant works; it only has to be the same in every instance of the server.
const MIGRATION_LOCK = 0x64656272;

/** Opens the database and brings its schema up to date before anyone can query it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
	return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
	const onDisk = !dataDir.includes('://');
	if (onDisk) await mkdir(dataDir, { recursive: true });
	const unlock = onDisk ? lockDataDir(dataDir) : () => {};
	let thread: PGliteThread | undefined;
	try {
		thread = await startPGliteThread(dataDir);
		// drizzle's PGlite driver uses only `query` and `transaction`, which the thread provides.
		const client = thread as unknown as PGlite;
		const db = drizzlePglite({ client, schema, casing: 'snake_case' });
		await migratePglite(db, { migrationsFolder });
		const opened = thread;
		return {
			db,
			kind: 'pglite',
			// PGlite writes a server-side COPY to '/dev/blob' into a buffer it hands back.
			binaryRows: async (select) =>
				parseBinaryCopy(
					await opened.copyOut(`copy (${select}) to '/dev/blob' with (format binary)`)
				),
			run: async (statement, params) => {
				const inlined = inlinePlain(statement, params);
				if (inlined === null) await opened.query(statement, params);
				else await opened.exec(inlined);
			},
			close: async () => {
				await opened.close();
				unlock();
			}
		};
	} catch (error) {
		await thread?.close().catch(() => undefined);
		unlock();
		throw error;
	}
}

async function openPostgres(url: string): Promise<Database> {
	await migrateLocked(url);
	const client = postgres(url, { onnotice: () => {} });
	const db = drizzlePostgres({ client, schema, casing: 'snake_case' });
	return {
		db,
		kind: 'postgres',
		binaryRows: async (select) =>
			parseBinaryCopy(await copyOut(client, `copy (${select}) to stdout with (format binary)`)),
		run: async (statement, params) => {
			await client.unsafe(statement, params as postgres.ParameterOrJSON<never>[], {
				prepare: true
			});
		},
		close: () => client.end({ timeout: 5 })
	};
}

const PLAIN = /^[A-Za-z0-9_+/=-]*$/;

/**
 * `statement` with its `$n` parameters written in as literals, or null when a value is not plain.
 * In PGlite the extended protocol (parse, describe, bind, execute) costs ~1 ms of JavaScript a
 * statement and the simple one ~0.4 ms: appending to the log ~40 times a second in a busy room,
 * that is 4% of a core. Only values of letters, digits and `_ + / = -` are written in (ids,
 * section names, base64): nothing that can end a quoted string. Every `$n` in the text is taken
 * for a parameter, so the statement must not hold a `$` of its own (in a string or a name).
 */
export function inlinePlain(statement: string, params: Array<string | string[]>): string | null {
	const literals: string[] = [];
	for (const value of params) {
		if (typeof value === 'string') {
			if (!PLAIN.test(value)) return null;
			literals.push(`'${value}'`);
		} else {
			if (value.length === 0 || !value.every((item) => PLAIN.test(item))) return null;
			literals.push(`array['${value.join("','")}']`);
		}
	}
	let missing = false;
	const text = statement.replace(/\$(\d+)(?!\d)/g, (_, n: string) => {
		const literal = literals[Number(n) - 1];
		if (literal === undefined) missing = true;
		return literal ?? '';
	});
	return missing ? null : text;
}

/** The whole output of a COPY ... TO STDOUT, in one buffer. */
async function copyOut(client: postgres.Sql, copy: string): Promise<Uint8Array> {
	const stream = await client.unsafe(copy).readable();
	const chunks: Buffer[] = [];
	let length = 0;
	await new Promise<void>((resolve, reject) => {
		stream.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			length += chunk.length;
		});
		stream.once('end', resolve);
		stream.once('error', reject);
	});
	return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
}

/**
 * drizzle's migrator takes no lock, and several server instances may start at once against one
 * Postgres: a session advisory lock, held on a connection of its own, makes them take turns.
 */
async function migrateLocked(url: string): Promise<void> {
	const client = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
		await migratePostgres(drizzlePostgres({ client, casing: 'snake_case' }), { migrationsFolder });
	} finally {
		// Ending the session releases the advisory lock too, even when the unlock is never sent.
		await client.end({ timeout: 5 });
	}
}
