import { createRoute, z } from '@hono/zod-openapi';
import { CloseCode } from '@debrief/sync';
import type { Context } from 'hono';
import { clientAddress, requireBoardRole, startSession, tooMany } from '../auth/http.ts';
import { inviteExpiry, inviteStatus } from '../auth/invites.ts';
import { Action, roleAfterJoining } from '../auth/policy.ts';
import { createInviteLimits } from '../auth/rate-limit.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import type { AppDeps } from '../deps.ts';
import {
	createGuest,
	findInviteByHash,
	insertInvite,
	joinBoard,
	listInvites,
	revokeInvite
} from '../store/index.ts';
import { apiRouter } from './router.ts';
import {
	AcceptInviteSchema,
	AcceptedInviteSchema,
	CreateInviteSchema,
	CreatedInviteSchema,
	InviteIdParams,
	InvitePreviewSchema,
	InviteSchema,
	InviteTokenParam
} from './account-schemas.ts';
import { BoardIdParam, SIGNED_IN, body, errors, json } from './schemas.ts';

const create = createRoute({
	method: 'post',
	path: '/{id}/invites',
	summary: 'Make an invite link (facilitators); the token is shown only in this answer',
	security: SIGNED_IN,
	request: { params: BoardIdParam, ...body(CreateInviteSchema) },
	responses: { 201: json(CreatedInviteSchema, 'The link'), ...errors(400, 401, 403, 404) }
});

const list = createRoute({
	method: 'get',
	path: '/{id}/invites',
	summary: 'The board’s invite links, newest first, with their status (facilitators)',
	security: SIGNED_IN,
	request: { params: BoardIdParam },
	responses: {
		200: json(z.object({ invites: z.array(InviteSchema) }), 'The invites'),
		...errors(400, 401, 403, 404)
	}
});

const revoke = createRoute({
	method: 'delete',
	path: '/{id}/invites/{inviteId}',
	summary: 'Revoke an invite link (facilitators); people who joined with it stay',
	security: SIGNED_IN,
	request: { params: InviteIdParams },
	responses: { 204: { description: 'Revoked' }, ...errors(400, 401, 403, 404) }
});

/** Invite links of one board, under /api/boards. */
export function boardInviteRoutes(deps: AppDeps) {
	const { db } = deps.database;
	return apiRouter()
		.openapi(create, async (c) => {
			const { id } = c.req.valid('param');
			const { auth } = await requireBoardRole(deps, c, id, Action.manageInvites);
			const input = c.req.valid('json');
			const token = generateToken();
			const invite = await insertInvite(db, {
				tokenHash: hashToken(token),
				boardId: id,
				role: input.role,
				createdBy: auth.user.id,
				expiresAt: inviteExpiry(Date.now(), input.expiresInHours)
			});
			const origin = deps.env.publicOrigin ?? new URL(c.req.url).origin;
			deps.log.info('invite created', { board: id, invite: invite.id, role: input.role });
			return c.json(
				{
					id: invite.id,
					token,
					url: `${origin}/invite/${token}`,
					role: input.role,
					expiresAt: invite.expiresAt.toISOString()
				},
				201
			);
		})
		.openapi(list, async (c) => {
			const { id } = c.req.valid('param');
			await requireBoardRole(deps, c, id, Action.manageInvites);
			const now = Date.now();
			const invites = (await listInvites(db, id)).map((invite) => ({
				...invite,
				status: inviteStatus(
					{
						expiresAt: new Date(invite.expiresAt),
						revokedAt: invite.revokedAt ? new Date(invite.revokedAt) : null
					},
					now
				)
			}));
			return c.json({ invites }, 200);
		})
		.openapi(revoke, async (c) => {
			const { id, inviteId } = c.req.valid('param');
			await requireBoardRole(deps, c, id, Action.manageInvites);
			if (!(await revokeInvite(db, id, inviteId))) {
				return c.json({ error: 'no such invite on this board' }, 404);
			}
			deps.log.info('invite revoked', { board: id, invite: inviteId });
			return c.body(null, 204);
		});
}

const preview = createRoute({
	method: 'get',
	path: '/{token}',
	summary: 'What an invite link opens (no session needed)',
	request: { params: InviteTokenParam },
	responses: { 200: json(InvitePreviewSchema, 'The invite'), ...errors(400, 404, 410, 429) }
});

const accept = createRoute({
	method: 'post',
	path: '/{token}/accept',
	summary:
		'Join the board. Signed in: joins (a higher role is kept). Not signed in: makes a guest ' +
		'account with `name`, signs it in (cookie) and returns its token',
	request: { params: InviteTokenParam, ...body(AcceptInviteSchema) },
	responses: {
		200: json(AcceptedInviteSchema, 'Joined as the signed-in person'),
		201: json(AcceptedInviteSchema, 'Joined as a new guest; `token` is its session'),
		...errors(400, 404, 410, 429)
	}
});

/** Invite links as the invited see them, under /api/invites. */
export function inviteRoutes(deps: AppDeps) {
	const { db } = deps.database;
	const limits = createInviteLimits();
	/**
	 * The invite a token opens, or why not: `limited` when the caller's address has guessed too
	 * many unknown links, else a refusal (404 unknown, 410 expired or revoked).
	 */
	const open = async (c: Context, token: string) => {
		const address = clientAddress(c);
		const probes = limits.probes.check(address);
		if (!probes.ok) return { limited: probes };
		const invite = await findInviteByHash(db, hashToken(token));
		if (!invite) {
			limits.probes.fail(address); // guessing links counts against the address
			return { refusal: { status: 404 as const, error: 'no such invite' } };
		}
		const status = inviteStatus(invite, Date.now());
		if (status !== 'active') {
			return { refusal: { status: 410 as const, error: `this invite is ${status}` } };
		}
		return { invite, board: { id: invite.boardId, title: invite.boardTitle } };
	};
	return apiRouter()
		.openapi(preview, async (c) => {
			const found = await open(c, c.req.valid('param').token);
			if (found.limited) return tooMany(c, [found.limited]);
			if (found.refusal) return c.json({ error: found.refusal.error }, found.refusal.status);
			const { invite, board } = found;
			return c.json({ board, role: invite.role, expiresAt: invite.expiresAt.toISOString() }, 200);
		})
		.openapi(accept, async (c) => {
			const found = await open(c, c.req.valid('param').token);
			if (found.limited) return tooMany(c, [found.limited]);
			if (found.refusal) return c.json({ error: found.refusal.error }, found.refusal.status);
			const { invite, board } = found;
			const decide = (existing: typeof invite.role | null) =>
				roleAfterJoining(existing, invite.role);
			const auth = c.get('auth');
			if (auth) {
				const { role, previous } = await joinBoard(db, board.id, auth.user.id, decide);
				// Raised by the invite (observer -> participant): reconnect with the new rights.
				if (previous && previous !== role) {
					deps.sockets.closeMember(board.id, auth.user.id, CloseCode.RoleChanged, 'role changed');
				}
				deps.log.info('invite accepted', { board: board.id, invite: invite.id, role });
				return c.json({ board, role, user: auth.user }, 200);
			}
			const name = c.req.valid('json').name;
			if (!name) {
				const error = 'name: give a display name to join as a guest';
				return c.json({ error, issues: [{ path: 'name', message: error }] }, 400);
			}
			const guests = limits.guestsPerInvite.check(invite.id);
			if (!guests.ok) return tooMany(c, [guests]);
			limits.guestsPerInvite.fail(invite.id); // every guest made counts, not only failures
			const { user, role } = await db.transaction(async (tx) => {
				const guest = await createGuest(tx, name);
				return { user: guest, ...(await joinBoard(tx, board.id, guest.id, decide)) };
			});
			const token = await startSession(deps, c, user.id);
			deps.log.info('guest joined', { board: board.id, invite: invite.id, user: user.id, role });
			return c.json({ board, role, user, token }, 201);
		});
}
