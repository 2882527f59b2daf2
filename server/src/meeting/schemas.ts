import { z } from '@hono/zod-openapi';
import {
	EDITABLE_SECTIONS,
	MAX_EXTEND_MINUTES,
	MAX_STAGES,
	MAX_STAGE_MINUTES,
	MAX_STAGE_TITLE,
	MeetingStatus,
	StageKind
} from '@debrief/doc';

/** OpenAPI schemas of the meeting routes: the meta state and the bodies that change it. */

const SectionSchema = z.enum(EDITABLE_SECTIONS as [string, ...string[]]).openapi('Section');
const PersonSchema = z.object({ userId: z.string(), name: z.string() }).openapi('Person');
const HandSchema = PersonSchema.extend({ at: z.string() }).openapi('Hand');

const StageSchema = z
	.object({
		id: z.string(),
		title: z.string(),
		kind: z.enum(StageKind),
		section: SectionSchema.nullable(),
		minutes: z.number().int()
	})
	.openapi('Stage');

export const MetaSchema = z
	.object({
		status: z.enum(MeetingStatus),
		revision: z.number().int(),
		stages: z.array(StageSchema),
		current: z.string().nullable().openapi({ description: 'Id of the stage in progress' }),
		timer: z
			.object({
				startedAt: z.number(),
				pausedAt: z.number().nullable(),
				pausedMs: z.number(),
				extendedMs: z.number()
			})
			.nullable()
			.openapi({ description: 'Server epoch ms; remaining = minutes + extended - running time' }),
		locks: z.partialRecord(
			SectionSchema,
			z.object({ by: PersonSchema, at: z.string() }).openapi('SectionLock')
		),
		settings: z.object({ lockOnAdvance: z.boolean() }),
		queue: z.array(HandSchema),
		speaking: HandSchema.nullable(),
		readyCheck: z
			.object({
				id: z.string(),
				by: PersonSchema,
				startedAt: z.string(),
				answers: z.record(z.string(), z.object({ name: z.string(), ready: z.boolean() }))
			})
			.nullable(),
		lead: PersonSchema.nullable(),
		updatedAt: z.number()
	})
	.openapi('Meeting', { description: 'The board’s meta document, as every client syncs it' });

export const MetaAnswerSchema = z.object({ meta: MetaSchema });

const StageInputSchema = z.object({
	id: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,40}$/, 'not a stage id')
		.optional()
		.openapi({ description: 'Omit for a new stage' }),
	title: z.string().trim().min(1, 'give the stage a title').max(MAX_STAGE_TITLE),
	section: SectionSchema.nullable(),
	minutes: z.number().int('whole minutes').min(1).max(MAX_STAGE_MINUTES),
	kind: z.enum(StageKind).optional()
});

const only = <A extends string>(action: A) => z.object({ action: z.literal(action) });

export const AgendaActionSchema = z
	.discriminatedUnion('action', [
		only('start'),
		only('next'),
		only('previous'),
		only('pause'),
		only('resume'),
		only('goto').extend({ stageId: z.string().min(1).max(40) }),
		only('extend').extend({
			minutes: z.number().int('whole minutes').min(1).max(MAX_EXTEND_MINUTES)
		}),
		only('edit').extend({ stages: z.array(StageInputSchema).min(1).max(MAX_STAGES) }),
		only('template').extend({ template: z.enum(['blameless', 'short']) }),
		only('settings').extend({ lockOnAdvance: z.boolean() })
	])
	.openapi('AgendaAction');

export const LockParams = z.object({
	id: z
		.string()
		.regex(/^[a-z0-9]{1,40}$/, 'not a board id')
		.openapi({ param: { name: 'id', in: 'path' } }),
	section: SectionSchema.openapi({ param: { name: 'section', in: 'path' } })
});

export const LockBodySchema = z.object({ locked: z.boolean() }).openapi('LockChange');

export const RevisionAnswerSchema = z.object({ revision: z.number().int(), meta: MetaSchema });

export const QueueActionSchema = z
	.discriminatedUnion('action', [
		only('raise'),
		only('lower').extend({
			userId: z
				.string()
				.regex(/^[a-z0-9]{1,40}$/, 'not a user id')
				.optional()
				.openapi({ description: 'Whose hand; omit for your own (others: facilitators only)' })
		}),
		only('next'),
		only('clear')
	])
	.openapi('QueueAction');

export const ReadyCheckActionSchema = z
	.discriminatedUnion('action', [
		only('start'),
		only('answer').extend({ ready: z.boolean() }),
		only('end')
	])
	.openapi('ReadyCheckAction');

export const AuditQuerySchema = z.object({
	before: z.coerce.number().int().positive().optional(),
	limit: z.coerce.number().int().min(1).max(200).optional()
});

export const AuditAnswerSchema = z
	.object({
		entries: z.array(
			z.object({
				id: z.number().int(),
				action: z.string(),
				detail: z.record(z.string(), z.unknown()),
				at: z.string(),
				actor: PersonSchema.nullable()
			})
		)
	})
	.openapi('AuditLog');
