import { boards, invites, users } from '@debrief/db';
import type { BoardRole, Db } from '@debrief/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { newId } from './ids.ts';

/** An invite link as facilitators see it. The token is not here: only its hash is stored. */
export interface Invite {
	id: string;
	boardId: string;
	role: BoardRole;
	expiresAt: string;
	revokedAt: string | null;
	createdAt: string;
	createdBy: { id: string; name: string };
}

/** What an invite token opens, for the preview page and for accepting it. */
export interface InviteTarget {
	id: string;
	boardId: string;
	boardTitle: string;
	role: BoardRole;
	expiresAt: Date;
	revokedAt: Date | null;
}

export async function insertInvite(
	db: Db,
	input: { tokenHash: string; boardId: string; role: BoardRole; createdBy: string; expiresAt: Date }
): Promise<{ id: string; expiresAt: Date }> {
	const [row] = await db
		.insert(invites)
		.values({ id: newId(), ...input })
		.returning({ id: invites.id, expiresAt: invites.expiresAt });
	if (!row) throw new Error('insert returned no invite');
	return row;
}

/** The invite with this token hash and its board's title, or null. */
export async function findInviteByHash(db: Db, tokenHash: string): Promise<InviteTarget | null> {
	const [row] = await db
		.select({
			id: invites.id,
			boardId: invites.boardId,
			boardTitle: boards.title,
			role: invites.role,
			expiresAt: invites.expiresAt,
			revokedAt: invites.revokedAt
		})
		.from(invites)
		.innerJoin(boards, eq(boards.id, invites.boardId))
		.where(eq(invites.tokenHash, tokenHash));
	return row ?? null;
}

/** A board's invites, newest first, expired and revoked ones included (the panel greys them). */
export async function listInvites(db: Db, boardId: string): Promise<Invite[]> {
	const rows = await db
		.select({
			id: invites.id,
			boardId: invites.boardId,
			role: invites.role,
			expiresAt: invites.expiresAt,
			revokedAt: invites.revokedAt,
			createdAt: invites.createdAt,
			creatorId: users.id,
			creatorName: users.name
		})
		.from(invites)
		.innerJoin(users, eq(users.id, invites.createdBy))
		.where(eq(invites.boardId, boardId))
		.orderBy(desc(invites.createdAt), desc(invites.id));
	return rows.map(({ creatorId, creatorName, ...row }) => ({
		...row,
		expiresAt: row.expiresAt.toISOString(),
		revokedAt: row.revokedAt?.toISOString() ?? null,
		createdAt: row.createdAt.toISOString(),
		createdBy: { id: creatorId, name: creatorName }
	}));
}

/**
 * Revokes one invite of the board. True when the invite exists on this board (revoking twice
 * is not an error: the first revocation time stays).
 */
export async function revokeInvite(db: Db, boardId: string, inviteId: string): Promise<boolean> {
	const onBoard = and(eq(invites.id, inviteId), eq(invites.boardId, boardId));
	await db
		.update(invites)
		.set({ revokedAt: new Date() })
		.where(and(onBoard, isNull(invites.revokedAt)));
	const [row] = await db.select({ id: invites.id }).from(invites).where(onBoard);
	return Boolean(row);
}
