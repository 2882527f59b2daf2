import { z } from '@hono/zod-openapi';
import {
	ACTION_STATUSES,
	EDITABLE_SECTIONS,
	FACTOR_CATEGORIES,
	MAX_OWNER_LENGTH,
	isDueDate
} from '@debrief/doc';
import { EXPORT_FORMATS, ReadinessCheck } from '@debrief/export';
import { Severity } from '../routes/schemas.ts';

/** OpenAPI schemas of snapshots, exports, readiness, follow-ups and search. */

const boardId = z
	.string()
	.regex(/^[a-z0-9]{1,40}$/, 'not a board id')
	.openapi({ param: { name: 'id', in: 'path' } });

const PersonSchema = z.object({ userId: z.string(), name: z.string() });

export const RevisionParams = z.object({
	id: boardId,
	revision: z.coerce
		.number()
		.int('a whole revision number')
		.min(1, 'revisions start at 1')
		.max(1_000_000)
		.openapi({ param: { name: 'revision', in: 'path' }, type: 'integer' })
});

export const FormatSchema = z
	.enum(EXPORT_FORMATS as unknown as [string, ...string[]])
	.openapi('ExportFormat', {
		description:
			'md: the post-mortem document; html: print-ready page; json: see ' +
			'/api/schemas/postmortem.json; csv: action items for Jira or Linear'
	});

export const ExportQuery = z.object({
	format: FormatSchema.optional(),
	inline: z
		.enum(['1', 'true'])
		.optional()
		.openapi({ description: 'Show in the browser instead of downloading' })
});

export const SnapshotSummarySchema = z
	.object({
		revision: z.number().int(),
		closedAt: z.string(),
		closedBy: PersonSchema.nullable(),
		digest: z.string().openapi({ description: 'Hex SHA-256 of the canonical content JSON' })
	})
	.openapi('SnapshotSummary');

export const SnapshotListSchema = z.object({ snapshots: z.array(SnapshotSummarySchema) });

export const SnapshotSchema = SnapshotSummarySchema.extend({
	verified: z.boolean().openapi({ description: 'The stored content still has its digest' }),
	content: z
		.record(z.string(), z.unknown())
		.openapi({ description: 'The frozen content (`content` of /api/schemas/postmortem.json)' })
}).openapi('Snapshot');

const FieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const DiffSchema = z
	.object({
		from: z.number().int(),
		to: z.number().int(),
		count: z.number().int(),
		sections: z.array(
			z.object({
				section: z.string(),
				changes: z.array(
					z.object({
						kind: z.enum(['added', 'removed', 'changed']),
						id: z.string(),
						label: z.string(),
						fields: z.array(FieldChangeSchema)
					})
				)
			})
		)
	})
	.openapi('SnapshotDiff');

export const ReadinessSchema = z
	.object({
		warnings: z.array(
			z.object({
				check: z.enum(ReadinessCheck),
				section: z.enum(EDITABLE_SECTIONS as unknown as [string, ...string[]]),
				itemId: z.string().nullable(),
				message: z.string()
			})
		)
	})
	.openapi('Readiness');

const StatusSchema = z.enum(ACTION_STATUSES as unknown as [string, ...string[]]);

export const FollowUpSchema = z
	.object({
		id: z.string(),
		boardId: z.string(),
		boardTitle: z.string(),
		boardService: z.string().nullable(),
		revision: z.number().int(),
		actionId: z.string(),
		title: z.string(),
		owner: z.string(),
		due: z.string().openapi({ description: 'YYYY-MM-DD, or empty' }),
		priority: z.string(),
		status: StatusSchema,
		ticket: z.string(),
		updatedAt: z.string(),
		overdue: z.boolean(),
		canEdit: z.boolean()
	})
	.openapi('FollowUp');

export const FollowUpsQuery = z.object({
	today: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
		.optional()
		.openapi({ description: 'The caller’s local date, for “overdue” (default: UTC today)' })
});

export const FollowUpsSchema = z.object({ followUps: z.array(FollowUpSchema), today: z.string() });

export const FollowUpParams = z.object({
	id: z
		.string()
		.regex(/^[a-z0-9]{1,40}$/, 'not a follow-up id')
		.openapi({ param: { name: 'id', in: 'path' } })
});

export const FollowUpPatchSchema = z
	.object({
		status: StatusSchema.optional(),
		owner: z.string().trim().max(MAX_OWNER_LENGTH).optional(),
		due: z.string().refine(isDueDate, 'a real date as YYYY-MM-DD, or empty to clear it').optional()
	})
	.refine((p) => Object.values(p).some((v) => v !== undefined), {
		message: 'give at least one of status, owner, due'
	})
	.openapi('FollowUpPatch');

export const SearchQuery = z.object({
	q: z.string().trim().max(200).optional(),
	service: z.string().trim().max(100).optional(),
	severity: Severity.optional(),
	category: z.enum(FACTOR_CATEGORIES as unknown as [string, ...string[]]).optional()
});

export const SearchSchema = z
	.object({
		results: z.array(
			z.object({
				boardId: z.string(),
				title: z.string(),
				revision: z.number().int(),
				closedAt: z.string(),
				severity: z.string(),
				services: z.array(z.string()),
				categories: z.array(z.string()),
				snippets: z.array(z.object({ section: z.string(), text: z.string() }))
			})
		),
		categories: z
			.record(z.string(), z.number().int())
			.openapi({ description: 'How many results name each factor category: recurring causes' })
	})
	.openapi('SearchResults');

export const PullAnswerSchema = z
	.object({
		added: z.number().int(),
		items: z.array(z.object({ followUpId: z.string(), boardTitle: z.string(), title: z.string() }))
	})
	.openapi('PulledFollowUps');
