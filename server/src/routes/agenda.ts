import { createRoute } from '@hono/zod-openapi';
import { applyAgendaAction } from '@debrief/doc';
import { requireBoardRole } from '../auth/http.ts';
import { Action } from '../auth/policy.ts';
import type { AppDeps } from '../deps.ts';
import type { MeetingService } from '../meeting/meeting-service.ts';
import { personOf, stateOrThrow } from '../meeting/refusals.ts';
import {
	AgendaActionSchema,
	AuditAnswerSchema,
	AuditQuerySchema,
	MetaAnswerSchema
} from '../meeting/schemas.ts';
import { listAudit } from '../store/audit.ts';
import { apiRouter } from './router.ts';
import { BoardIdParam, SIGNED_IN, body, errors, json } from './schemas.ts';

const read = createRoute({
	method: 'get',
	path: '/{id}/agenda',
	summary: 'The meeting as it stands: agenda, stage, timer, locks, queue (any member)',
	security: SIGNED_IN,
	request: { params: BoardIdParam },
	responses: { 200: json(MetaAnswerSchema, 'The meeting'), ...errors(400, 401, 403, 404) }
});

const change = createRoute({
	method: 'post',
	path: '/{id}/agenda',
	summary:
		'Run the agenda (facilitators): start, next, previous, goto, pause, resume, extend, edit, ' +
		'template, settings. Advancing locks the finished section when `lockOnAdvance` is on. ' +
		'Every client sees the change through the `meta` document; it is in the audit log',
	security: SIGNED_IN,
	request: { params: BoardIdParam, ...body(AgendaActionSchema) },
	responses: {
		200: json(MetaAnswerSchema, 'The meeting after the change'),
		...errors(400, 401, 403, 404, 409)
	}
});

const audit = createRoute({
	method: 'get',
	path: '/{id}/audit',
	summary: 'What the facilitators did and when, newest first (any member)',
	security: SIGNED_IN,
	request: { params: BoardIdParam, query: AuditQuerySchema },
	responses: { 200: json(AuditAnswerSchema, 'The audit log'), ...errors(400, 401, 403, 404) }
});

/** What the audit log keeps of an agenda action beyond its name. */
function detailOf(input: ReturnType<typeof AgendaActionSchema.parse>): Record<string, unknown> {
	switch (input.action) {
		case 'goto':
			return { stageId: input.stageId };
		case 'extend':
			return { minutes: input.minutes };
		case 'edit':
			return { stages: input.stages.map((s) => `${s.title} (${s.minutes} min)`) };
		case 'template':
			return { template: input.template };
		case 'settings':
			return { lockOnAdvance: input.lockOnAdvance };
		default:
			return {};
	}
}

export function agendaRoutes(deps: AppDeps, meeting: MeetingService) {
	return apiRouter()
		.openapi(read, async (c) => {
			const { id } = c.req.valid('param');
			await requireBoardRole(deps, c, id, Action.read);
			return c.json({ meta: await meeting.read(id) }, 200);
		})
		.openapi(change, async (c) => {
			const { id } = c.req.valid('param');
			const { auth } = await requireBoardRole(deps, c, id, Action.facilitate);
			const input = c.req.valid('json');
			const result = await meeting.change(id, personOf(auth), {
				action: `agenda.${input.action}`,
				detail: detailOf(input),
				apply: (state, ctx) => applyAgendaAction(state, input, ctx)
			});
			return c.json({ meta: stateOrThrow(result) }, 200);
		})
		.openapi(audit, async (c) => {
			const { id } = c.req.valid('param');
			await requireBoardRole(deps, c, id, Action.read);
			const { before, limit } = c.req.valid('query');
			return c.json({ entries: await listAudit(deps.database.db, id, { before, limit }) }, 200);
		});
}
