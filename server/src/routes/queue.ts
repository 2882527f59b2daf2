import { createRoute } from '@hono/zod-openapi';
import {
	answerReadyCheck,
	callNext,
	clearQueue,
	endReadyCheck,
	lowerHand,
	raiseHand,
	startReadyCheck
} from '@debrief/doc';
import { refusalError, requireBoardRole } from '../auth/http.ts';
import { Action, Refusal, can } from '../auth/policy.ts';
import type { AppDeps } from '../deps.ts';
import type { MeetingChange, MeetingService } from '../meeting/meeting-service.ts';
import { personOf, stateOrThrow } from '../meeting/refusals.ts';
import { MetaAnswerSchema, QueueActionSchema, ReadyCheckActionSchema } from '../meeting/schemas.ts';
import { newId } from '../store/index.ts';
import { apiRouter } from './router.ts';
import { BoardIdParam, SIGNED_IN, body, errors, json } from './schemas.ts';

const queue = createRoute({
	method: 'post',
	path: '/{id}/queue',
	summary:
		'The speaking queue. Any member raises or lowers their own hand; facilitators lower ' +
		'anyone’s, call the next hand and clear the queue. Kept in `meta`, so it survives reloads',
	security: SIGNED_IN,
	request: { params: BoardIdParam, ...body(QueueActionSchema) },
	responses: {
		200: json(MetaAnswerSchema, 'The meeting after the change'),
		...errors(400, 401, 403, 404, 409)
	}
});

const readyCheck = createRoute({
	method: 'post',
	path: '/{id}/ready-check',
	summary:
		'“Ready to move on?” Facilitators start and end it; any member answers (and may change ' +
		'their answer). Moving to another stage ends it',
	security: SIGNED_IN,
	request: { params: BoardIdParam, ...body(ReadyCheckActionSchema) },
	responses: {
		200: json(MetaAnswerSchema, 'The meeting after the change'),
		...errors(400, 401, 403, 404, 409)
	}
});

export function queueRoutes(deps: AppDeps, meeting: MeetingService) {
	return apiRouter()
		.openapi(queue, async (c) => {
			const { id } = c.req.valid('param');
			const { auth, role } = await requireBoardRole(deps, c, id, Action.read);
			const input = c.req.valid('json');
			const self = auth.user.id;
			// Your own hand is yours to raise and lower; anything else runs the meeting.
			const ownHand =
				input.action === 'raise' || (input.action === 'lower' && (input.userId ?? self) === self);
			if (!ownHand && !can(role, Action.facilitate)) throw refusalError(Refusal.roleTooLow);
			let change: MeetingChange;
			switch (input.action) {
				case 'raise':
					change = { action: 'queue.raise', audit: false, apply: (s, ctx) => raiseHand(s, ctx) };
					break;
				case 'lower': {
					const userId = input.userId ?? self;
					change = {
						action: 'queue.lower',
						detail: { userId },
						audit: userId !== self,
						apply: (s) => lowerHand(s, userId)
					};
					break;
				}
				case 'next':
					change = { action: 'queue.next', apply: (s) => callNext(s) };
					break;
				case 'clear':
					change = { action: 'queue.clear', apply: (s) => clearQueue(s) };
					break;
			}
			const result = await meeting.change(id, personOf(auth), change);
			return c.json({ meta: stateOrThrow(result) }, 200);
		})
		.openapi(readyCheck, async (c) => {
			const { id } = c.req.valid('param');
			const { auth, role } = await requireBoardRole(deps, c, id, Action.read);
			const input = c.req.valid('json');
			if (input.action !== 'answer' && !can(role, Action.facilitate)) {
				throw refusalError(Refusal.roleTooLow);
			}
			const change: MeetingChange =
				input.action === 'start'
					? { action: 'ready.start', apply: (s, ctx) => startReadyCheck(s, newId(), ctx) }
					: input.action === 'end'
						? { action: 'ready.end', apply: (s) => endReadyCheck(s) }
						: {
								action: 'ready.answer',
								audit: false,
								apply: (s, ctx) => answerReadyCheck(s, input.ready, ctx)
							};
			const result = await meeting.change(id, personOf(auth), change);
			return c.json({ meta: stateOrThrow(result) }, 200);
		});
}
