import { CloseCode } from '@debrief/sync';
import type { Context } from 'hono';
import type { AppDeps, SocketAccess } from '../deps.ts';
import { getBoard } from '../store/index.ts';

/**
 * Who may open a board's sockets. Until accounts land (issue 3), every board is open to whoever
 * has its link, as a participant; the session and role checks replace this function.
 */
export async function resolveSocketAccess(
	deps: AppDeps,
	_c: Context,
	boardId: string
): Promise<SocketAccess> {
	const board = await getBoard(deps.database.db, boardId);
	if (!board) return { ok: false, code: CloseCode.NotFound, reason: 'no such board' };
	return { ok: true, access: { userId: 'anonymous', name: '', role: 'participant' } };
}
