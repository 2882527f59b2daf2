import { createRoute } from '@hono/zod-openapi';
import { closeMeeting, reopenMeeting, setSectionLock, type EditableSectionId } from '@debrief/doc';
import { requireBoardRole } from '../auth/http.ts';
import { Action } from '../auth/policy.ts';
import type { AppDeps } from '../deps.ts';
import type { MeetingService } from '../meeting/meeting-service.ts';
import { personOf, stateOrThrow } from '../meeting/refusals.ts';
import {
	LockBodySchema,
	LockParams,
	MetaAnswerSchema,
	RevisionAnswerSchema
} from '../meeting/schemas.ts';
import { apiRouter } from './router.ts';
import { BoardIdParam, SIGNED_IN, body, errors, json } from './schemas.ts';

const lock = createRoute({
	method: 'put',
	path: '/{id}/locks/{section}',
	summary:
		'Lock or unlock a section (facilitators). The server refuses every write to a locked ' +
		'section, the facilitator’s too, from the moment this answers',
	security: SIGNED_IN,
	request: { params: LockParams, ...body(LockBodySchema) },
	responses: {
		200: json(MetaAnswerSchema, 'The meeting after the change'),
		...errors(400, 401, 403, 404, 409)
	}
});

const close = createRoute({
	method: 'post',
	path: '/{id}/close',
	summary:
		'Close the meeting (facilitators): every section locked, status closed, no more writes. ' +
		'Answers the revision this close makes',
	security: SIGNED_IN,
	request: { params: BoardIdParam },
	responses: {
		200: json(RevisionAnswerSchema, 'Closed'),
		...errors(400, 401, 403, 404, 409)
	}
});

const reopen = createRoute({
	method: 'post',
	path: '/{id}/reopen',
	summary: 'Reopen a closed meeting (facilitators): live again, every section unlocked',
	security: SIGNED_IN,
	request: { params: BoardIdParam },
	responses: {
		200: json(RevisionAnswerSchema, 'Reopened'),
		...errors(400, 401, 403, 404, 409)
	}
});

export function lockRoutes(deps: AppDeps, meeting: MeetingService) {
	return apiRouter()
		.openapi(lock, async (c) => {
			const { id, section } = c.req.valid('param');
			const { auth } = await requireBoardRole(deps, c, id, Action.facilitate);
			const { locked } = c.req.valid('json');
			const result = await meeting.change(id, personOf(auth), {
				action: locked ? 'lock' : 'unlock',
				detail: { section },
				apply: (state, ctx) => setSectionLock(state, section as EditableSectionId, locked, ctx)
			});
			return c.json({ meta: stateOrThrow(result) }, 200);
		})
		.openapi(close, async (c) => {
			const { id } = c.req.valid('param');
			const { auth } = await requireBoardRole(deps, c, id, Action.facilitate);
			const result = await meeting.change(id, personOf(auth), {
				action: 'close',
				apply: (state, ctx) => closeMeeting(state, state.revision + 1, ctx)
			});
			const meta = stateOrThrow(result);
			return c.json({ revision: meta.revision, meta }, 200);
		})
		.openapi(reopen, async (c) => {
			const { id } = c.req.valid('param');
			const { auth } = await requireBoardRole(deps, c, id, Action.facilitate);
			const result = await meeting.change(id, personOf(auth), {
				action: 'reopen',
				apply: (state, ctx) => reopenMeeting(state, ctx)
			});
			const meta = stateOrThrow(result);
			return c.json({ revision: meta.revision, meta }, 200);
		});
}
