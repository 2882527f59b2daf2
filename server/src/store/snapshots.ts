import { boardMembers, boards, snapshots, users } from '@debrief/db';
import type { Db } from '@debrief/db';
import type { SnapshotContent } from '@debrief/export';
import { and, desc, eq, sql } from 'drizzle-orm';

/** A stored snapshot as the list shows it: no content, no states. */
export interface SnapshotSummary {
	revision: number;
	closedAt: string;
	closedBy: { userId: string; name: string } | null;
	digest: string;
}

/** A stored snapshot with its frozen content. */
export interface StoredSnapshot extends SnapshotSummary {
	boardId: string;
	content: SnapshotContent;
}

/** What a close stores. */
export interface SnapshotInput {
	boardId: string;
	revision: number;
	closedAt: Date;
	closedBy: string | null;
	content: SnapshotContent;
	/** Section -> base64 of its Yjs state. */
	states: Record<string, string>;
	digest: string;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Stores a snapshot; a second insert of the same board and revision changes nothing (the first
 * is the record). Returns whether this call stored it.
 */
export async function insertSnapshot(db: Db | Tx, input: SnapshotInput): Promise<boolean> {
	const rows = await db
		.insert(snapshots)
		.values({
			boardId: input.boardId,
			revision: input.revision,
			closedAt: input.closedAt,
			closedBy: input.closedBy,
			content: input.content as unknown as Record<string, unknown>,
			states: input.states,
			digest: input.digest
		})
		.onConflictDoNothing()
		.returning({ revision: snapshots.revision });
	return rows.length > 0;
}

const summaryColumns = {
	revision: snapshots.revision,
	closedAt: snapshots.closedAt,
	closedById: snapshots.closedBy,
	closedByName: users.name,
	digest: snapshots.digest
};

type SummaryRow = {
	revision: number;
	closedAt: Date;
	closedById: string | null;
	closedByName: string | null;
	digest: string;
};

const toSummary = (row: SummaryRow): SnapshotSummary => ({
	revision: row.revision,
	closedAt: row.closedAt.toISOString(),
	closedBy:
		row.closedById && row.closedByName !== null
			? { userId: row.closedById, name: row.closedByName }
			: null,
	digest: row.digest
});

/** The board's snapshots, newest first, without their content. */
export async function listSnapshots(db: Db, boardId: string): Promise<SnapshotSummary[]> {
	const rows = await db
		.select(summaryColumns)
		.from(snapshots)
		.leftJoin(users, eq(users.id, snapshots.closedBy))
		.where(eq(snapshots.boardId, boardId))
		.orderBy(desc(snapshots.revision));
	return rows.map(toSummary);
}

/** One snapshot with its content, or null. */
export async function getSnapshot(
	db: Db,
	boardId: string,
	revision: number
): Promise<StoredSnapshot | null> {
	const [row] = await db
		.select({ ...summaryColumns, content: snapshots.content })
		.from(snapshots)
		.leftJoin(users, eq(users.id, snapshots.closedBy))
		.where(and(eq(snapshots.boardId, boardId), eq(snapshots.revision, revision)));
	if (!row) return null;
	return { ...toSummary(row), boardId, content: row.content as unknown as SnapshotContent };
}

/** The Yjs states of one snapshot (section -> base64), or null. */
export async function getSnapshotStates(
	db: Db,
	boardId: string,
	revision: number
): Promise<Record<string, string> | null> {
	const [row] = await db
		.select({ states: snapshots.states })
		.from(snapshots)
		.where(and(eq(snapshots.boardId, boardId), eq(snapshots.revision, revision)));
	return row?.states ?? null;
}

/**
 * The latest snapshot of every board `userId` belongs to, with its content: what search reads.
 * One row per board (DISTINCT ON), newest close first.
 */
export async function latestSnapshotsOf(db: Db, userId: string): Promise<StoredSnapshot[]> {
	const rows = await db
		.selectDistinctOn([snapshots.boardId], {
			boardId: snapshots.boardId,
			...summaryColumns,
			content: snapshots.content
		})
		.from(snapshots)
		.innerJoin(
			boardMembers,
			and(eq(boardMembers.boardId, snapshots.boardId), eq(boardMembers.userId, userId))
		)
		.innerJoin(boards, eq(boards.id, snapshots.boardId))
		.leftJoin(users, eq(users.id, snapshots.closedBy))
		.orderBy(snapshots.boardId, desc(snapshots.revision));
	return rows
		.map((row) => ({
			...toSummary(row),
			boardId: row.boardId,
			content: row.content as unknown as SnapshotContent
		}))
		.sort((a, b) => (a.closedAt < b.closedAt ? 1 : a.closedAt > b.closedAt ? -1 : 0));
}

/** The services a board's latest snapshot names (overview list), lowercased; [] without one. */
export async function latestServicesOf(db: Db, boardId: string): Promise<string[]> {
	const [row] = await db
		.select({ services: sql<unknown>`${snapshots.content}->'overview'->'services'` })
		.from(snapshots)
		.where(eq(snapshots.boardId, boardId))
		.orderBy(desc(snapshots.revision))
		.limit(1);
	const list = row?.services;
	return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
}
