import { sessions } from '@debrief/db';
import { CloseCode } from '@debrief/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.ts';
import type { RunningServer } from '../src/server.ts';
import {
	BACKENDS,
	TEST_PASSWORD,
	api,
	closeCode,
	createBoard,
	openRawSocket,
	startTestServer,
	syncUrl
} from './helpers.ts';

describe.each(BACKENDS)('sockets of ended sessions ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer({ ...env, DEBRIEF_SESSION_SWEEP_MS: '100' });
	});
	afterAll(async () => {
		await server?.close();
	});

	it('closes the sockets of a session that expired while they were open (4401), no others', async () => {
		const board = await createBoard(server);
		const url = (section: string, token: string) => syncUrl(server, board.boardId, section, token);
		const timeline = await openRawSocket(url('timeline', board.token));
		const overview = await openRawSocket(url('overview', board.token));
		const closed = [closeCode(timeline), closeCode(overview)];
		// The same person signed in elsewhere: that session has not ended.
		const signIn = await api(server, '/api/auth/login', {
			body: { email: board.email, password: TEST_PASSWORD }
		});
		const { token: other } = (await signIn.json()) as { token: string };
		const elsewhere = await openRawSocket(url('rca', other));
		let elsewhereClosed = false;
		elsewhere.once('close', () => (elsewhereClosed = true));

		await server.deps.database.db
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(sessions.id, hashToken(board.token)));
		for (const result of await Promise.all(closed)) {
			expect(result).toEqual({
				code: CloseCode.Unauthorized,
				reason: 'your session has ended; sign in again'
			});
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(elsewhereClosed).toBe(false);
		elsewhere.close();
	});
});
