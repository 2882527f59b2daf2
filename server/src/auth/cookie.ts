import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The session cookie's name; the web app and the socket upgrade read the same one. */
export const SESSION_COOKIE = 'debrief_session';

/** Where a request's session token came from; only a cookie session gets cookies back. */
export type TokenSource = 'cookie' | 'bearer' | 'query';

/**
 * HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site POSTs or
 * subresources; the Origin check covers the rest), Path=/ (the API and /sync), and Secure when
 * the public origin is https, so the token never travels in clear text.
 */
function options(secure: boolean) {
	return { path: '/', httpOnly: true, sameSite: 'Lax', secure } as const;
}

export function setSessionCookie(
	c: Context,
	token: string,
	expiresAt: Date,
	secure: boolean
): void {
	setCookie(c, SESSION_COOKIE, token, { ...options(secure), expires: expiresAt });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
	deleteCookie(c, SESSION_COOKIE, options(secure));
}

/** The token of an HTTP request: `Authorization: Bearer <token>` first, then the cookie. */
export function readRequestToken(c: Context): { token: string; source: TokenSource } | null {
	const header = c.req.header('authorization');
	const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
	if (bearer) return { token: bearer, source: 'bearer' };
	const cookie = getCookie(c, SESSION_COOKIE);
	return cookie ? { token: cookie, source: 'cookie' } : null;
}

/** The token of a socket upgrade: the `token` query parameter (non-browser clients), or the cookie. */
export function readSocketToken(c: Context): { token: string; source: TokenSource } | null {
	const query = c.req.query('token');
	if (query) return { token: query, source: 'query' };
	const cookie = getCookie(c, SESSION_COOKIE);
	return cookie ? { token: cookie, source: 'cookie' } : null;
}
