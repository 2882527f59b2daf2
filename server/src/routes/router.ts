import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../auth/http.ts';
import { validationHook } from '../http/errors.ts';

/**
 * A sub-app of the API: the session set by the middleware in app.ts, and invalid input
 * answered with a 400 naming the field. The hook reads nothing of the env, hence the cast.
 */
export function apiRouter() {
	return new OpenAPIHono<ApiEnv>({
		defaultHook: (result, c) => validationHook(result, c as never)
	});
}
