import * as Y from 'yjs';
import type { RunningServer } from '../src/server.ts';
import { api, eventually, syncUrl } from './helpers.ts';
import type { Account, TestBoard } from './helpers.ts';
import { RawClient } from './meeting-client.ts';

/** True when `server` holds everything `client` wrote (its state vector covers the client's). */
function covers(server: Y.Doc, client: Y.Doc): boolean {
	const have = Y.decodeStateVector(Y.encodeStateVector(server));
	for (const [id, clock] of Y.decodeStateVector(Y.encodeStateVector(client))) {
		if ((have.get(id) ?? 0) < clock) return false;
	}
	return true;
}

/**
 * Writes to a section as `as`, through a real socket and the y-websocket protocol, and waits
 * until the server's room holds the write. Throws if the server refused it.
 */
export async function editSection(
	server: RunningServer,
	board: TestBoard,
	section: string,
	write: (doc: Y.Doc) => unknown,
	as: Account = board
): Promise<void> {
	const client = await RawClient.connect(syncUrl(server, board.boardId, section, as.token));
	try {
		client.write((doc) => {
			write(doc);
		});
		const room = server.deps.rooms.room({ boardId: board.boardId, section });
		await eventually(
			() => client.refusals.length > 0 || covers(room.doc, client.doc),
			5000,
			`the ${section} write to arrive`
		);
		if (client.refusals.length > 0) throw new Error(`refused: ${client.refusals.join(', ')}`);
	} finally {
		client.close();
	}
}

/** Closes the meeting as `as`; returns the HTTP status and body. */
export async function closeBoard(server: RunningServer, board: TestBoard, as: Account = board) {
	const res = await api(server, `/api/boards/${board.boardId}/close`, { as, body: {} });
	return { status: res.status, body: (await res.json()) as { revision?: number; error?: string } };
}

export async function reopenBoard(server: RunningServer, board: TestBoard, as: Account = board) {
	const res = await api(server, `/api/boards/${board.boardId}/reopen`, { as, body: {} });
	if (res.status !== 200) throw new Error(`reopen: ${res.status} ${await res.text()}`);
}

/** GETs a path as `as` and returns status, headers and the body as bytes. */
export async function fetchBytes(server: RunningServer, path: string, as: Account | null) {
	const res = await api(server, path, { as });
	return {
		status: res.status,
		headers: res.headers,
		bytes: new Uint8Array(await res.arrayBuffer())
	};
}

export async function getJson<T>(server: RunningServer, path: string, as: Account | null) {
	const res = await api(server, path, { as });
	return { status: res.status, body: (await res.json()) as T };
}
