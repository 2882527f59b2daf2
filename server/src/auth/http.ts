import type { BoardRole } from '@debrief/db';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from '../deps.ts';
import { getBoardAccess } from '../store/index.ts';
import type { Session, User } from '../store/index.ts';
import { clearSessionCookie, readRequestToken, setSessionCookie } from './cookie.ts';
import type { TokenSource } from './cookie.ts';
import { Refusal, decideBoardAccess } from './policy.ts';
import type { Action } from './policy.ts';
import type { LimitCheck } from './rate-limit.ts';
import { createSession, validateSessionToken } from './sessions.ts';

/** The signed-in caller of a request. */
export interface SignedIn {
	user: User;
	session: Session;
	source: TokenSource;
}

/** Hono env of the API: the session middleware sets `auth` on every request. */
export type ApiEnv = { Variables: { auth: SignedIn | null } };

/** Whether cookies get the Secure flag: when people reach us over https. */
export function secureCookies(deps: AppDeps): boolean {
	return deps.env.publicOrigin?.startsWith('https:') ?? false;
}

/**
 * Resolves the session of every API request (bearer token, else cookie). A renewed cookie
 * session gets its cookie re-sent with the new expiry; a dead cookie is cleared, so the browser
 * stops sending it. Never refuses: routes decide whether they need someone signed in.
 */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<ApiEnv> {
	return async (c, next) => {
		c.set('auth', null);
		const found = readRequestToken(c);
		if (found) {
			const valid = await validateSessionToken(deps.database.db, found.token);
			if (valid) {
				c.set('auth', { user: valid.user, session: valid.session, source: found.source });
				if (valid.renewed && found.source === 'cookie') {
					setSessionCookie(c, found.token, valid.session.expiresAt, secureCookies(deps));
				}
			} else if (found.source === 'cookie') {
				clearSessionCookie(c, secureCookies(deps));
			}
		}
		await next();
	};
}

/** Starts a session for the user and sets its cookie; returns the token for the response body. */
export async function startSession(deps: AppDeps, c: Context, userId: string): Promise<string> {
	const { token, session } = await createSession(deps.database.db, userId);
	setSessionCookie(c, token, session.expiresAt, secureCookies(deps));
	return token;
}

/** The signed-in caller, or a 401. */
export function requireUser(c: Context<ApiEnv>): SignedIn {
	const auth = c.get('auth');
	if (!auth) throw refusalError(Refusal.signedOut);
	return auth;
}

/**
 * The caller and their role on the board, if the policy lets them do `action` there; otherwise
 * throws the refusal as 401 (signed out), 404 (no board) or 403 (not a member, role too low).
 */
export async function requireBoardRole(
	deps: AppDeps,
	c: Context<ApiEnv>,
	boardId: string,
	action: Action
): Promise<{ auth: SignedIn; role: BoardRole }> {
	const auth = c.get('auth');
	const found = auth
		? await getBoardAccess(deps.database.db, boardId, auth.user.id)
		: { boardExists: false, role: null };
	const decision = decideBoardAccess({ signedIn: Boolean(auth), ...found }, action);
	if (!decision.ok || !auth) throw refusalError(decision.ok ? Refusal.signedOut : decision.reason);
	return { auth, role: decision.role };
}

const ANSWERS: Record<Refusal, { status: 401 | 403 | 404; message: string }> = {
	'signed-out': { status: 401, message: 'sign in first' },
	'no-board': { status: 404, message: 'no such board' },
	'not-member': { status: 403, message: 'you are not a member of this board' },
	'role-too-low': { status: 403, message: 'your role on this board does not allow that' },
	'no-such-member': { status: 404, message: 'no such member on this board' },
	'facilitator-fixed': {
		status: 403,
		message: 'the facilitator stays until they hand the board to someone else'
	}
};

/** The HTTP answer to a policy refusal: the one mapping of the HTTP edge. */
export function refusalError(reason: Refusal): HTTPException {
	const { status, message } = ANSWERS[reason];
	return new HTTPException(status, { message });
}

/** The caller's network address, for per-address limits. */
export function clientAddress(c: Context): string {
	try {
		return getConnInfo(c).remote.address ?? 'unknown';
	} catch {
		return 'unknown'; // not served by @hono/node-server (e.g. app.request in a unit test)
	}
}

/** 429 with the longest wait of the refused checks as Retry-After. */
export function tooMany(c: Context, checks: LimitCheck[]) {
	const waits = checks.map((check) => (check.ok ? 0 : check.retryAfterSeconds));
	c.header('Retry-After', String(Math.max(...waits)));
	return c.json({ error: 'too many attempts: try again later' }, 429);
}
