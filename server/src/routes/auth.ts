import { createRoute, z } from '@hono/zod-openapi';
import { CloseCode } from '@debrief/sync';
import { clearSessionCookie } from '../auth/cookie.ts';
import { clientAddress, requireUser, secureCookies, startSession, tooMany } from '../auth/http.ts';
import { hashPassword, verifyDummyPassword, verifyPassword } from '../auth/passwords.ts';
import { createSignInLimits } from '../auth/rate-limit.ts';
import { invalidateSession, invalidateUserSessions } from '../auth/sessions.ts';
import type { AppDeps } from '../deps.ts';
import {
	claimGuest,
	createAccount,
	findUserByEmail,
	getUserWithHash,
	setPasswordHash
} from '../store/index.ts';
import { apiRouter } from './router.ts';
import {
	ClaimSchema,
	LoginSchema,
	PasswordChangeSchema,
	SessionAnswerSchema,
	SignupSchema,
	UserSchema
} from './account-schemas.ts';
import { SIGNED_IN, body, errors, json } from './schemas.ts';

const WRONG_CREDENTIALS = 'email or password is wrong';
// Said for a taken email too: no more than "that did not work" about someone else's account.
const EMAIL_REFUSED = 'could not create an account with that email';

const signup = createRoute({
	method: 'post',
	path: '/signup',
	summary: 'Create an account with email and password; signs in (cookie + token)',
	request: body(SignupSchema),
	responses: {
		201: json(SessionAnswerSchema, 'Signed up and in'),
		...errors(400, 409, 429)
	}
});

const login = createRoute({
	method: 'post',
	path: '/login',
	summary: 'Sign in; sets the session cookie and returns the token',
	request: body(LoginSchema),
	responses: { 200: json(SessionAnswerSchema, 'Signed in'), ...errors(400, 401, 429) }
});

const logout = createRoute({
	method: 'post',
	path: '/logout',
	summary: 'End this session (and close its sockets); clears the cookie',
	security: SIGNED_IN,
	responses: { 204: { description: 'Signed out (also when there was no session)' } }
});

const password = createRoute({
	method: 'post',
	path: '/password',
	summary: 'Change the password; ends every session of the account and starts a new one',
	security: SIGNED_IN,
	request: body(PasswordChangeSchema),
	responses: {
		200: json(SessionAnswerSchema, 'Changed; the new session'),
		...errors(400, 401, 403, 409, 429)
	}
});

const claim = createRoute({
	method: 'post',
	path: '/claim',
	summary: 'A guest turns their account into a full one with an email and a password',
	security: SIGNED_IN,
	request: body(ClaimSchema),
	responses: {
		200: json(z.object({ user: UserSchema }), 'Claimed; the session stays'),
		...errors(400, 401, 409)
	}
});

/** Emails compare case-insensitively; stored lowercase. */
const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function authRoutes(deps: AppDeps) {
	const { db } = deps.database;
	const limits = createSignInLimits();
	return apiRouter()
		.openapi(signup, async (c) => {
			const input = c.req.valid('json');
			const address = clientAddress(c);
			const byAddress = limits.byAddress.check(address);
			if (!byAddress.ok) return tooMany(c, [byAddress]);
			// Hash first, taken or not, so the answer takes the same time either way.
			const passwordHash = await hashPassword(input.password);
			const user = await createAccount(db, {
				email: normalizeEmail(input.email),
				name: input.name,
				passwordHash
			});
			if (!user) {
				limits.byAddress.fail(address); // probing for accounts counts as failing
				return c.json({ error: EMAIL_REFUSED }, 409);
			}
			const token = await startSession(deps, c, user.id);
			deps.log.info('signed up', { user: user.id });
			return c.json({ user, token }, 201);
		})
		.openapi(login, async (c) => {
			const input = c.req.valid('json');
			const email = normalizeEmail(input.email);
			const address = clientAddress(c);
			const checks = [limits.byAccount.check(email), limits.byAddress.check(address)];
			if (checks.some((check) => !check.ok)) return tooMany(c, checks);
			const user = await findUserByEmail(db, email);
			const ok = user?.passwordHash
				? await verifyPassword(user.passwordHash, input.password)
				: await verifyDummyPassword(input.password);
			if (!user || !ok) {
				limits.byAccount.fail(email);
				limits.byAddress.fail(address);
				return c.json({ error: WRONG_CREDENTIALS }, 401);
			}
			limits.byAccount.reset(email);
			const token = await startSession(deps, c, user.id);
			deps.log.info('signed in', { user: user.id });
			const { passwordHash: _, ...shown } = user;
			return c.json({ user: shown, token }, 200);
		})
		.openapi(logout, async (c) => {
			const auth = c.get('auth');
			if (auth) {
				await invalidateSession(db, auth.session.id);
				deps.sockets.closeSessions([auth.session.id], CloseCode.Unauthorized, 'signed out');
				deps.log.info('signed out', { user: auth.user.id });
			}
			clearSessionCookie(c, secureCookies(deps));
			return c.body(null, 204);
		})
		.openapi(password, async (c) => {
			const { user } = requireUser(c);
			const input = c.req.valid('json');
			const key = `user:${user.id}`;
			const check = limits.byAccount.check(key);
			if (!check.ok) return tooMany(c, [check]);
			const stored = await getUserWithHash(db, user.id);
			if (!stored?.passwordHash) {
				return c.json({ error: 'this account has no password yet: claim it first' }, 409);
			}
			if (!(await verifyPassword(stored.passwordHash, input.current))) {
				limits.byAccount.fail(key);
				return c.json({ error: 'current: the current password is wrong' }, 403);
			}
			await setPasswordHash(db, user.id, await hashPassword(input.next));
			// Whoever else held a session (a stolen one, say) is out now, sockets included.
			const ended = await invalidateUserSessions(db, user.id);
			deps.sockets.closeSessions(ended, CloseCode.Unauthorized, 'password changed');
			limits.byAccount.reset(key);
			const token = await startSession(deps, c, user.id);
			deps.log.info('password changed', { user: user.id, sessionsEnded: ended.length });
			return c.json({ user, token }, 200);
		})
		.openapi(claim, async (c) => {
			const { user } = requireUser(c);
			const input = c.req.valid('json');
			if (!user.isGuest) return c.json({ error: 'this account already has an email' }, 409);
			const claimed = await claimGuest(db, user.id, {
				email: normalizeEmail(input.email),
				passwordHash: await hashPassword(input.password)
			});
			if (!claimed) return c.json({ error: EMAIL_REFUSED }, 409);
			deps.log.info('guest account claimed', { user: user.id });
			return c.json({ user: claimed }, 200);
		});
}
