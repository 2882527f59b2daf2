import { createAdaptorServer } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '@debrief/db';
import type { Database } from '@debrief/db';
import { CloseCode } from '@debrief/sync';
import { WebSocketServer } from 'ws';
import { createApp } from './app.ts';
import { resolveSocketAccess } from './auth/socket-access.ts';
import type { AppDeps } from './deps.ts';
import type { Env } from './env.ts';
import { createLogger } from './log.ts';
import type { Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { createRedisFanout } from './rooms/fanout.ts';
import type { Fanout } from './rooms/fanout.ts';
import { RoomManager } from './rooms/room-manager.ts';
import { SocketRegistry } from './sockets/sync.ts';
import type { CloseOrder } from './sockets/sync.ts';
import { createDocStorage, liveSessionIds } from './store/index.ts';
import { loadWebHandler } from './web.ts';
import type { WebHandler } from './web.ts';

export interface RunningServer {
	port: number;
	url: string;
	deps: AppDeps;
	/** Flushes every room, closes sockets with `code` (1012 on SIGTERM), the listener and the DB. */
	close(code?: number): Promise<void>;
}

/** For tests: share one database between instances, or put a lossy wire between them. */
export interface StartOptions {
	database?: Database;
	wrapFanout?: (fanout: Fanout) => Fanout;
}

/** Opens the database (migrating it), wires the app and listens. Used by index.ts and tests. */
export async function startServer(
	env: Env,
	log: Logger = createLogger(env.logLevel),
	options: StartOptions = {}
): Promise<RunningServer> {
	const ownsDatabase = !options.database;
	const database =
		options.database ??
		(await openDatabase({ url: env.databaseUrl ?? undefined, dataDir: env.dataDir }));
	const metrics = new Metrics();
	const storage = createDocStorage(database);
	const redis = env.redisUrl ? await createRedisFanout(env.redisUrl, log) : undefined;
	const fanout = redis && options.wrapFanout ? options.wrapFanout(redis) : redis;
	const sockets = new SocketRegistry();
	if (fanout) {
		sockets.relay = (order) => fanout.publishControl(order);
		fanout.onControl((order) => sockets.applyOrder(order as CloseOrder));
	}
	const rooms = new RoomManager({
		fanout,
		healMs: env.healMs,
		coalesce: env.fanoutTick,
		maxMessagesPerSecond: env.maxMessagesPerSecond,
		maxDocBytes: env.maxDocBytes,
		maxPendingUpdates: env.maxPendingUpdates,
		unhealthyLagMs: env.unhealthyLagMs,
		storage,
		log,
		metrics,
		batchMs: env.persistBatchMs,
		compactAfter: env.compactAfter,
		idleMs: env.roomIdleMs,
		maxBufferedBytes: env.maxBufferedBytes
	});
	let ready = false;
	const deps: AppDeps = {
		env,
		database,
		storage,
		rooms,
		sockets,
		log,
		metrics,
		resolveSocketAccess: (c, boardId) => resolveSocketAccess(deps, c, boardId),
		// Not ready while storage is failing: a load balancer sends new people elsewhere.
		isReady: () => ready && rooms.persistenceHealthy
	};
	let web: WebHandler | null = null;
	const app = createApp(deps, () => web);
	const wss = new WebSocketServer({ noServer: true, maxPayload: env.maxMessageBytes });
	const server = createAdaptorServer({ fetch: app.fetch, websocket: { server: wss } });
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(env.port, resolve);
	});
	const port = (server.address() as AddressInfo).port;
	const url = env.publicOrigin ?? `http://localhost:${port}`;
	web = await loadWebHandler(url);
	if (!web) log.warn('web app not built; serving the API and sockets only (run `pnpm build`)');
	ready = true;
	log.info('listening', {
		url,
		port,
		database: database.kind,
		redis: fanout ? `instance ${fanout.instanceId}` : 'off',
		dataDir: database.kind === 'pglite' ? env.dataDir : undefined
	});

	// Sockets are checked at their upgrade only; once a minute, close those whose session ended.
	const sweep = setInterval(() => {
		sockets
			.closeEndedSessions((ids) => liveSessionIds(database.db, ids, new Date()))
			.then((closed) => closed > 0 && log.info('closed sockets of ended sessions', { closed }))
			.catch((error: unknown) => log.warn('could not check socket sessions', { error }));
	}, env.sessionSweepMs);
	sweep.unref();

	let closing: Promise<void> | null = null;
	const close = (code: number = CloseCode.ServiceRestart) =>
		(closing ??= (async () => {
			ready = false;
			clearInterval(sweep);
			await rooms.closeAll(
				code,
				code === CloseCode.ServiceRestart ? 'server restarting' : 'server closing'
			);
			for (const client of wss.clients) client.terminate();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				(server as { closeAllConnections?: () => void }).closeAllConnections?.();
			});
			await fanout?.close();
			if (ownsDatabase) await database.close();
			log.info('stopped');
		})());
	return { port, url, deps, close };
}
