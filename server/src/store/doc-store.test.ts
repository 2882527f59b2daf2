import { boards } from '@debrief/db';
import { inArray } from 'drizzle-orm';
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
				storage: createDocStorage(database.db),
				other: createDocStorage((second ?? database).db),
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
