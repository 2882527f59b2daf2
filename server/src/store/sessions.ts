import { sessions, users } from '@debrief/db';
import type { Db } from '@debrief/db';
import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import { toUser } from './users.ts';
import type { User } from './users.ts';

/** A stored session. `id` is the hex SHA-256 of the token; the token itself is never stored. */
export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export async function insertSession(db: Db, session: Session): Promise<void> {
	await db.insert(sessions).values(session);
}

/** The session with this id and its user, in one query (it runs on every request). */
export async function findSession(
	db: Db,
	id: string
): Promise<{ session: Session; user: User } | null> {
	const [row] = await db
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id));
	return row ? { session: row.session, user: toUser(row.user) } : null;
}

/** Of these session ids, the ones that exist and have not expired at `now`. */
export async function liveSessionIds(db: Db, ids: string[], now: Date): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await db
		.select({ id: sessions.id })
		.from(sessions)
		.where(and(inArray(sessions.id, ids), gt(sessions.expiresAt, now)));
	return new Set(rows.map((row) => row.id));
}

export async function setSessionExpiry(db: Db, id: string, expiresAt: Date): Promise<void> {
	await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, id));
}

/** Deletes every session of the user (but `exceptId`, when given); returns the ids deleted. */
export async function deleteUserSessions(
	db: Db,
	userId: string,
	exceptId?: string
): Promise<string[]> {
	const where = exceptId
		? and(eq(sessions.userId, userId), ne(sessions.id, exceptId))
		: eq(sessions.userId, userId);
	const rows = await db.delete(sessions).where(where).returning({ id: sessions.id });
	return rows.map((row) => row.id);
}
