import { createRoute } from '@hono/zod-openapi';
import type { BoardRole } from '@debrief/db';
import { CloseCode } from '@debrief/sync';
import { refusalError, requireBoardRole } from '../auth/http.ts';
import { Action, Refusal, can, decideRemoval, planRoleChange } from '../auth/policy.ts';
import type { MemberRef } from '../auth/policy.ts';
import type { AppDeps } from '../deps.ts';
import { changeMembers, listMembers } from '../store/index.ts';
import { apiRouter } from './router.ts';
import { MembersSchema, RoleChangeSchema } from './account-schemas.ts';
import { BoardIdParam, MemberParams, SIGNED_IN, body, errors, json } from './schemas.ts';

const list = createRoute({
	method: 'get',
	path: '/{id}/members',
	summary: 'The board’s members (any member); emails only for facilitators and cofacilitators',
	security: SIGNED_IN,
	request: { params: BoardIdParam },
	responses: { 200: json(MembersSchema, 'The members'), ...errors(400, 401, 403, 404) }
});

const change = createRoute({
	method: 'patch',
	path: '/{id}/members/{userId}',
	summary:
		'Change a member’s role (facilitators). `facilitator` hands the board off: the caller ' +
		'becomes cofacilitator. Their sockets close with 4409 to reconnect with the new rights',
	security: SIGNED_IN,
	request: { params: MemberParams, ...body(RoleChangeSchema) },
	responses: { 200: json(MembersSchema, 'The members after'), ...errors(400, 401, 403, 404) }
});

const remove = createRoute({
	method: 'delete',
	path: '/{id}/members/{userId}',
	summary:
		'Remove a member (facilitators), or leave (anyone but the facilitator). Their sockets ' +
		'close with 4403',
	security: SIGNED_IN,
	request: { params: MemberParams },
	responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404) }
});

const ref = (roles: ReadonlyMap<string, BoardRole>, userId: string): MemberRef | null => {
	const role = roles.get(userId);
	return role ? { userId, role } : null;
};

export function memberRoutes(deps: AppDeps) {
	const { db } = deps.database;
	/** The member list as `role` may see it: emails are for those who manage members. */
	const membersFor = async (boardId: string, role: BoardRole) => {
		const members = await listMembers(db, boardId);
		if (can(role, Action.manageMembers)) return members;
		return members.map((member) => ({ ...member, email: null }));
	};
	return apiRouter()
		.openapi(list, async (c) => {
			const { id } = c.req.valid('param');
			const { role } = await requireBoardRole(deps, c, id, Action.read);
			return c.json({ members: await membersFor(id, role) }, 200);
		})
		.openapi(change, async (c) => {
			const { id, userId } = c.req.valid('param');
			const { auth } = await requireBoardRole(deps, c, id, Action.read);
			const next = c.req.valid('json').role;
			const actorId = auth.user.id;
			const decision = await changeMembers(db, id, [actorId, userId], (roles) => {
				const actor = ref(roles, actorId);
				if (!actor) return { ok: false as const, reason: Refusal.notMember };
				const plan = planRoleChange(actor, ref(roles, userId), next);
				if (!plan.ok) return plan;
				const own = plan.changes.find((changed) => changed.userId === actorId);
				return { ok: true as const, set: plan.changes, actorRole: own?.role ?? actor.role };
			});
			if (!decision.ok) throw refusalError(decision.reason);
			for (const changed of decision.set) {
				deps.sockets.closeMember(id, changed.userId, CloseCode.RoleChanged, 'role changed');
			}
			if (decision.set.length > 0) {
				deps.log.info('roles changed', { board: id, by: actorId, changes: decision.set });
			}
			return c.json({ members: await membersFor(id, decision.actorRole) }, 200);
		})
		.openapi(remove, async (c) => {
			const { id, userId } = c.req.valid('param');
			const { auth } = await requireBoardRole(deps, c, id, Action.read);
			const actorId = auth.user.id;
			const decision = await changeMembers(db, id, [actorId, userId], (roles) => {
				const actor = ref(roles, actorId);
				if (!actor) return { ok: false as const, reason: Refusal.notMember };
				const allowed = decideRemoval(actor, ref(roles, userId));
				return allowed.ok ? { ok: true as const, remove: [userId] } : allowed;
			});
			if (!decision.ok) throw refusalError(decision.reason);
			deps.sockets.closeMember(id, userId, CloseCode.Forbidden, 'removed from the board');
			deps.log.info('member removed', { board: id, by: actorId, user: userId });
			return c.body(null, 204);
		});
}
