import { boards, openDatabase } from '@debrief/db';
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createBoard } from './boards.ts';
import { describeDocStorageContract } from './doc-store.contract.ts';
import { createDocStorage } from './doc-store.ts';
import { OPEN_TIMEOUT, testDatabases } from './test-databases.ts';

for (const backend of testDatabases()) {
	describeDocStorageContract(
		backend.name,
		async () => {
			const database = await backend.open();
			// PGlite is one process-local database: a second open would be a different one.
			const second = database.kind === 'postgres' ? await backend.open() : null;
			// Fresh boards per key keep parallel runs on a shared Postgres out of each other's way.
			const created: string[] = [];
			return {
				storage: createDocStorage(database),
				other: createDocStorage(second ?? database),
				async newKey(section = 'timeline') {
					const board = await createBoard(database.db, { title: 'contract' });
					created.push(board.id);
					return { boardId: board.id, section };
				},
				async close() {
					if (created.length > 0)
						await database.db.delete(boards).where(inArray(boards.id, created));
					await second?.close();
					await database.close();
				}
			};
		},
		{ skip: !backend.enabled, openTimeout: OPEN_TIMEOUT }
	);
}

describe('document keys', () => {
	it(
		'refuses to load a key that is not plain letters, digits, - and _ (it is inlined in COPY)',
		async () => {
			const database = await openDatabase({ dataDir: 'memory://' });
			try {
				const storage = createDocStorage(database);
				const board = await createBoard(database.db, { title: 'keys' });
				expect(await storage.load({ boardId: board.id, section: 'timeline' })).toEqual({
					state: null,
					updates: []
				});
				for (const section of ["x' or '1'='1", 'time line', '', 'a\\b']) {
					await expect(storage.load({ boardId: board.id, section })).rejects.toThrow(
						/not a document key/
					);
				}
			} finally {
				await database.close();
			}
		},
		OPEN_TIMEOUT
	);
});
