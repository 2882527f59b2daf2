import type { Db } from '@debrief/db';
import {
	deleteSession,
	deleteUserSessions,
	findSession,
	insertSession,
	setSessionExpiry
} from '../store/index.ts';
import type { Session, User } from '../store/index.ts';
import { generateToken, hashToken } from './tokens.ts';

/**
 * Sessions after the Lucia guide (lucia-auth.com/sessions/basic): the client holds a random
 * token, the database holds its SHA-256 as the session id, and the expiry slides: a session
 * used in its second half is extended to a full lifetime again.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

/** Tokens are 32 characters; anything much longer is not one of ours and is not even hashed. */
const MAX_TOKEN_LENGTH = 128;

/** What a session's expiry means at `now`: gone, due for renewal, or fine as it is. */
export function sessionFreshness(expiresAt: Date, now: number): 'expired' | 'renew' | 'fresh' {
	if (now >= expiresAt.getTime()) return 'expired';
	if (now >= expiresAt.getTime() - SESSION_RENEW_WITHIN_MS) return 'renew';
	return 'fresh';
}

/** A new session for the user: the token goes to the client, once; only its hash is stored. */
export async function createSession(
	db: Db,
	userId: string
): Promise<{ token: string; session: Session }> {
	const token = generateToken();
	const session = {
		id: hashToken(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS)
	};
	await insertSession(db, session);
	return { token, session };
}

/** A valid session and its user; `renewed` says the expiry moved (re-send the cookie). */
export interface ValidSession {
	session: Session;
	user: User;
	renewed: boolean;
}

/** The session this token opens, or null; deletes it when expired and extends it when due. */
export async function validateSessionToken(db: Db, token: string): Promise<ValidSession | null> {
	if (!token || token.length > MAX_TOKEN_LENGTH) return null;
	const found = await findSession(db, hashToken(token));
	if (!found) return null;
	const { session, user } = found;
	const now = Date.now();
	switch (sessionFreshness(session.expiresAt, now)) {
		case 'expired':
			await deleteSession(db, session.id);
			return null;
		case 'renew': {
			const expiresAt = new Date(now + SESSION_LIFETIME_MS);
			await setSessionExpiry(db, session.id, expiresAt);
			return { session: { ...session, expiresAt }, user, renewed: true };
		}
		case 'fresh':
			return { session, user, renewed: false };
	}
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}

/** Signs the user out everywhere (password change); returns the ids of the sessions ended. */
export function invalidateUserSessions(db: Db, userId: string): Promise<string[]> {
	return deleteUserSessions(db, userId);
}
