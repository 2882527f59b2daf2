import { CloseCode } from '@debrief/sync';
import type { Context } from 'hono';
import type { AppDeps, SocketAccess } from '../deps.ts';
import { getBoardAccess } from '../store/index.ts';
import { readSocketToken } from './cookie.ts';
import { Action, decideBoardAccess } from './policy.ts';
import type { Refusal } from './policy.ts';
import { validateSessionToken } from './sessions.ts';

/** The socket edge's mapping of refusals: 44xx close codes, which the stock client won't retry. */
const CLOSE: Record<Refusal, { code: number; reason: string }> = {
	'signed-out': { code: CloseCode.Unauthorized, reason: 'sign in first' },
	'no-board': { code: CloseCode.NotFound, reason: 'no such board' },
	'not-member': { code: CloseCode.Forbidden, reason: 'not a member of this board' },
	'role-too-low': { code: CloseCode.Forbidden, reason: 'your role does not allow this' },
	'no-such-member': { code: CloseCode.Forbidden, reason: 'not a member of this board' },
	'facilitator-fixed': { code: CloseCode.Forbidden, reason: 'forbidden' }
};

/**
 * Who may open a board's sockets: a valid session (the `token` query parameter, or the session
 * cookie a browser sends with the upgrade) of a member of the board. What the member may write
 * follows from the role in the returned access; a role change closes the socket (4409).
 */
export async function resolveSocketAccess(
	deps: AppDeps,
	c: Context,
	boardId: string
): Promise<SocketAccess> {
	const { db } = deps.database;
	const found = readSocketToken(c);
	const valid = found ? await validateSessionToken(db, found.token) : null;
	const board = valid ? await getBoardAccess(db, boardId, valid.user.id) : null;
	const decision = decideBoardAccess(
		{
			signedIn: Boolean(valid),
			boardExists: board?.boardExists ?? false,
			role: board?.role ?? null
		},
		Action.read
	);
	if (!decision.ok || !valid)
		return { ok: false, ...CLOSE[decision.ok ? 'signed-out' : decision.reason] };
	return {
		ok: true,
		access: {
			userId: valid.user.id,
			name: valid.user.name,
			role: decision.role,
			sessionId: valid.session.id
		}
	};
}
