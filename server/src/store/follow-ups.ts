import { boardMembers, boards, followUps } from '@debrief/db';
import type { BoardRole, Db, FollowUpStatus } from '@debrief/db';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { FollowUpPlan, TrackedFollowUp } from '../snapshots/follow-up-plan.ts';
import { newId } from './ids.ts';

/** A tracked action item, with its board and the caller's role there. */
export interface FollowUp {
	id: string;
	boardId: string;
	boardTitle: string;
	boardService: string | null;
	revision: number;
	actionId: string;
	title: string;
	owner: string;
	/** `YYYY-MM-DD`, or '' for none. */
	due: string;
	priority: string;
	status: FollowUpStatus;
	ticket: string;
	updatedAt: string;
	role: BoardRole;
}

/** What the follow-ups page may change. */
export interface FollowUpPatch {
	status?: FollowUpStatus;
	owner?: string;
	/** '' clears it. */
	due?: string;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const columns = {
	id: followUps.id,
	boardId: followUps.boardId,
	boardTitle: boards.title,
	boardService: boards.service,
	revision: followUps.revision,
	actionId: followUps.actionId,
	title: followUps.title,
	owner: followUps.owner,
	due: followUps.due,
	priority: followUps.priority,
	status: followUps.status,
	ticket: followUps.ticket,
	updatedAt: followUps.updatedAt,
	role: boardMembers.role
};

type Row = Omit<FollowUp, 'due' | 'updatedAt'> & { due: string | null; updatedAt: Date };

const toFollowUp = (row: Row): FollowUp => ({
	...row,
	due: row.due ?? '',
	updatedAt: row.updatedAt.toISOString()
});

/** The board's tracked rows, as the close's plan needs them. */
export async function trackedFollowUps(db: Db | Tx, boardId: string): Promise<TrackedFollowUp[]> {
	const rows = await db
		.select({
			id: followUps.id,
			actionId: followUps.actionId,
			owner: followUps.owner,
			due: followUps.due,
			status: followUps.status
		})
		.from(followUps)
		.where(eq(followUps.boardId, boardId));
	return rows.map((r) => ({ ...r, due: r.due ?? '' }));
}

const asStatus = (s: string): FollowUpStatus =>
	(['open', 'in-progress', 'blocked', 'done'] as const).find((x) => x === s) ?? 'open';

/** Writes a close's plan for the board (inside the close's transaction). */
export async function applyFollowUpPlan(
	tx: Tx,
	boardId: string,
	revision: number,
	plan: FollowUpPlan
): Promise<void> {
	if (plan.remove.length > 0) {
		await tx.delete(followUps).where(inArray(followUps.id, plan.remove));
	}
	for (const row of plan.upsert) {
		const values = {
			revision,
			title: row.title,
			owner: row.owner,
			due: row.due || null,
			priority: row.priority,
			status: asStatus(row.status),
			ticket: row.ticket
		};
		if (row.id) await tx.update(followUps).set(values).where(eq(followUps.id, row.id));
		else
			await tx
				.insert(followUps)
				.values({ id: newId(), boardId, actionId: row.actionId, ...values });
	}
}

/** Every follow-up on the boards `userId` belongs to, unordered (the service orders them). */
export async function listFollowUpsOf(db: Db, userId: string): Promise<FollowUp[]> {
	const rows = await db
		.select(columns)
		.from(followUps)
		.innerJoin(boards, eq(boards.id, followUps.boardId))
		.innerJoin(
			boardMembers,
			and(eq(boardMembers.boardId, followUps.boardId), eq(boardMembers.userId, userId))
		);
	return rows.map(toFollowUp);
}

/** One follow-up as `userId` sees it; null when it does not exist or they are not a member. */
export async function getFollowUpFor(db: Db, id: string, userId: string): Promise<FollowUp | null> {
	const [row] = await db
		.select(columns)
		.from(followUps)
		.innerJoin(boards, eq(boards.id, followUps.boardId))
		.innerJoin(
			boardMembers,
			and(eq(boardMembers.boardId, followUps.boardId), eq(boardMembers.userId, userId))
		)
		.where(eq(followUps.id, id));
	return row ? toFollowUp(row) : null;
}

/** Changes a follow-up's owner, due date or status; the snapshot is never touched. */
export async function updateFollowUp(
	db: Db,
	id: string,
	patch: FollowUpPatch,
	by: string
): Promise<void> {
	await db
		.update(followUps)
		.set({
			...(patch.status !== undefined ? { status: patch.status } : {}),
			...(patch.owner !== undefined ? { owner: patch.owner } : {}),
			...(patch.due !== undefined ? { due: patch.due || null } : {}),
			updatedBy: by
		})
		.where(eq(followUps.id, id));
}

/** Follow-ups not done yet on the boards `userId` belongs to, other than `boardId`. */
export async function openFollowUpsElsewhere(
	db: Db,
	userId: string,
	boardId: string
): Promise<FollowUp[]> {
	const rows = await db
		.select(columns)
		.from(followUps)
		.innerJoin(boards, eq(boards.id, followUps.boardId))
		.innerJoin(
			boardMembers,
			and(eq(boardMembers.boardId, followUps.boardId), eq(boardMembers.userId, userId))
		)
		.where(and(ne(followUps.boardId, boardId), ne(followUps.status, 'done')));
	return rows.map(toFollowUp);
}
