import { users } from '@debrief/db';
import type { Db } from '@debrief/db';
import { and, eq } from 'drizzle-orm';
import { newId } from './ids.ts';

/** A person as the API shows them. Guests joined through an invite and have no email yet. */
export interface User {
	id: string;
	name: string;
	email: string | null;
	isGuest: boolean;
}

/** A user with the stored password hash, for sign-in only; never sent anywhere. */
export interface UserWithHash extends User {
	passwordHash: string | null;
}

type UserRow = typeof users.$inferSelect;

export function toUser(row: Pick<UserRow, 'id' | 'name' | 'email' | 'isGuest'>): User {
	return { id: row.id, name: row.name, email: row.email, isGuest: row.isGuest };
}

/**
 * Creates an account with an email and a password hash. Returns null when the email is taken,
 * decided by the unique index, so two sign-ups racing for one email cannot both win.
 */
export async function createAccount(
	db: Db,
	input: { email: string; name: string; passwordHash: string }
): Promise<User | null> {
	const [row] = await db
		.insert(users)
		.values({ id: newId(), ...input, isGuest: false })
		.onConflictDoNothing({ target: users.email })
		.returning();
	return row ? toUser(row) : null;
}

/** Creates a guest: a display name, no email, no password (claimed later, or never). */
export async function createGuest(db: Db, name: string): Promise<User> {
	const [row] = await db.insert(users).values({ id: newId(), name, isGuest: true }).returning();
	if (!row) throw new Error('insert returned no user');
	return toUser(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserWithHash | null> {
	const [row] = await db.select().from(users).where(eq(users.email, email));
	return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
}

export async function getUserWithHash(db: Db, id: string): Promise<UserWithHash | null> {
	const [row] = await db.select().from(users).where(eq(users.id, id));
	return row ? { ...toUser(row), passwordHash: row.passwordHash } : null;
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string): Promise<void> {
	await db.update(users).set({ passwordHash }).where(eq(users.id, id));
}

/**
 * Turns a guest into a full account. Returns null when the email is taken (or the user is no
 * longer a guest). The unique index decides races; its violation is caught here, not upstream.
 */
export async function claimGuest(
	db: Db,
	id: string,
	input: { email: string; passwordHash: string }
): Promise<User | null> {
	const taken = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
	if (taken.length > 0) return null;
	try {
		const [row] = await db
			.update(users)
			.set({ ...input, isGuest: false })
			.where(and(eq(users.id, id), eq(users.isGuest, true)))
			.returning();
		return row ? toUser(row) : null;
	} catch (error) {
		if (isUniqueViolation(error)) return null;
		throw error;
	}
}

/** Postgres unique_violation, as thrown by postgres.js or PGlite (drizzle wraps it in `cause`). */
function isUniqueViolation(error: unknown): boolean {
	for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
		if ((e as { code?: unknown }).code === '23505') return true;
	}
	return false;
}
