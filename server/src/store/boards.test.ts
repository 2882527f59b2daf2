import { boardMembers, boards, users } from '@debrief/db';
import type { Database } from '@debrief/db';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createBoard, getBoard, listBoards } from './boards.ts';
import { newId } from './ids.ts';
import { OPEN_TIMEOUT, testDatabases } from './test-databases.ts';

describe('newId', () => {
	it('gives 12 lowercase base32 characters, different every time', () => {
		const ids = Array.from({ length: 1000 }, newId);
		for (const id of ids) expect(id).toMatch(/^[a-z2-7]{12}$/);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

for (const backend of testDatabases()) {
	describe.skipIf(!backend.enabled)(`boards on ${backend.name}`, () => {
		let database: Database;
		// Each run uses its own users and boards, so a shared Postgres can host parallel runs.
		const ada = `ada-${newId()}`;
		const bob = `bob-${newId()}`;
		const created: string[] = [];
		const create = async (input: Parameters<typeof createBoard>[1]) => {
			const board = await createBoard(database.db, input);
			created.push(board.id);
			return board;
		};

		beforeAll(async () => {
			database = await backend.open();
			await database.db.insert(users).values([
				{ id: ada, name: 'Ada' },
				{ id: bob, name: 'Bob' }
			]);
		}, OPEN_TIMEOUT);
		afterAll(async () => {
			if (!database) return;
			if (created.length > 0) await database.db.delete(boards).where(inArray(boards.id, created));
			await database.db.delete(users).where(inArray(users.id, [ada, bob]));
			await database.close();
		}, OPEN_TIMEOUT);

		it('creates a draft board at revision 0 with dates as ISO strings', async () => {
			const board = await create({
				title: 'Checkout outage',
				severity: 'SEV2',
				service: 'payments',
				incidentStart: '2026-11-20T09:15:00+01:00',
				incidentEnd: '2026-11-20T10:02:30Z'
			});
			expect(board).toMatchObject({
				title: 'Checkout outage',
				severity: 'SEV2',
				service: 'payments',
				incidentStart: '2026-11-20T08:15:00.000Z',
				incidentEnd: '2026-11-20T10:02:30.000Z',
				status: 'draft',
				revision: 0
			});
			expect(board.id).toMatch(/^[a-z2-7]{12}$/);
			expect(new Date(board.createdAt).toISOString()).toBe(board.createdAt);
			expect(await getBoard(database.db, board.id)).toEqual(board);
		});

		it('leaves optional fields null when not given', async () => {
			const board = await create({ title: 'Minimal' });
			expect(board).toMatchObject({
				severity: null,
				service: null,
				incidentStart: null,
				incidentEnd: null
			});
		});

		it('makes the creator the facilitator', async () => {
			const board = await create({ title: 'Owned', createdBy: ada });
			const rows = await database.db
				.select()
				.from(boardMembers)
				.where(eq(boardMembers.boardId, board.id));
			expect(rows).toMatchObject([{ userId: ada, role: 'facilitator' }]);
		});

		it('refuses a date that is not one', async () => {
			await expect(create({ title: 'Bad', incidentStart: 'yesterday' })).rejects.toThrow(
				/incidentStart/
			);
		});

		it('finds no board for an unknown id', async () => {
			expect(await getBoard(database.db, 'nosuchboard0')).toBeNull();
		});

		it('lists boards newest first', async () => {
			const older = await create({ title: 'Older' });
			const newer = await create({ title: 'Newer' });
			const ids = (await listBoards(database.db)).map((board) => board.id);
			expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
			expect(ids.indexOf(older.id)).toBeGreaterThanOrEqual(0);
		});

		it('lists only the boards a user is a member of, newest first', async () => {
			const mine = await create({ title: 'Mine', createdBy: bob });
			await create({ title: 'Not mine', createdBy: ada });
			const invited = await create({ title: 'Invited', createdBy: ada });
			await addMember(database.db, invited.id, bob, 'observer');
			const titles = (await listBoards(database.db, { userId: bob })).map((b) => b.title);
			expect(titles).toEqual(['Invited', 'Mine']);
			expect(mine.title).toBe('Mine');
		});

		it('adds a member, and changes the role of one already there', async () => {
			const board = await create({ title: 'Roles', createdBy: ada });
			const added = await addMember(database.db, board.id, bob, 'participant');
			expect(added).toMatchObject({ boardId: board.id, userId: bob, role: 'participant' });
			const changed = await addMember(database.db, board.id, bob, 'observer');
			expect(changed.role).toBe('observer');
			const rows = await database.db
				.select()
				.from(boardMembers)
				.where(and(eq(boardMembers.boardId, board.id), eq(boardMembers.userId, bob)));
			expect(rows).toHaveLength(1);
		});
	});
}
