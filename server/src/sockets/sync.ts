import { upgradeWebSocket } from '@hono/node-server';
import { isSectionId } from '@debrief/doc';
import { CloseCode } from '@debrief/sync';
import type { Peer, Room } from '@debrief/sync';
import { Hono } from 'hono';
import type { RawData, WebSocket } from 'ws';
import { roleCanWrite } from '../auth/access.ts';
import type { AppDeps } from '../deps.ts';
import { isAllowedOrigin } from '../http/origin.ts';
import { sendBinary } from './wire.ts';

/** A socket that is open, by board, so role changes and removals can close it at once. */
interface Connection {
	userId: string;
	/** The session it opened with: signing out or changing the password closes it. */
	sessionId: string;
	peer: Peer;
}

/** A close order for sockets on other instances (through Redis when it is set). */
export type CloseOrder =
	| { kind: 'member'; boardId: string; userId: string; code: number; reason: string }
	| { kind: 'sessions'; sessionIds: string[]; code: number; reason: string };

/** The sync sockets of this process, per board. */
export class SocketRegistry {
	#byBoard = new Map<string, Set<Connection>>();
	/** Tells the other instances to close theirs too; set when there are other instances. */
	relay: ((order: CloseOrder) => void) | null = null;
	/**
	 * When each member (board/user) and session was last closed, on one counter. Access is
	 * resolved before the upgrade and the socket registered after it; a removal or sign-out in
	 * between would find nothing to close, so a socket opening checks these against its mark.
	 */
	#seq = 0;
	#changed = new Map<string, number>();

	/** A point in the change sequence, taken before access is resolved. */
	mark(): number {
		return this.#seq;
	}

	/** Whether the member's access or the session changed after `mark`. */
	changedSince(mark: number, boardId: string, userId: string, sessionId: string): boolean {
		const member = this.#changed.get(`m:${boardId}/${userId}`) ?? 0;
		const session = this.#changed.get(`s:${sessionId}`) ?? 0;
		return Math.max(member, session) > mark;
	}

	add(boardId: string, connection: Connection): void {
		let set = this.#byBoard.get(boardId);
		if (!set) this.#byBoard.set(boardId, (set = new Set()));
		set.add(connection);
	}

	/** Open sockets on one board, in this process. */
	countOf(boardId: string): number {
		return this.#byBoard.get(boardId)?.size ?? 0;
	}

	/** Sessions that sockets of this process were opened with. */
	sessionIds(): string[] {
		const ids = new Set<string>();
		for (const set of this.#byBoard.values()) for (const c of set) ids.add(c.sessionId);
		return [...ids];
	}

	/**
	 * Closes this process's sockets whose session has ended (expired or deleted) since they
	 * opened: a socket is checked once, at its upgrade, and sessions last 30 days, sliding.
	 * Returns how many were closed.
	 */
	async closeEndedSessions(
		live: (ids: string[]) => Promise<Set<string>>,
		batch = 1000
	): Promise<number> {
		const ids = this.sessionIds();
		const ended: string[] = [];
		for (let i = 0; i < ids.length; i += batch) {
			const slice = ids.slice(i, i + batch);
			const alive = await live(slice);
			for (const id of slice) if (!alive.has(id)) ended.push(id);
		}
		if (ended.length === 0) return 0;
		return this.#closeSessionsHere(
			ended,
			CloseCode.Unauthorized,
			'your session has ended; sign in again'
		);
	}

	/** Users with an open socket on the board in this process (attendance at close). */
	usersOn(boardId: string): Set<string> {
		return new Set([...(this.#byBoard.get(boardId) ?? [])].map((c) => c.userId));
	}

	remove(boardId: string, connection: Connection): void {
		const set = this.#byBoard.get(boardId);
		set?.delete(connection);
		if (set?.size === 0) this.#byBoard.delete(boardId);
	}

	/** Closes every socket of one member on one board (removal, role change). */
	closeMember(boardId: string, userId: string, code: number, reason: string): number {
		this.relay?.({ kind: 'member', boardId, userId, code, reason });
		return this.#closeMemberHere(boardId, userId, code, reason);
	}

	/** Carries out a close order from another instance, on this one's sockets only. */
	applyOrder(order: CloseOrder): void {
		if (order.kind === 'member') {
			this.#closeMemberHere(order.boardId, order.userId, order.code, order.reason);
		} else {
			this.#closeSessionsHere(order.sessionIds, order.code, order.reason);
		}
	}

	#closeMemberHere(boardId: string, userId: string, code: number, reason: string): number {
		this.#note(`m:${boardId}/${userId}`);
		return this.#close(this.#byBoard.get(boardId) ?? [], (c) => c.userId === userId, code, reason);
	}

	/** Closes every socket opened with one of these sessions, on any board (sign-out). */
	closeSessions(sessionIds: readonly string[], code: number, reason: string): number {
		this.relay?.({ kind: 'sessions', sessionIds: [...sessionIds], code, reason });
		return this.#closeSessionsHere(sessionIds, code, reason);
	}

	#closeSessionsHere(sessionIds: readonly string[], code: number, reason: string): number {
		const ids = new Set(sessionIds);
		for (const id of ids) this.#note(`s:${id}`);
		let closed = 0;
		for (const set of this.#byBoard.values()) {
			closed += this.#close(set, (c) => ids.has(c.sessionId), code, reason);
		}
		return closed;
	}

	#note(key: string): void {
		this.#changed.set(key, ++this.#seq);
		// Only upgrades in flight (milliseconds) read old entries: keep the last 5000 changes.
		if (this.#changed.size > 10_000) {
			for (const [k, at] of this.#changed) if (at <= this.#seq - 5_000) this.#changed.delete(k);
		}
	}

	#close(
		connections: Iterable<Connection>,
		match: (connection: Connection) => boolean,
		code: number,
		reason: string
	): number {
		let closed = 0;
		// A copy: closing may remove connections from the set while we walk it.
		for (const connection of [...connections]) {
			if (match(connection)) {
				connection.peer.close(code, reason);
				closed += 1;
			}
		}
		return closed;
	}
}

let nextPeer = 0;

type Refusal = { code: number; reason: string };

/**
 * `GET /sync/:boardId/:section`: the y-websocket endpoint. Origin is checked before the upgrade
 * (a cross-site upgrade gets 403 and no socket). Session, board and role problems are answered
 * after the upgrade with a 44xx close code, because a browser cannot read an HTTP status from a
 * failed WebSocket and the stock client stops retrying on 44xx.
 */
export function syncRoutes(deps: AppDeps) {
	const { env, rooms, sockets, log } = deps;
	return new Hono().get('/:boardId/:section', async (c, next) => {
		if (
			!isAllowedOrigin(c.req.header('origin'), c.req.url, c.req.header('host'), env.publicOrigin)
		) {
			return c.json({ error: 'cross-origin socket refused' }, 403);
		}
		const { boardId, section } = c.req.param();
		let refusal: Refusal | null = null;
		let access = null;
		const mark = sockets.mark();
		if (!isSectionId(section)) {
			refusal = { code: CloseCode.NotFound, reason: `unknown section "${section}"` };
		} else {
			const result = await deps.resolveSocketAccess(c, boardId);
			if (result.ok) access = result.access;
			else refusal = { code: result.code, reason: result.reason };
		}
		const handler = upgradeWebSocket(() => {
			let room: Room | null = null;
			let connection: Connection | null = null;
			return {
				onOpen(_event, ws) {
					if (refusal || !access) {
						ws.close(refusal?.code ?? CloseCode.Forbidden, refusal?.reason ?? 'forbidden');
						return;
					}
					const raw = ws.raw as WebSocket;
					const peer: Peer = {
						id: `p${++nextPeer}`,
						canWrite: roleCanWrite(access.role) && section !== 'meta',
						send: (frame) => sendBinary(raw, frame),
						close: (code, reason) => raw.close(code, reason.slice(0, 120)),
						bufferedAmount: () => raw.bufferedAmount
					};
					if (sockets.changedSince(mark, boardId, access.userId, access.sessionId)) {
						// Removed, demoted or signed out while upgrading: reconnect to be checked again.
						ws.close(CloseCode.RoleChanged, 'access changed while connecting');
						return;
					}
					if (sockets.countOf(boardId) >= env.maxSocketsPerBoard) {
						ws.close(CloseCode.RateLimited, 'this board has too many connections right now');
						return;
					}
					connection = { userId: access.userId, sessionId: access.sessionId, peer };
					sockets.add(boardId, connection);
					room = rooms.join({ boardId, section }, peer);
					// Messages are read from ws itself: Hono's onMessage would wrap each one in a
					// MessageEvent around a copy of its bytes, and this is the hot path of a busy room.
					// Binary messages come as one Buffer (ws's default binaryType, never changed here).
					raw.on('message', (data: RawData, isBinary: boolean) => {
						if (!room || !connection) return;
						if (!isBinary) {
							raw.close(CloseCode.BadMessage, 'text frames are not part of the protocol');
							return;
						}
						room.receive(connection.peer, data as Buffer);
					});
					log.debug('socket open', { board: boardId, section, peer: peer.id, role: access.role });
				},
				onClose() {
					if (room && connection) {
						rooms.leave(room, connection.peer);
						sockets.remove(boardId, connection);
					}
					room = null;
				}
			};
		});
		return handler(c, next);
	});
}
