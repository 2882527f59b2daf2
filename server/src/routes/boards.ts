import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { validationHook } from '../http/errors.ts';
import { createBoard, getBoard, listBoards } from '../store/index.ts';
import { BoardIdParam, BoardSchema, CreateBoardSchema, ErrorSchema, json } from './schemas.ts';

const list = createRoute({
	method: 'get',
	path: '/',
	summary: 'Boards the caller can see, newest first',
	responses: { 200: json(z.object({ boards: z.array(BoardSchema) }), 'The boards') }
});

const create = createRoute({
	method: 'post',
	path: '/',
	summary: 'Create a board; the caller becomes its facilitator',
	request: {
		body: { content: { 'application/json': { schema: CreateBoardSchema } }, required: true }
	},
	responses: {
		201: json(BoardSchema, 'The new board'),
		400: json(ErrorSchema, 'Invalid input')
	}
});

const get = createRoute({
	method: 'get',
	path: '/{id}',
	summary: 'One board',
	request: { params: BoardIdParam },
	responses: { 200: json(BoardSchema, 'The board'), 404: json(ErrorSchema, 'No such board') }
});

export function boardRoutes(deps: AppDeps) {
	const { db } = deps.database;
	return new OpenAPIHono({ defaultHook: validationHook })
		.openapi(list, async (c) => c.json({ boards: await listBoards(db) }, 200))
		.openapi(create, async (c) => {
			const input = c.req.valid('json');
			const board = await createBoard(db, {
				title: input.title,
				severity: input.severity ?? null,
				service: input.service ?? null,
				incidentStart: input.incidentStart ?? null,
				incidentEnd: input.incidentEnd ?? null
			});
			deps.log.info('board created', { board: board.id });
			return c.json(board, 201);
		})
		.openapi(get, async (c) => {
			const board = await getBoard(db, c.req.valid('param').id);
			if (!board) return c.json({ error: 'no such board' }, 404);
			return c.json(board, 200);
		});
}
