import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startPGliteThread } from './pglite-thread.ts';

describe('PGlite on its own thread', () => {
	it('answers queries, keeps transactions whole and carries Postgres error fields', async () => {
		const db = await startPGliteThread('memory://');
		try {
			await db.exec('create table t (id int primary key, note text, at timestamptz)');
			await db.query('insert into t values ($1, $2, $3)', [1, 'one', '2026-11-21T10:00:00Z']);
			const rows = await db.query('select id, note, at from t', [], { rowMode: 'array' });
			// Timestamps stay text, as drizzle's PGlite driver asks; drizzle maps them itself.
			expect(rows.rows).toEqual([[1, 'one', '2026-11-21 10:00:00+00']]);

			await expect(
				db.transaction(async (tx) => {
					await tx.query('insert into t (id, note) values (2, $1)', ['two']);
					throw new Error('changed my mind');
				})
			).rejects.toThrow('changed my mind');
			const committed = await db.transaction(async (tx) => {
				await tx.query('insert into t (id, note) values (3, $1)', ['three']);
				return 'done';
			});
			expect(committed).toBe('done');
			const ids = await db.query('select id from t order by id');
			expect(ids.rows).toEqual([{ id: 1 }, { id: 3 }]);

			const duplicate = await db.query('insert into t (id) values (1)').catch((e: unknown) => e);
			expect(duplicate).toBeInstanceOf(Error);
			expect((duplicate as { code?: string }).code).toBe('23505');
			expect((duplicate as Error).message).toMatch(/duplicate key/);
		} finally {
			await db.close();
		}
		await expect(db.query('select 1')).rejects.toThrow(/stopped/);
	});

	it('lets statements from elsewhere wait while a transaction holds the database', async () => {
		const db = await startPGliteThread('memory://');
		try {
			await db.exec('create table c (n int)');
			const order: string[] = [];
			let release!: () => void;
			const held = new Promise<void>((resolve) => (release = resolve));
			const tx = db.transaction(async (t) => {
				await t.query('insert into c values (1)');
				order.push('tx wrote');
				await held;
				await t.query('insert into c values (2)');
				order.push('tx done');
			});
			await new Promise((resolve) => setTimeout(resolve, 20));
			const outside = db.query('select count(*)::int as n from c').then((r) => {
				order.push('outside read');
				return r.rows[0];
			});
			await new Promise((resolve) => setTimeout(resolve, 20));
			release();
			await tx;
			// The outside read saw the whole transaction, not half of it.
			expect(await outside).toEqual({ n: 2 });
			expect(order).toEqual(['tx wrote', 'tx done', 'outside read']);
		} finally {
			await db.close();
		}
	});

	// Linux only: elsewhere the thread keeps the process's priority.
	it.runIf(existsSync('/proc/thread-self'))(
		"runs statements at a lower priority than the server's own thread",
		async () => {
			const niceOf = (tid: string) => {
				const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
				// Field 19 (nice); fields after the command name start after the last ')'.
				return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
			};
			const ownTid = readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]!;
			const own = niceOf(ownTid);
			const expected = Math.min(19, own + 10);
			const withNice = () => readdirSync('/proc/self/task').filter((t) => niceOf(t) === expected);
			const before = withNice().length;
			const db = await startPGliteThread('memory://');
			try {
				await db.query('select 1');
				expect(withNice().length).toBe(before + 1);
				expect(niceOf(ownTid)).toBe(own);
			} finally {
				await db.close();
			}
		}
	);
});
