import { boardMembers, BoardRole, boards } from '@debrief/db';
import type { BoardStatus, Db } from '@debrief/db';
import { desc, eq, getTableColumns } from 'drizzle-orm';
import { newId } from './ids.ts';

/** A board as the API shows it: plain data, dates as ISO-8601 strings. */
export interface Board {
	id: string;
	title: string;
	severity: string | null;
	service: string | null;
	incidentStart: string | null;
	incidentEnd: string | null;
	status: BoardStatus;
	revision: number;
	createdAt: string;
	updatedAt: string;
}

export interface CreateBoardInput {
	title: string;
	severity?: string | null;
	service?: string | null;
	/** ISO-8601 instant. */
	incidentStart?: string | null;
	/** ISO-8601 instant. */
	incidentEnd?: string | null;
	/** The user creating it; they become its facilitator. */
	createdBy?: string | null;
}

/** One user's role on one board. */
export interface Member {
	boardId: string;
	userId: string;
	role: BoardRole;
	createdAt: string;
}

type BoardRow = typeof boards.$inferSelect;

/**
 * Creates a board. With `createdBy`, that user becomes its facilitator in the same transaction,
 * so no board is ever left without one.
 */
export async function createBoard(db: Db, input: CreateBoardInput): Promise<Board> {
	const values = {
		id: newId(),
		title: input.title,
		severity: input.severity ?? null,
		service: input.service ?? null,
		incidentStart: toDate(input.incidentStart, 'incidentStart'),
		incidentEnd: toDate(input.incidentEnd, 'incidentEnd'),
		createdBy: input.createdBy ?? null
	};
	const row = await db.transaction(async (tx) => {
		const [inserted] = await tx.insert(boards).values(values).returning();
		if (values.createdBy) {
			await tx
				.insert(boardMembers)
				.values({ boardId: values.id, userId: values.createdBy, role: BoardRole.facilitator });
		}
		return inserted;
	});
	if (!row) throw new Error('insert returned no board');
	return toBoard(row);
}

/** The board with this id, or null. */
export async function getBoard(db: Db, id: string): Promise<Board | null> {
	const [row] = await db.select().from(boards).where(eq(boards.id, id));
	return row ? toBoard(row) : null;
}

/** Boards newest first; with `userId`, only those the user is a member of. */
export async function listBoards(db: Db, opts: { userId?: string } = {}): Promise<Board[]> {
	const newestFirst = [desc(boards.createdAt), desc(boards.id)];
	const rows = opts.userId
		? await db
				.select(getTableColumns(boards))
				.from(boards)
				.innerJoin(boardMembers, eq(boardMembers.boardId, boards.id))
				.where(eq(boardMembers.userId, opts.userId))
				.orderBy(...newestFirst)
		: await db
				.select()
				.from(boards)
				.orderBy(...newestFirst);
	return rows.map(toBoard);
}

/** A board with the role of the person looking at it. */
export interface BoardWithRole extends Board {
	role: BoardRole;
}

/** The boards the user is a member of, with their role on each, newest first. */
export async function listBoardsOf(db: Db, userId: string): Promise<BoardWithRole[]> {
	const rows = await db
		.select({ board: boards, role: boardMembers.role })
		.from(boards)
		.innerJoin(boardMembers, eq(boardMembers.boardId, boards.id))
		.where(eq(boardMembers.userId, userId))
		.orderBy(desc(boards.createdAt), desc(boards.id));
	return rows.map((row) => ({ ...toBoard(row.board), role: row.role }));
}

/** Makes the user a member of the board with this role; an existing member gets the new role. */
export async function addMember(
	db: Db,
	boardId: string,
	userId: string,
	role: BoardRole
): Promise<Member> {
	const [row] = await db
		.insert(boardMembers)
		.values({ boardId, userId, role })
		.onConflictDoUpdate({ target: [boardMembers.boardId, boardMembers.userId], set: { role } })
		.returning();
	if (!row) throw new Error('upsert returned no member');
	return { ...row, createdAt: row.createdAt.toISOString() };
}

function toBoard(row: BoardRow): Board {
	return {
		id: row.id,
		title: row.title,
		severity: row.severity,
		service: row.service,
		incidentStart: row.incidentStart?.toISOString() ?? null,
		incidentEnd: row.incidentEnd?.toISOString() ?? null,
		status: row.status,
		revision: row.revision,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString()
	};
}

function toDate(value: string | null | undefined, field: string): Date | null {
	if (value == null) return null;
	const date = new Date(value);
	// The HTTP edge validates; reaching here with garbage is a bug, not user input.
	if (Number.isNaN(date.getTime())) throw new RangeError(`${field} is not a date: ${value}`);
	return date;
}
