import { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { bodyLimit } from 'hono/body-limit';
import { SESSION_COOKIE } from './auth/cookie.ts';
import { sessionMiddleware } from './auth/http.ts';
import type { ApiEnv } from './auth/http.ts';
import type { AppDeps } from './deps.ts';
import { errorHandler } from './http/errors.ts';
import { MeetingService } from './meeting/meeting-service.ts';
import { isAllowedOrigin } from './http/origin.ts';
import { agendaRoutes } from './routes/agenda.ts';
import { authRoutes } from './routes/auth.ts';
import { boardRoutes } from './routes/boards.ts';
import { healthRoutes } from './routes/health.ts';
import { boardInviteRoutes, inviteRoutes } from './routes/invites.ts';
import { meRoutes } from './routes/me.ts';
import { lockRoutes } from './routes/locks.ts';
import { memberRoutes } from './routes/members.ts';
import { queueRoutes } from './routes/queue.ts';
import { boardFollowUpRoutes, followUpRoutes } from './routes/follow-ups.ts';
import { searchRoutes } from './routes/search.ts';
import { schemaRoutes, snapshotRoutes } from './routes/snapshots.ts';
import { SnapshotService } from './snapshots/snapshot-service.ts';
import { SECURITY } from './routes/schemas.ts';
import { syncRoutes } from './sockets/sync.ts';
import type { WebHandler } from './web.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The whole HTTP surface: API, sync sockets, health, then the web app for everything else. */
export function createApp(deps: AppDeps, web: () => WebHandler | null) {
	const api = new OpenAPIHono<ApiEnv>();
	api.use(async (c, next) => {
		const allowed = isAllowedOrigin(
			c.req.header('origin'),
			c.req.url,
			c.req.header('host'),
			deps.env.publicOrigin
		);
		if (!SAFE_METHODS.has(c.req.method) && !allowed) {
			return c.json({ error: 'cross-origin request refused' }, 403);
		}
		await next();
	});
	// No API body is large; refuse big ones before they are read into memory.
	api.use(
		bodyLimit({
			maxSize: 1024 * 1024,
			// The rest of the body is never read, so this connection cannot carry another request.
			onError: (c) =>
				c.json({ error: 'the request body is over 1 MiB' }, 413, { connection: 'close' })
		})
	);
	// After the Origin check: a refused cross-site request never touches a session.
	api.use(sessionMiddleware(deps));
	api.route('/auth', authRoutes(deps));
	api.route('/me', meRoutes(deps));
	api.route('/boards', boardRoutes(deps));
	api.route('/boards', boardInviteRoutes(deps));
	api.route('/boards', memberRoutes(deps));
	api.route('/invites', inviteRoutes(deps));
	const snapshots = new SnapshotService({
		rooms: deps.rooms,
		db: deps.database.db,
		sockets: deps.sockets,
		log: deps.log
	});
	const meeting = new MeetingService({
		rooms: deps.rooms,
		db: deps.database.db,
		log: deps.log,
		// Close freezes the board: the snapshot is taken in the board's turn (issue #6).
		afterClose: (boardId, state, actor) => snapshots.take(boardId, state, actor)
	});
	api.route('/boards', agendaRoutes(deps, meeting));
	api.route('/boards', lockRoutes(deps, meeting));
	api.route('/boards', queueRoutes(deps, meeting));
	api.route('/boards', snapshotRoutes(deps, meeting, snapshots));
	api.route('/boards', boardFollowUpRoutes(deps));
	api.route('/follow-ups', followUpRoutes(deps));
	api.route('/search', searchRoutes(deps));
	api.route('/schemas', schemaRoutes());
	api.openAPIRegistry.registerComponent('securitySchemes', SECURITY.cookie, {
		type: 'apiKey',
		in: 'cookie',
		name: SESSION_COOKIE,
		description: 'Set by signup, login and invite acceptance (HttpOnly, SameSite=Lax)'
	});
	api.openAPIRegistry.registerComponent('securitySchemes', SECURITY.bearer, {
		type: 'http',
		scheme: 'bearer',
		description: 'The `token` from signup, login or invite acceptance'
	});
	api.doc31('/openapi.json', {
		openapi: '3.1.0',
		info: {
			title: 'Debrief API',
			version: '1.0.0',
			description:
				'Sync sockets: `/sync/<boardId>/<section>` (y-websocket), authenticated by the ' +
				'session cookie or a `token` query parameter; refusals close with 4401/4403/4404.'
		}
	});
	api.notFound((c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));

	const app = new OpenAPIHono<{ Bindings: HttpBindings }>();
	app.onError(errorHandler(deps.log));
	app.route('/', healthRoutes(deps));
	app.route('/api', api);
	app.route('/sync', syncRoutes(deps));
	app.all('*', async (c) => {
		const outgoing = c.env?.outgoing;
		// Upgrade requests come through here with no response object; only /sync takes them.
		if (!outgoing) return c.text('not found', 404);
		const handler = web();
		if (!handler) return c.text('The web app is not built yet: run `pnpm build`.', 404);
		await new Promise<void>((resolve) => {
			outgoing.once('close', resolve);
			outgoing.once('finish', resolve);
			handler(c.env.incoming, outgoing, () => {
				outgoing.statusCode = 404;
				outgoing.end('Not found');
			});
		});
		return RESPONSE_ALREADY_SENT;
	});
	return app;
}

export type AppType = ReturnType<typeof createApp>;
