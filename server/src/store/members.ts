import { boardMembers, boards, users } from '@debrief/db';
import type { BoardRole, Db } from '@debrief/db';
import { and, asc, eq, inArray } from 'drizzle-orm';

/** A member of a board as the members panel shows them. */
export interface MemberView {
	userId: string;
	name: string;
	email: string | null;
	isGuest: boolean;
	role: BoardRole;
	joinedAt: string;
}

/** One member's new role. */
export interface RoleUpdate {
	userId: string;
	role: BoardRole;
}

/** What a caller may do is decided from this: does the board exist, and their role on it. */
export async function getBoardAccess(
	db: Db,
	boardId: string,
	userId: string
): Promise<{ boardExists: boolean; role: BoardRole | null }> {
	const [row] = await db
		.select({ role: boardMembers.role })
		.from(boards)
		.leftJoin(
			boardMembers,
			and(eq(boardMembers.boardId, boards.id), eq(boardMembers.userId, userId))
		)
		.where(eq(boards.id, boardId));
	return row ? { boardExists: true, role: row.role } : { boardExists: false, role: null };
}

/** Members in the order they joined (the facilitator, who created the board, first). */
export async function listMembers(db: Db, boardId: string): Promise<MemberView[]> {
	const rows = await db
		.select({
			userId: boardMembers.userId,
			name: users.name,
			email: users.email,
			isGuest: users.isGuest,
			role: boardMembers.role,
			joinedAt: boardMembers.createdAt
		})
		.from(boardMembers)
		.innerJoin(users, eq(users.id, boardMembers.userId))
		.where(eq(boardMembers.boardId, boardId))
		.orderBy(asc(boardMembers.createdAt), asc(boardMembers.userId));
	return rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() }));
}

/**
 * Adds the user to the board, or changes their role, with the role `decide` picks from the one
 * they hold now (null: not a member). Row-locked, so two joins at once cannot lower a role.
 */
export async function joinBoard(
	db: Db,
	boardId: string,
	userId: string,
	decide: (existing: BoardRole | null) => BoardRole
): Promise<{ role: BoardRole; previous: BoardRole | null }> {
	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ role: boardMembers.role })
			.from(boardMembers)
			.where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.userId, userId)))
			.for('update');
		const previous = existing?.role ?? null;
		const role = decide(previous);
		if (previous === role) return { role, previous };
		await tx
			.insert(boardMembers)
			.values({ boardId, userId, role })
			.onConflictDoUpdate({ target: [boardMembers.boardId, boardMembers.userId], set: { role } });
		return { role, previous };
	});
}

/** What a plan over members decided: refuse, or set roles and remove members. */
export type MemberPlan =
	| { ok: false; reason: string }
	| { ok: true; set?: readonly RoleUpdate[]; remove?: readonly string[] };

/**
 * Reads the roles of `userIds` on the board with their rows locked, lets `plan` (a pure rule)
 * decide, and applies what it decided in the same transaction. Two hand-offs at once therefore
 * cannot leave two facilitators: the second sees the first one's result.
 */
export async function changeMembers<P extends MemberPlan>(
	db: Db,
	boardId: string,
	userIds: readonly string[],
	plan: (roles: ReadonlyMap<string, BoardRole>) => P
): Promise<P> {
	return db.transaction(async (tx) => {
		const rows = await tx
			.select({ userId: boardMembers.userId, role: boardMembers.role })
			.from(boardMembers)
			.where(and(eq(boardMembers.boardId, boardId), inArray(boardMembers.userId, [...userIds])))
			.orderBy(asc(boardMembers.userId))
			.for('update');
		const decision = plan(new Map(rows.map((row) => [row.userId, row.role])));
		if (!decision.ok) return decision;
		for (const { userId, role } of decision.set ?? []) {
			await tx
				.update(boardMembers)
				.set({ role })
				.where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.userId, userId)));
		}
		const remove = decision.remove ?? [];
		if (remove.length > 0) {
			await tx
				.delete(boardMembers)
				.where(and(eq(boardMembers.boardId, boardId), inArray(boardMembers.userId, [...remove])));
		}
		return decision;
	});
}
