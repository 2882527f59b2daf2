import { createRoute } from '@hono/zod-openapi';
import { requireUser } from '../auth/http.ts';
import type { AppDeps } from '../deps.ts';
import { listBoardsOf } from '../store/index.ts';
import { apiRouter } from './router.ts';
import { MeSchema } from './account-schemas.ts';
import { SIGNED_IN, errors, json } from './schemas.ts';

const me = createRoute({
	method: 'get',
	path: '/',
	summary: 'The signed-in person and their boards, with their role on each',
	security: SIGNED_IN,
	responses: { 200: json(MeSchema, 'Who is signed in'), ...errors(401) }
});

export function meRoutes(deps: AppDeps) {
	return apiRouter().openapi(me, async (c) => {
		const { user } = requireUser(c);
		return c.json({ user, boards: await listBoardsOf(deps.database.db, user.id) }, 200);
	});
}
