import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
	.object({
		error: z.string(),
		issues: z.array(z.object({ path: z.string(), message: z.string() })).optional()
	})
	.openapi('Error');

export const Severity = z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']);

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

export const CreateBoardSchema = z
	.object({
		title: z.string().trim().min(1, 'give the board a title').max(200),
		severity: Severity.nullish(),
		service: z.string().trim().max(100).nullish(),
		incidentStart: z.iso.datetime({ offset: true }).nullish(),
		incidentEnd: z.iso.datetime({ offset: true }).nullish()
	})
	.openapi('CreateBoard');

export const BoardIdParam = z.object({
	id: z
		.string()
		.regex(/^[a-z0-9]{1,40}$/, 'not a board id')
		.openapi({ param: { name: 'id', in: 'path' } })
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
	content: { 'application/json': { schema } },
	description
});
