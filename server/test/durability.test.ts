import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startChildServer } from './child-server.ts';
import type { ChildServer } from './child-server.ts';
import { connectProvider, createBoard, eventually, synced } from './helpers.ts';

const dirs: string[] = [];
const children: ChildServer[] = [];
afterAll(() => {
	for (const child of children) child.process.kill('SIGKILL');
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'debrief-durability-'));
	dirs.push(dir);
	return dir;
}

const backends = [
	{ name: 'pglite', env: () => ({ DEBRIEF_DATA_DIR: tempDir() }) },
	...(process.env.DATABASE_URL
		? [{ name: 'postgres', env: () => ({ DATABASE_URL: process.env.DATABASE_URL ?? '' }) }]
		: [])
];

describe.each(backends)('durability ($name)', ({ env: makeEnv }) => {
	it('keeps every edit accepted a second before the server is killed with SIGKILL', async () => {
		const env = makeEnv();
		const first = await startChildServer(env);
		children.push(first);
		// Signs up on this server: the account and its session must outlive the restart too.
		const { boardId, token } = await createBoard(first.url, 'Durability drill');

		const writer = connectProvider(first.url, boardId, 'timeline', { token });
		await synced(writer);
		const entries = writer.doc.getMap<string>('entries');
		for (let i = 0; i < 50; i++) entries.set(`e${i}`, `event ${i}`);
		writer.doc.getText('notes').insert(0, 'the cache stampede began at 14:02');
		await new Promise((resolve) => setTimeout(resolve, 1000));
		// The writer goes away first, so nothing can come back from its memory: what the
		// restarted server has, it had on disk.
		writer.destroy();
		first.process.kill('SIGKILL');
		expect(await first.exited).toBe('SIGKILL');

		const second = await startChildServer(env);
		children.push(second);
		const reader = connectProvider(second.url, boardId, 'timeline', { doc: new Y.Doc(), token });
		await synced(reader);
		await eventually(() => reader.doc.getMap('entries').size === 50, 10_000, 'all 50 entries');
		expect(reader.doc.getMap('entries').get('e49')).toBe('event 49');
		expect(reader.doc.getText('notes').toString()).toBe('the cache stampede began at 14:02');
		reader.destroy();
		second.process.kill('SIGTERM');
		expect(await second.exited).toBe(0);
	});
});
