import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { and, eq } from 'drizzle-orm';
import { snapshots } from '@debrief/db';
import {
	EDITABLE_SECTIONS,
	addAction,
	addFactor,
	addRcaNode,
	addTimelineEntry,
	readActions,
	readTimeline,
	removeFactor,
	setOverviewText,
	updateTimelineEntry
} from '@debrief/doc';
import {
	EXPORT_FORMATS,
	contentDigest,
	type SnapshotContent,
	type SnapshotDiff
} from '@debrief/export';
import { RefusalReason, formatRefusal } from '@debrief/sync';
import type { RunningServer } from '../src/server.ts';
import {
	BACKENDS,
	api,
	createBoard,
	eventually,
	joinAsGuest,
	startTestServer,
	syncUrl
} from './helpers.ts';
import type { TestBoard } from './helpers.ts';
import { RawClient } from './meeting-client.ts';
import { closeBoard, editSection, fetchBytes, getJson, reopenBoard } from './snapshot-client.ts';

const at = (minute: number) => `2026-03-02T14:${String(minute).padStart(2, '0')}:00Z`;

/** A board with something in every section, written through sockets as people would. */
async function fillBoard(server: RunningServer, board: TestBoard): Promise<void> {
	await editSection(server, board, 'overview', (doc) =>
		setOverviewText(doc, 'summary', 'Checkout failed for a third of requests.')
	);
	await editSection(server, board, 'timeline', (doc) => {
		addTimelineEntry(doc, {
			id: 'ev1',
			at: at(2),
			kind: 'alert',
			text: 'Error rate alert',
			author: 'Ada'
		});
		addTimelineEntry(doc, {
			id: 'ev2',
			at: at(20),
			kind: 'mitigation',
			text: 'Pool raised',
			author: 'Ada'
		});
		addTimelineEntry(doc, {
			id: 'ev3',
			at: at(41),
			kind: 'resolution',
			text: 'Back to normal',
			author: 'Ada'
		});
	});
	await editSection(server, board, 'rca', (doc) =>
		addRcaNode(doc, { id: 'n1', parentId: '', text: 'Connection pool exhausted', kind: 'cause' })
	);
	await editSection(server, board, 'factors', (doc) =>
		addFactor(doc, { id: 'f1', text: 'No load test', category: 'testing', author: 'Ada' })
	);
	await editSection(server, board, 'actions', (doc) =>
		addAction(doc, {
			id: 'a1',
			title: 'Size the pool from peak traffic',
			owner: 'Grace',
			due: '2026-03-16',
			addresses: ['n1'],
			author: 'Ada'
		})
	);
	await editSection(server, board, 'discussion', (doc) =>
		doc.getText('notes').insert(0, 'Revisit in the capacity review.')
	);
}

describe.each(BACKENDS)('close, snapshot and export ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer(env);
	});
	afterAll(async () => {
		await server?.close();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('stores revision 1 at close: every section as JSON and as Yjs state, agenda, attendance, who, when, and a digest that verifies', async () => {
		const board = await createBoard(server);
		const guest = await joinAsGuest(server, board, 'participant', 'Grace');
		await fillBoard(server, board);
		const watching = await RawClient.connect(
			syncUrl(server, board.boardId, 'timeline', guest.token)
		);

		const closed = await closeBoard(server, board);
		expect(closed).toMatchObject({ status: 200, body: { revision: 1 } });
		watching.close();

		const list = await getJson<{
			snapshots: Array<{ revision: number; closedBy: unknown; digest: string }>;
		}>(server, `/api/boards/${board.boardId}/snapshots`, guest);
		expect(list.body.snapshots).toHaveLength(1);
		expect(list.body.snapshots[0]).toMatchObject({
			revision: 1,
			closedBy: { userId: board.userId, name: board.name }
		});

		const one = await getJson<{ verified: boolean; digest: string; content: SnapshotContent }>(
			server,
			`/api/boards/${board.boardId}/snapshots/1`,
			guest
		);
		expect(one.status).toBe(200);
		expect(one.body.verified).toBe(true);
		expect(await contentDigest(one.body.content)).toBe(one.body.digest);
		const content = one.body.content;
		expect(content.timeline.map((e) => e.id)).toEqual(['ev1', 'ev2', 'ev3']);
		expect(content.actions.map((a) => a.title)).toEqual(['Size the pool from peak traffic']);
		expect(content.discussion.notes).toBe('Revisit in the capacity review.');
		expect(content.agenda.length).toBeGreaterThan(3);
		expect(content.attendance).toEqual(
			expect.arrayContaining([
				{ userId: board.userId, name: board.name, role: 'facilitator', present: false },
				{ userId: guest.userId, name: 'Grace', role: 'participant', present: true }
			])
		);

		// The Yjs states reopen exactly what the content says.
		const [row] = await server.deps.database.db
			.select({ states: snapshots.states })
			.from(snapshots)
			.where(and(eq(snapshots.boardId, board.boardId), eq(snapshots.revision, 1)));
		expect(Object.keys(row!.states).sort()).toEqual([...EDITABLE_SECTIONS].sort());
		const timeline = new Y.Doc();
		Y.applyUpdate(timeline, Buffer.from(row!.states.timeline!, 'base64'));
		expect(readTimeline(timeline)).toEqual(content.timeline);
		const actions = new Y.Doc();
		Y.applyUpdate(actions, Buffer.from(row!.states.actions!, 'base64'));
		expect(readActions(actions)).toEqual(content.actions);
	});

	it('refuses every write to every section after close, on the socket and through the API', async () => {
		const board = await createBoard(server);
		const guest = await joinAsGuest(server, board, 'participant', 'Pat');
		await fillBoard(server, board);
		expect((await closeBoard(server, board)).status).toBe(200);

		for (const section of EDITABLE_SECTIONS) {
			for (const who of [board, guest]) {
				const client = await RawClient.connect(syncUrl(server, board.boardId, section, who.token));
				client.write((doc) => doc.getText('probe').insert(0, 'after close'));
				await eventually(() => client.refusals.length > 0, 5000, `refusal on ${section}`);
				expect(client.refusals[0]).toBe(formatRefusal(RefusalReason.Locked, section));
				client.close();
			}
			const room = server.deps.rooms.room({ boardId: board.boardId, section });
			expect(room.doc.getText('probe').toString()).toBe('');
		}

		const pull = await api(server, `/api/boards/${board.boardId}/pull-follow-ups`, {
			as: board,
			body: {}
		});
		expect(pull.status).toBe(409);
		const unlock = await api(server, `/api/boards/${board.boardId}/locks/timeline`, {
			method: 'PUT',
			as: board,
			body: { locked: false }
		});
		expect(unlock.status).toBe(409);
		const next = await api(server, `/api/boards/${board.boardId}/agenda`, {
			as: board,
			body: { action: 'next' }
		});
		expect(next.status).toBe(409);
		expect((await closeBoard(server, board)).status).toBe(409);

		// And the snapshot is still what was frozen.
		const again = await getJson<{ verified: boolean }>(
			server,
			`/api/boards/${board.boardId}/snapshots/1`,
			board
		);
		expect(again.body.verified).toBe(true);
	});

	it('exports the same snapshot byte-identical a day later, in every format, with types, names and the digest', async () => {
		const board = await createBoard(server, 'Checkout outage');
		await fillBoard(server, board);
		expect((await closeBoard(server, board)).status).toBe(200);
		const path = (f: string) => `/api/boards/${board.boardId}/snapshots/1?format=${f}`;
		const { body } = await getJson<{ digest: string }>(
			server,
			`/api/boards/${board.boardId}/snapshots/1`,
			board
		);

		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date(Date.now()));
		const first = await Promise.all(EXPORT_FORMATS.map((f) => fetchBytes(server, path(f), board)));
		vi.setSystemTime(new Date(Date.now() + 24 * 60 * 60 * 1000));
		const later = await Promise.all(EXPORT_FORMATS.map((f) => fetchBytes(server, path(f), board)));
		vi.useRealTimers();

		EXPORT_FORMATS.forEach((format, i) => {
			const a = first[i]!;
			const b = later[i]!;
			expect(a.status, format).toBe(200);
			expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes)), `${format} bytes`).toBe(true);
			expect(a.headers.get('x-debrief-content-digest')).toBe(`sha-256=${body.digest}`);
			expect(a.headers.get('content-disposition')).toBe(
				`attachment; filename="postmortem-checkout-outage-r1${format === 'csv' ? '-actions' : ''}.${format}"`
			);
		});
		const types = first.map((r) => r.headers.get('content-type'));
		expect(types).toEqual([
			'text/markdown; charset=utf-8',
			'text/html; charset=utf-8',
			'application/json; charset=utf-8',
			'text/csv; charset=utf-8'
		]);
		const md = Buffer.from(first[0]!.bytes).toString('utf8');
		expect(md).toContain('# Checkout outage');
		expect(md).toContain(`SHA-256 of the content: \`${body.digest}\``);
		const inline = await fetchBytes(server, `${path('html')}&inline=1`, board);
		expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);
	});

	it('reopen then close makes revision 2, whose diff shows exactly the changes made in between', async () => {
		const board = await createBoard(server);
		await fillBoard(server, board);
		expect((await closeBoard(server, board)).body.revision).toBe(1);
		await reopenBoard(server, board);
		await editSection(server, board, 'timeline', (doc) =>
			updateTimelineEntry(doc, 'ev2', { text: 'Pool raised from 20 to 60' })
		);
		await editSection(server, board, 'actions', (doc) =>
			addAction(doc, { id: 'a2', title: 'Load test before campaigns', author: 'Ada' })
		);
		await editSection(server, board, 'factors', (doc) => removeFactor(doc, 'f1'));
		expect((await closeBoard(server, board)).body.revision).toBe(2);

		const list = await getJson<{ snapshots: Array<{ revision: number }> }>(
			server,
			`/api/boards/${board.boardId}/snapshots`,
			board
		);
		expect(list.body.snapshots.map((s) => s.revision)).toEqual([2, 1]);
		const diff = await getJson<SnapshotDiff>(
			server,
			`/api/boards/${board.boardId}/snapshots/2/diff`,
			board
		);
		expect(diff.status).toBe(200);
		expect(diff.body.count).toBe(3);
		expect(
			diff.body.sections.flatMap((s) =>
				s.changes.map((c) => ({ section: s.section, kind: c.kind, id: c.id, fields: c.fields }))
			)
		).toEqual([
			{
				section: 'timeline',
				kind: 'changed',
				id: 'ev2',
				fields: [{ field: 'text', before: 'Pool raised', after: 'Pool raised from 20 to 60' }]
			},
			{ section: 'factors', kind: 'removed', id: 'f1', fields: [] },
			{ section: 'actions', kind: 'added', id: 'a2', fields: [] }
		]);
		const first = await getJson(server, `/api/boards/${board.boardId}/snapshots/1/diff`, board);
		expect(first.status).toBe(404);
	});

	it('lets members read snapshots and nobody else: 401 signed out, 403 not a member, 404 no such revision', async () => {
		const board = await createBoard(server);
		const stranger = await createBoard(server, 'Another board');
		expect((await closeBoard(server, board)).status).toBe(200);
		const path = `/api/boards/${board.boardId}/snapshots/1?format=md`;
		expect((await fetchBytes(server, path, null)).status).toBe(401);
		expect((await fetchBytes(server, path, stranger)).status).toBe(403);
		expect(
			(await fetchBytes(server, `/api/boards/${board.boardId}/snapshots/7`, board)).status
		).toBe(404);
		const bad = await getJson<{ error: string }>(
			server,
			`/api/boards/${board.boardId}/snapshots/1?format=pdf`,
			board
		);
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatch(/^format:/);
	});
});
