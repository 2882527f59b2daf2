import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMessage } from '@debrief/sync';
import * as Y from 'yjs';
import type { RunningServer } from '../src/server.ts';
import {
	closeCode,
	connectProvider,
	createBoard,
	eventually,
	openRawSocket,
	startTestServer,
	synced,
	syncUrl
} from './helpers.ts';
import type { TestBoard } from './helpers.ts';

/** mulberry32: the same seed gives the same run, so a failure can be replayed. */
function prng(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SEED = Number(process.env.FUZZ_SEED ?? 20261121);

function randomValue(random: () => number, depth = 0): unknown {
	const roll = random();
	if (depth > 3 || roll < 0.3) {
		const leaves = [
			null,
			true,
			false,
			0,
			-1,
			1e308,
			'x',
			'',
			'SEV1',
			'observer',
			'timeline',
			'a'.repeat(5000),
			'<script>',
			'2026-11-21T10:00:00Z',
			[],
			{}
		];
		return leaves[Math.floor(random() * leaves.length)];
	}
	if (roll < 0.6)
		return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
	const keys = [
		'title',
		'email',
		'password',
		'name',
		'role',
		'action',
		'locked',
		'stage',
		'minutes',
		'severity',
		'status',
		'token',
		'current',
		'next',
		'expiresInHours',
		'__proto__'
	];
	const value: Record<string, unknown> = {};
	for (let i = 0; i < Math.floor(random() * 5); i++) {
		value[keys[Math.floor(random() * keys.length)]!] = randomValue(random, depth + 1);
	}
	return value;
}

describe('fuzz', () => {
	let server: RunningServer;
	let board: TestBoard;
	beforeAll(async () => {
		server = await startTestServer({ DEBRIEF_DATA_DIR: 'memory://' });
		board = await createBoard(server);
	});
	afterAll(async () => {
		await server?.close();
	});

	it('answers random and malformed input on every API route with a 4xx, never a 5xx', async () => {
		const random = prng(SEED);
		const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
			paths: Record<string, Record<string, unknown>>;
		};
		const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
			Object.keys(methods).map((method) => ({ path, method: method.toUpperCase() }))
		);
		expect(routes.length).toBeGreaterThan(10);
		const bodies = [
			() => JSON.stringify(randomValue(random)),
			() => '{"title": ',
			() => '['.repeat(5000) + ']'.repeat(5000),
			() => '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
			() => String.fromCharCode(...Array.from({ length: 64 }, () => Math.floor(random() * 256))),
			() => JSON.stringify({ title: 'x'.repeat(3 * 1024 * 1024) })
		];
		const failures: string[] = [];
		for (let round = 0; round < 6; round++) {
			for (const route of routes) {
				const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
					if (name === 'id' && random() < 0.7) return board.boardId;
					if (name === 'section' && random() < 0.5) return 'timeline';
					return encodeURIComponent(
						['nope', '0', '../etc', 'a'.repeat(300), '%00'][Math.floor(random() * 5)]!
					);
				});
				const body =
					route.method === 'GET' ? undefined : bodies[Math.floor(random() * bodies.length)]!();
				const response = await fetch(`${server.url}/api${path}`, {
					method: route.method,
					headers: {
						'content-type': 'application/json',
						...(random() < 0.8 ? { authorization: `Bearer ${board.token}` } : {})
					},
					body
				}).catch((error: unknown) => {
					// A body over the limit is answered 413 before it is read; the server may close
					// the connection while the client is still sending. Only then is this allowed.
					if ((body?.length ?? 0) > 1024 * 1024) return null;
					throw error;
				});
				if (!response) continue;
				if (response.status >= 500) failures.push(`${route.method} ${path} -> ${response.status}`);
			}
		}
		expect(failures).toEqual([]);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	it('survives random and mutated sync frames without corrupting the document', async () => {
		const random = prng(SEED + 1);
		// A board of its own: the API fuzz above may have signed the first owner out or changed
		// their password (that depends on the seed and on how many routes there are).
		const board = await createBoard(server);
		const good = connectProvider(server, board.boardId, 'timeline', { token: board.token });
		await synced(good);
		good.doc.getText('t').insert(0, 'the true record');
		const source = new Y.Doc();
		source.getText('t').insert(0, 'some content to mutate');
		source.getMap('m').set('k', 'v');
		const valid = encodeMessage({ type: 'update', update: Y.encodeStateAsUpdate(source) });
		const codes = new Set<number>();
		for (let i = 0; i < 40; i++) {
			const frame =
				random() < 0.5
					? Uint8Array.from({ length: 1 + Math.floor(random() * 80) }, () =>
							Math.floor(random() * 256)
						)
					: valid.map((byte) => (random() < 0.1 ? Math.floor(random() * 256) : byte));
			const ws = await openRawSocket(syncUrl(server, board.boardId, 'timeline', board.token));
			const closed = closeCode(ws, 5000).catch(() => null);
			ws.send(frame);
			// A frame may be valid by chance: then the socket stays; close it ourselves.
			const result = await Promise.race([
				closed,
				new Promise((r) => setTimeout(() => r(null), 300))
			]);
			if (result && typeof result === 'object' && 'code' in result)
				codes.add(result.code as number);
			ws.close();
		}
		expect([...codes].every((code) => code === 4400 || code === 1009 || code === 1005)).toBe(true);
		expect(codes.has(4400)).toBe(true);
		// The honest client is still connected and its document intact.
		good.doc.getText('t').insert(0, 'still: ');
		const check = connectProvider(server, board.boardId, 'timeline', { token: board.token });
		await synced(check, 20_000);
		await eventually(() => check.doc.getText('t').toString().startsWith('still: the true record'));
		expect(good.wsconnected).toBe(true);
		good.destroy();
		check.destroy();
	});
});

describe('request size', () => {
	it('refuses an API body over 1 MiB with 413 before reading it all', async () => {
		const server = await startTestServer({ DEBRIEF_DATA_DIR: 'memory://' });
		try {
			const response = await fetch(`${server.url}/api/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) })
			});
			expect(response.status).toBe(413);
			expect(((await response.json()) as { error: string }).error).toContain('1 MiB');
		} finally {
			await server.close();
		}
	});
});
