import { createRoute, z } from '@hono/zod-openapi';
import { requireBoardRole, requireUser } from '../auth/http.ts';
import { Action } from '../auth/policy.ts';
import type { AppDeps } from '../deps.ts';
import { createBoard, getBoard, listBoardsOf } from '../store/index.ts';
import { apiRouter } from './router.ts';
import {
	BoardIdParam,
	BoardWithRoleSchema,
	CreateBoardSchema,
	SIGNED_IN,
	body,
	errors,
	json
} from './schemas.ts';

const list = createRoute({
	method: 'get',
	path: '/',
	summary: 'The boards the caller is a member of, newest first, with their role',
	security: SIGNED_IN,
	responses: {
		200: json(z.object({ boards: z.array(BoardWithRoleSchema) }), 'The boards'),
		...errors(401)
	}
});

const create = createRoute({
	method: 'post',
	path: '/',
	summary: 'Create a board; the caller becomes its facilitator',
	security: SIGNED_IN,
	request: body(CreateBoardSchema),
	responses: { 201: json(BoardWithRoleSchema, 'The new board'), ...errors(400, 401) }
});

const get = createRoute({
	method: 'get',
	path: '/{id}',
	summary: 'One board, for its members, with the caller’s role',
	security: SIGNED_IN,
	request: { params: BoardIdParam },
	responses: { 200: json(BoardWithRoleSchema, 'The board'), ...errors(400, 401, 403, 404) }
});

export function boardRoutes(deps: AppDeps) {
	const { db } = deps.database;
	return apiRouter()
		.openapi(list, async (c) => {
			const { user } = requireUser(c);
			return c.json({ boards: await listBoardsOf(db, user.id) }, 200);
		})
		.openapi(create, async (c) => {
			const { user } = requireUser(c);
			const input = c.req.valid('json');
			const board = await createBoard(db, {
				title: input.title,
				severity: input.severity ?? null,
				service: input.service ?? null,
				incidentStart: input.incidentStart ?? null,
				incidentEnd: input.incidentEnd ?? null,
				createdBy: user.id
			});
			deps.log.info('board created', { board: board.id, user: user.id });
			return c.json({ ...board, role: 'facilitator' as const }, 201);
		})
		.openapi(get, async (c) => {
			const { id } = c.req.valid('param');
			const { role } = await requireBoardRole(deps, c, id, Action.read);
			const board = await getBoard(db, id);
			if (!board) return c.json({ error: 'no such board' }, 404);
			return c.json({ ...board, role }, 200);
		});
}
