import type { Database } from '@debrief/db';
import type { DocStorage } from '@debrief/sync';
import type { Context } from 'hono';
import type { Access } from './auth/access.ts';
import type { Env } from './env.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { RoomManager } from './rooms/room-manager.ts';
import type { SocketRegistry } from './sockets/sync.ts';

/** The answer to "may this socket open this board?": access, or a 44xx close code and why. */
export type SocketAccess =
	{ ok: true; access: Access } | { ok: false; code: number; reason: string };

/** Everything the routes and sockets use, wired once in server.ts. */
export interface AppDeps {
	env: Env;
	database: Database;
	storage: DocStorage;
	rooms: RoomManager;
	sockets: SocketRegistry;
	log: Logger;
	metrics: Metrics;
	/** Resolves the session (cookie or `token` query parameter) and the role on a board. */
	resolveSocketAccess(c: Context, boardId: string): Promise<SocketAccess>;
	/** True once the database answered at start and the server takes traffic. */
	isReady(): boolean;
}
