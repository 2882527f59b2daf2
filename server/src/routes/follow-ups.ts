import { createRoute } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { FollowUpStatus } from '@debrief/db';
import { requireBoardRole, requireUser } from '../auth/http.ts';
import { Action, can } from '../auth/policy.ts';
import type { AppDeps } from '../deps.ts';
import { personOf } from '../meeting/refusals.ts';
import { isOverdue, orderFollowUps } from '../snapshots/follow-up-plan.ts';
import { pullFollowUps } from '../snapshots/pull.ts';
import {
	FollowUpParams,
	FollowUpPatchSchema,
	FollowUpSchema,
	FollowUpsQuery,
	FollowUpsSchema,
	PullAnswerSchema
} from '../snapshots/schemas.ts';
import { getFollowUpFor, listFollowUpsOf, updateFollowUp } from '../store/follow-ups.ts';
import type { FollowUp } from '../store/follow-ups.ts';
import { apiRouter } from './router.ts';
import { BoardIdParam, SIGNED_IN, body, errors, json } from './schemas.ts';

const list = createRoute({
	method: 'get',
	path: '/',
	summary:
		'Action items of closed boards the caller belongs to, tracked after the meeting: ' +
		'overdue first, then open by due date, then done',
	security: SIGNED_IN,
	request: { query: FollowUpsQuery },
	responses: { 200: json(FollowUpsSchema, 'The follow-ups'), ...errors(400, 401) }
});

const patch = createRoute({
	method: 'patch',
	path: '/{id}',
	summary:
		'Change a follow-up’s status, owner or due date (participants and facilitators of its ' +
		'board). The frozen snapshot is not touched',
	security: SIGNED_IN,
	request: { params: FollowUpParams, ...body(FollowUpPatchSchema) },
	responses: { 200: json(FollowUpSchema, 'The follow-up after'), ...errors(400, 401, 403, 404) }
});

const pull = createRoute({
	method: 'post',
	path: '/{id}/pull-follow-ups',
	summary:
		'Bring the open follow-ups of earlier post-mortems on the same service into this board’s ' +
		'open discussion (participants and facilitators), once each. Refused while it is locked',
	security: SIGNED_IN,
	request: { params: BoardIdParam },
	responses: { 200: json(PullAnswerSchema, 'What was added'), ...errors(400, 401, 403, 404, 409) }
});

const utcToday = () => new Date().toISOString().slice(0, 10);

const view = (f: FollowUp, today: string) => ({
	...f,
	overdue: isOverdue(f, today),
	canEdit: can(f.role, Action.write)
});

/** `/api/follow-ups`: the follow-ups page across every board of the caller. */
export function followUpRoutes(deps: AppDeps) {
	const { db } = deps.database;
	return apiRouter()
		.openapi(list, async (c) => {
			const { user } = requireUser(c);
			const today = c.req.valid('query').today ?? utcToday();
			const items = orderFollowUps(await listFollowUpsOf(db, user.id), today);
			return c.json({ followUps: items.map((f) => view(f, today)), today }, 200);
		})
		.openapi(patch, async (c) => {
			const { user } = requireUser(c);
			const { id } = c.req.valid('param');
			const found = await getFollowUpFor(db, id, user.id);
			// Not a member learns nothing, not even that it exists.
			if (!found) throw new HTTPException(404, { message: 'no such follow-up' });
			if (!can(found.role, Action.write)) {
				throw new HTTPException(403, {
					message: 'observers follow these, they do not change them'
				});
			}
			const input = c.req.valid('json');
			await updateFollowUp(
				db,
				id,
				{ ...input, status: input.status as FollowUpStatus | undefined },
				user.id
			);
			deps.log.info('follow-up changed', { board: found.boardId, followUp: id, by: user.id });
			const after = await getFollowUpFor(db, id, user.id);
			if (!after) throw new HTTPException(404, { message: 'no such follow-up' });
			return c.json(view(after, utcToday()), 200);
		});
}

/** `/api/boards/:id/pull-follow-ups`. */
export function boardFollowUpRoutes(deps: AppDeps) {
	return apiRouter().openapi(pull, async (c) => {
		const { id } = c.req.valid('param');
		const { auth } = await requireBoardRole(deps, c, id, Action.write);
		const result = await pullFollowUps(deps, id, personOf(auth));
		if (!result.ok) {
			throw new HTTPException(409, {
				message: 'the open discussion is locked (or the meeting closed): unlock it first'
			});
		}
		return c.json({ added: result.added.length, items: result.added }, 200);
	});
}
