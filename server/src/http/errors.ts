import type { Hook } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../log.ts';

/** The one shape of every API error body. */
export interface ApiError {
	error: string;
	/** For validation failures: which field, and what is wrong with it. */
	issues?: Array<{ path: string; message: string }>;
}

/** Answers a failed schema validation with a 400 that names each field. */
export const validationHook: Hook<unknown, never, string, unknown> = (result, c) => {
	if (result.success) return;
	const issues = result.error.issues.map((issue) => ({
		path: issue.path.join('.') || '(body)',
		message: issue.message
	}));
	const first = issues[0];
	return c.json<ApiError>(
		{ error: first ? `${first.path}: ${first.message}` : 'invalid input', issues },
		400
	);
};

/** Maps thrown errors to JSON once, at the edge (Hono `app.onError`). */
export function errorHandler(log: Logger) {
	return (error: Error, c: Context) => {
		if (error instanceof HTTPException) {
			return c.json<ApiError>({ error: error.message }, error.status as ContentfulStatusCode);
		}
		if (error instanceof SyntaxError) {
			return c.json<ApiError>({ error: 'the request body is not valid JSON' }, 400);
		}
		log.error('unhandled error', { error, path: c.req.path, method: c.req.method });
		return c.json<ApiError>({ error: 'something went wrong on our side' }, 500);
	};
}
