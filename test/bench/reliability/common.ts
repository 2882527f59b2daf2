import { signUpBench } from '../api.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';

// Each stock provider adds a process 'exit' listener; a bench holds hundreds.
process.setMaxListeners(0);
import * as Y from 'yjs';

/** Signs up a facilitator and makes a board on a running server; returns what sockets need. */
export async function boardOn(
	url: string,
	title: string
): Promise<{ boardId: string; token: string }> {
	const { token } = await signUpBench(url);
	const board = await fetch(`${url}/api/boards`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
		body: JSON.stringify({ title })
	});
	if (!board.ok) throw new Error(`board: ${board.status} ${await board.text()}`);
	return { boardId: ((await board.json()) as { id: string }).id, token };
}

/** The stock y-websocket client, as integrations and our web app use it. */
export function provider(
	url: string,
	boardId: string,
	section: string,
	token: string,
	doc = new Y.Doc()
) {
	return new WebsocketProvider(`${url.replace(/^http/, 'ws')}/sync/${boardId}`, section, doc, {
		WebSocketPolyfill: WebSocket as never,
		params: { token },
		maxBackoffTime: 1000,
		// No BroadcastChannel: clients in one process must meet only through the server.
		disableBc: true
	});
}

/**
 * Closes a provider and its document. The provider's awareness keeps an interval running until
 * its document is destroyed, so destroying the provider alone leaves the bench process alive.
 */
export function closeProvider(p: WebsocketProvider): void {
	p.destroy();
	p.doc.destroy();
}

export function whenSynced(p: WebsocketProvider, timeoutMs = 30_000): Promise<void> {
	if (p.synced) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no sync')), timeoutMs);
		p.once('sync', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `results/<name>.json` and `.md` beside the other bench reports. */
export function writeReport(name: string, json: unknown, markdown: string): void {
	const dir = fileURLToPath(new URL('../results/', import.meta.url));
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, `${name}.json`), JSON.stringify(json, null, 2) + '\n');
	writeFileSync(join(dir, `${name}.md`), markdown);
	console.log(markdown);
}
