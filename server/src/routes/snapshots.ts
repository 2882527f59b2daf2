import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
	diffSnapshots,
	renderExport,
	verifyDigest,
	type ExportFormat,
	type SnapshotContent
} from '@debrief/export';
import schemaDocument from '@debrief/export/schema/postmortem.schema.json' with { type: 'json' };
import { requireBoardRole } from '../auth/http.ts';
import { Action } from '../auth/policy.ts';
import type { AppDeps } from '../deps.ts';
import type { MeetingService } from '../meeting/meeting-service.ts';
import type { SnapshotService } from '../snapshots/snapshot-service.ts';
import {
	DiffSchema,
	ExportQuery,
	ReadinessSchema,
	RevisionParams,
	SnapshotListSchema,
	SnapshotSchema
} from '../snapshots/schemas.ts';
import { getSnapshot, listSnapshots } from '../store/snapshots.ts';
import { apiRouter } from './router.ts';
import { BoardIdParam, SIGNED_IN, errors, json } from './schemas.ts';

const FILE = {
	description: 'The export in the asked format (a download unless `inline`)',
	content: {
		'text/markdown': { schema: z.string() },
		'text/html': { schema: z.string() },
		'application/json': { schema: z.object({}).passthrough() },
		'text/csv': { schema: z.string() }
	}
};

const list = createRoute({
	method: 'get',
	path: '/{id}/snapshots',
	summary: 'The board’s snapshots (any member), newest first: one per close',
	security: SIGNED_IN,
	request: { params: BoardIdParam },
	responses: { 200: json(SnapshotListSchema, 'The snapshots'), ...errors(400, 401, 403, 404) }
});

const get = createRoute({
	method: 'get',
	path: '/{id}/snapshots/{revision}',
	summary:
		'One snapshot (any member). Without `format`: its content, digest and whether the digest ' +
		'still verifies. With `format=md|html|json|csv`: the export, byte-identical every time',
	security: SIGNED_IN,
	request: { params: RevisionParams, query: ExportQuery },
	responses: {
		200: {
			description:
				'Without `format`: the snapshot as JSON; with it: the export (a download unless `inline`)',
			content: { ...FILE.content, 'application/json': { schema: SnapshotSchema } }
		},
		...errors(400, 401, 403, 404)
	}
});

const diff = createRoute({
	method: 'get',
	path: '/{id}/snapshots/{revision}/diff',
	summary: 'What changed from the previous revision to this one, per section, by item id',
	security: SIGNED_IN,
	request: { params: RevisionParams },
	responses: { 200: json(DiffSchema, 'The changes'), ...errors(400, 401, 403, 404) }
});

const draft = createRoute({
	method: 'get',
	path: '/{id}/export',
	summary: 'A draft export of the live board (any member), marked DRAFT: not a snapshot',
	security: SIGNED_IN,
	request: { params: BoardIdParam, query: ExportQuery },
	responses: { 200: FILE, ...errors(400, 401, 403, 404) }
});

const readiness = createRoute({
	method: 'get',
	path: '/{id}/readiness',
	summary: 'What to look at before closing: warnings about the live board, never blockers',
	security: SIGNED_IN,
	request: { params: BoardIdParam },
	responses: { 200: json(ReadinessSchema, 'The warnings'), ...errors(400, 401, 403, 404) }
});

/** The export as a file: its type, a download name, and headers that keep it inert. */
function sendExport(
	c: Context,
	format: ExportFormat,
	content: SnapshotContent,
	digest: string | null,
	inline: boolean
): Response {
	const file = renderExport(format, content, digest);
	const headers: Record<string, string> = {
		'content-type': file.contentType,
		'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.filename}"`,
		'x-content-type-options': 'nosniff',
		// No script ever runs in an export, and only our own pages may frame one.
		'content-security-policy':
			"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
		'cache-control': digest ? 'private, max-age=0, must-revalidate' : 'no-store'
	};
	if (digest) headers['x-debrief-content-digest'] = `sha-256=${digest}`;
	return c.body(file.body, 200, headers);
}

/** A stored snapshot whose digest still verifies, or the HTTP answer why not. */
async function verifiedSnapshot(deps: AppDeps, boardId: string, revision: number) {
	const snapshot = await getSnapshot(deps.database.db, boardId, revision);
	if (!snapshot) throw new HTTPException(404, { message: `no revision ${revision} on this board` });
	const verified = await verifyDigest(snapshot.content, snapshot.digest);
	if (!verified) {
		deps.log.error('snapshot digest mismatch', { board: boardId, revision });
	}
	return { snapshot, verified };
}

export function snapshotRoutes(deps: AppDeps, meeting: MeetingService, snapshots: SnapshotService) {
	return apiRouter()
		.openapi(list, async (c) => {
			const { id } = c.req.valid('param');
			await requireBoardRole(deps, c, id, Action.read);
			return c.json({ snapshots: await listSnapshots(deps.database.db, id) }, 200);
		})
		.openapi(get, async (c) => {
			const { id, revision } = c.req.valid('param');
			const { format, inline } = c.req.valid('query');
			await requireBoardRole(deps, c, id, Action.read);
			const { snapshot, verified } = await verifiedSnapshot(deps, id, revision);
			if (!format) {
				const { content, boardId: _board, ...summary } = snapshot;
				return c.json({ ...summary, verified, content: content as never }, 200);
			}
			if (!verified) {
				throw new HTTPException(500, {
					message: 'this snapshot no longer matches its digest; it is not exported'
				});
			}
			return sendExport(
				c,
				format as ExportFormat,
				snapshot.content,
				snapshot.digest,
				!!inline
			) as never;
		})
		.openapi(diff, async (c) => {
			const { id, revision } = c.req.valid('param');
			await requireBoardRole(deps, c, id, Action.read);
			if (revision === 1) {
				throw new HTTPException(404, { message: 'revision 1 is the first: nothing before it' });
			}
			const [after, before] = await Promise.all([
				getSnapshot(deps.database.db, id, revision),
				getSnapshot(deps.database.db, id, revision - 1)
			]);
			if (!after || !before) {
				throw new HTTPException(404, { message: `no revisions ${revision - 1} and ${revision}` });
			}
			return c.json(diffSnapshots(before.content, after.content), 200);
		})
		.openapi(draft, async (c) => {
			const { id } = c.req.valid('param');
			const { format, inline } = c.req.valid('query');
			await requireBoardRole(deps, c, id, Action.read);
			const content = await snapshots.draft(id, await meeting.read(id));
			return sendExport(c, (format ?? 'md') as ExportFormat, content, null, !!inline) as never;
		})
		.openapi(readiness, async (c) => {
			const { id } = c.req.valid('param');
			await requireBoardRole(deps, c, id, Action.read);
			const warnings = await snapshots.readiness(id, await meeting.read(id));
			return c.json({ warnings }, 200);
		});
}

/** The published JSON Schema of the JSON export, for anyone (it says nothing about a board). */
export function schemaRoutes() {
	return apiRouter().get('/postmortem.json', (c) =>
		c.json(schemaDocument as Record<string, unknown>, 200, {
			'cache-control': 'public, max-age=3600'
		})
	);
}
