import { z } from '@hono/zod-openapi';
import { boardRoles } from '@debrief/db';

export const ErrorSchema = z
	.object({
		error: z.string(),
		issues: z.array(z.object({ path: z.string(), message: z.string() })).optional()
	})
	.openapi('Error');

export const Severity = z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']);

export const RoleSchema = z
	.enum(boardRoles)
	.openapi('Role', { description: 'A member’s role on one board' });

export const BoardSchema = z
	.object({
		id: z.string(),
		title: z.string(),
		severity: z.string().nullable(),
		service: z.string().nullable(),
		incidentStart: z.string().nullable(),
		incidentEnd: z.string().nullable(),
		status: z.enum(['draft', 'live', 'closed']),
		revision: z.number().int(),
		createdAt: z.string(),
		updatedAt: z.string()
	})
	.openapi('Board');

export const BoardWithRoleSchema = BoardSchema.extend({
	role: RoleSchema.openapi({ description: 'The caller’s role on this board' })
}).openapi('BoardWithRole');

export const CreateBoardSchema = z
	.object({
		title: z.string().trim().min(1, 'give the board a title').max(200),
		severity: Severity.nullish(),
		service: z.string().trim().max(100).nullish(),
		incidentStart: z.iso.datetime({ offset: true }).nullish(),
		incidentEnd: z.iso.datetime({ offset: true }).nullish()
	})
	.openapi('CreateBoard');

const boardId = z
	.string()
	.regex(/^[a-z0-9]{1,40}$/, 'not a board id')
	.openapi({ param: { name: 'id', in: 'path' } });

export const BoardIdParam = z.object({ id: boardId });

export const MemberParams = z.object({
	id: boardId,
	userId: z
		.string()
		.regex(/^[a-z0-9]{1,40}$/, 'not a user id')
		.openapi({ param: { name: 'userId', in: 'path' } })
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
	content: { 'application/json': { schema } },
	description
});

/** A JSON request body, required. */
export const body = <T extends z.ZodType>(schema: T) => ({
	body: { content: { 'application/json': { schema } }, required: true }
});

const ERROR_MEANINGS = {
	400: 'Invalid input: `error` names the field',
	401: 'No valid session: sign in first',
	403: 'Signed in, but not allowed (not a member, or the role does not allow it)',
	404: 'No such board (or member, or invite)',
	409: 'Conflicts with what is stored',
	410: 'The invite has expired or was revoked',
	429: 'Too many attempts: wait for `Retry-After` seconds'
} as const;

/** The error answers a route can give, for its OpenAPI `responses`. */
export function errors<S extends keyof typeof ERROR_MEANINGS>(...statuses: S[]) {
	return Object.fromEntries(
		statuses.map((status) => [status, json(ErrorSchema, ERROR_MEANINGS[status])])
	) as Record<S, ReturnType<typeof json<typeof ErrorSchema>>>;
}

/** Names of the security schemes registered in app.ts. */
export const SECURITY = { cookie: 'sessionCookie', bearer: 'bearerToken' } as const;

/** `security` of a route that needs a session: the cookie, or the bearer token. */
export const SIGNED_IN: Array<Record<string, string[]>> = [
	{ [SECURITY.cookie]: [] },
	{ [SECURITY.bearer]: [] }
];
