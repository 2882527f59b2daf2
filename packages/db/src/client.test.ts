import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readByteaArray } from './binary-rows.ts';
import { inlinePlain, openDatabase } from './client.ts';
import type { Database } from './client.ts';
import { boards, docStates, users } from './schema.ts';

const OPEN_TIMEOUT = 120_000;

describe('inlinePlain', () => {
	it('writes plain strings and string arrays in place of $n', () => {
		expect(
			inlinePlain('select $1::text[], $2, $10, $1', [
				['a-b', 'c_d'],
				'QUJD+/==',
				...Array<string>(7).fill('x'),
				'ten'
			])
		).toBe("select array['a-b','c_d']::text[], 'QUJD+/==', 'ten', array['a-b','c_d']");
		expect(inlinePlain('select $1', [''])).toBe("select ''");
	});

	it('gives up on anything that could leave a quoted string, an empty array or a missing value', () => {
		for (const value of ["it's", 'back\\slash', 'new\nline', 'semi;colon', 'sp ace', '$1']) {
			expect(inlinePlain('select $1', [value])).toBeNull();
			expect(inlinePlain('select $1', [['ok', value]])).toBeNull();
		}
		expect(inlinePlain('select $1::text[]', [[]])).toBeNull();
		expect(inlinePlain('select $1, $2', ['a'])).toBeNull();
	});
});

describe('openDatabase on a PGlite data directory', () => {
	let dataDir = '';

	beforeAll(async () => {
		dataDir = await mkdtemp(join(tmpdir(), 'debrief-db-'));
	});
	afterAll(async () => {
		await rm(dataDir, { recursive: true, force: true });
	});

	it(
		'keeps data across close and reopen, and reapplies no migration',
		async () => {
			const dir = join(dataDir, 'nested', 'pglite');
			const first = await openDatabase({ dataDir: dir });
			expect(first.kind).toBe('pglite');
			await first.db.insert(users).values({ id: 'u1', name: 'Ada', email: 'ada@example.com' });
			const applied = await countMigrations(first);
			await first.close();

			const second = await openDatabase({ dataDir: dir });
			try {
				const rows = await second.db.select().from(users).where(eq(users.id, 'u1'));
				expect(rows).toMatchObject([{ name: 'Ada', email: 'ada@example.com', isGuest: false }]);
				expect(await countMigrations(second)).toBe(applied);
			} finally {
				await second.close();
			}
		},
		OPEN_TIMEOUT
	);
});

const url = process.env.DATABASE_URL;
if (!url) console.warn('Postgres client tests skipped: set DATABASE_URL to run them.');

const backends = [
	{ name: 'PGlite in memory', options: { dataDir: 'memory://' } },
	...(url ? [{ name: 'Postgres', options: { url, dataDir: 'memory://' } }] : [])
];

describe.each(backends)('schema on $name', ({ options }) => {
	let database: Database;
	const boardId = `t-${crypto.randomUUID()}`;

	beforeAll(async () => {
		database = await openDatabase(options);
		await database.db.insert(boards).values({ id: boardId, title: 'Test board' });
	}, OPEN_TIMEOUT);
	afterAll(async () => {
		await database.db.delete(boards).where(eq(boards.id, boardId));
		await database.close();
	});

	it('reads bytea back as a plain Uint8Array with the same bytes', async () => {
		const bytes = new Uint8Array([0, 1, 2, 254, 255]);
		await database.db.insert(docStates).values({ boardId, section: 'timeline', state: bytes });
		const [row] = await database.db.select().from(docStates).where(eq(docStates.boardId, boardId));
		expect(row?.state.constructor).toBe(Uint8Array);
		expect(Array.from(row?.state ?? [])).toEqual(Array.from(bytes));
	});

	it('reads rows in binary: bytea as its bytes, NULL as null, bytea[] in order', async () => {
		// Large enough to be stored out of line (TOAST) and to cross in several socket reads.
		const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7919) % 251);
		const encoded = Buffer.from(big).toString('base64');
		const rows = await database.binaryRows(
			`select decode('${encoded}', 'base64'), null::bytea, array['\\x0102'::bytea, null, ''::bytea, '\\xff'::bytea], '{}'::bytea[]` +
				` union all select '\\x00'::bytea, '\\x'::bytea, null, array['\\x07'::bytea]`
		);
		expect(rows).toHaveLength(2);
		const [first, second] = rows;
		expect(first).toHaveLength(4);
		expect(Buffer.from(first![0]!).equals(Buffer.from(big))).toBe(true);
		expect(first![1]).toBeNull();
		expect(readByteaArray(first![2]!).map((b) => Array.from(b))).toEqual([[1, 2], [], [255]]);
		expect(readByteaArray(first![3]!)).toEqual([]);
		expect(Array.from(second![0]!)).toEqual([0]);
		expect(Array.from(second![1]!)).toEqual([]);
		expect(second![2]).toBeNull();
		expect(readByteaArray(second![3]!).map((b) => Array.from(b))).toEqual([[7]]);
	});

	it('reads no rows as an empty list, and reports a bad statement', async () => {
		expect(await database.binaryRows('select 1 where false')).toEqual([]);
		await expect(database.binaryRows('select * from no_such_table')).rejects.toThrow(
			/no_such_table/
		);
	});

	it('runs a fixed statement with string and array values, written in or bound', async () => {
		const ids = [`${boardId}-a`, `${boardId}-b`];
		const insert = `insert into boards (id, title, severity)
			select id, title, $3 from unnest($1::text[], $2::text[]) with ordinality as r(id, title, n)
			order by n`;
		// Plain values (PGlite writes them in) and one that is not (it goes as a bind value).
		await database.run(insert, [ids, ['Plain_title', 'it\'s "quoted" \\ $1'], 'SEV2']);
		await database.run(insert, [[`${boardId}-c`], ['c'], 'SEV3']);
		const rows = await database.db
			.select({ id: boards.id, title: boards.title, severity: boards.severity })
			.from(boards)
			.where(inArray(boards.id, [...ids, `${boardId}-c`]))
			.orderBy(boards.id);
		expect(rows).toEqual([
			{ id: ids[0], title: 'Plain_title', severity: 'SEV2' },
			{ id: ids[1], title: 'it\'s "quoted" \\ $1', severity: 'SEV2' },
			{ id: `${boardId}-c`, title: 'c', severity: 'SEV3' }
		]);
		await expect(database.run('insert into no_such_table values ($1)', ['x'])).rejects.toThrow(
			/no_such_table/
		);
		await database.db.delete(boards).where(inArray(boards.id, [...ids, `${boardId}-c`]));
	});

	it('applies the defaults a new board relies on', async () => {
		const [row] = await database.db.select().from(boards).where(eq(boards.id, boardId));
		expect(row).toMatchObject({ status: 'draft', revision: 0, severity: null });
		expect(row?.createdAt).toBeInstanceOf(Date);
	});

	// A memory:// PGlite is a new database on every open; the directory case is covered above.
	it.runIf(options.url)(
		'reopening finds the migrations already applied',
		async () => {
			const again = await openDatabase(options);
			try {
				expect(await countMigrations(again)).toBe(await countMigrations(database));
			} finally {
				await again.close();
			}
		},
		OPEN_TIMEOUT
	);
});

async function countMigrations({ db }: Database): Promise<number> {
	const rows = await db.execute<{ n: number }>(
		sql`select count(*)::int as n from drizzle.__drizzle_migrations`
	);
	// The two drivers shape execute() results differently: PGlite { rows }, postgres.js an array.
	const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows;
	return Number(list[0]?.n);
}
