import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import type { RunningServer } from '../src/server.ts';
import { api, createBoard, joinAsGuest, signUp } from './helpers.ts';
import type { Account, TestBoard } from './helpers.ts';

/** Everyone the access matrix asks: members of each role, and people who are not members. */
export const WHO = [
	'anonymous',
	'outsider',
	'removed',
	'observer',
	'participant',
	'cofacilitator',
	'facilitator'
] as const;
export type Who = (typeof WHO)[number];

/** A board with one person of each kind; `anonymous` has no session at all. */
export interface RoleFixture {
	board: TestBoard;
	people: Record<Who, Account | null>;
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
	if (response.status !== status) {
		throw new Error(`${what}: ${response.status} ${await response.text()}`);
	}
}

/**
 * Signs up a facilitator, lets guests join as the other roles, promotes one to cofacilitator
 * and removes another; the outsider is the facilitator of a second board.
 */
export async function boardWithEveryRole(server: RunningServer): Promise<RoleFixture> {
	const board = await createBoard(server, 'Matrix');
	const [cofacilitator, participant, observer, removed, other] = await Promise.all([
		joinAsGuest(server, board, 'participant', 'Cofa'),
		joinAsGuest(server, board, 'participant', 'Pat'),
		joinAsGuest(server, board, 'observer', 'Obe'),
		joinAsGuest(server, board, 'participant', 'Rem'),
		signUp(server, 'Otto')
	]);
	await createBoard(server, 'Another board', other);
	const members = `/api/boards/${board.boardId}/members`;
	await expectStatus(
		await api(server, `${members}/${cofacilitator.userId}`, {
			method: 'PATCH',
			as: board,
			body: { role: 'cofacilitator' }
		}),
		200,
		'promote'
	);
	await expectStatus(
		await api(server, `${members}/${removed.userId}`, { method: 'DELETE', as: board }),
		204,
		'remove'
	);
	return {
		board,
		people: {
			anonymous: null,
			outsider: other,
			removed,
			observer,
			participant,
			cofacilitator,
			facilitator: board
		}
	};
}

/** Resolves with the text of the next permission-denied message the provider receives. */
export function nextRefusal(provider: WebsocketProvider, timeoutMs = 5000): Promise<string> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no permission-denied message')), timeoutMs);
		provider.messageHandlers[2] = (_encoder, decoder) => {
			clearTimeout(timer);
			decoding.readVarUint(decoder); // 0: permission denied
			resolve(decoding.readVarString(decoder));
		};
	});
}

/**
 * Opens a raw socket and resolves once the server has spoken on it: it has joined the room by
 * then, so closing it from the server side (removal, sign-out) can find it. The listener is set
 * before the socket opens: the first frame can arrive in the same chunk as the handshake.
 */
export function openJoinedSocket(
	url: string,
	headers: Record<string, string> = {}
): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers });
		ws.binaryType = 'arraybuffer';
		ws.once('message', () => resolve(ws));
		ws.once('error', reject);
		ws.once('close', (code) => reject(new Error(`closed with ${code} before joining`)));
	});
}
