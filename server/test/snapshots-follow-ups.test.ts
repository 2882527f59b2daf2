import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addAction,
	addFactor,
	addRcaNode,
	addService,
	addTimelineEntry,
	readDiscussion,
	setOverviewText,
	updateAction
} from '@debrief/doc';
import type { RunningServer } from '../src/server.ts';
import { BACKENDS, api, createBoard, joinAsGuest, signUp, startTestServer } from './helpers.ts';
import type { Account, TestBoard } from './helpers.ts';
import { closeBoard, editSection, fetchBytes, getJson, reopenBoard } from './snapshot-client.ts';

interface FollowUpView {
	id: string;
	boardId: string;
	title: string;
	owner: string;
	due: string;
	status: string;
	overdue: boolean;
	canEdit: boolean;
}

const followUpsOf = async (server: RunningServer, as: Account, today = '2026-03-10') =>
	(await getJson<{ followUps: FollowUpView[] }>(server, `/api/follow-ups?today=${today}`, as)).body
		.followUps;

describe.each(BACKENDS)('follow-ups, drafts, readiness and search ($name)', ({ env }) => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startTestServer(env);
	});
	afterAll(async () => {
		await server?.close();
	});

	/** A board whose row names `service` (the shared helper always says checkout). */
	async function boardOn(owner: Account, title: string, service: string): Promise<TestBoard> {
		const res = await api(server, '/api/boards', { as: owner, body: { title, service } });
		expect(res.status).toBe(201);
		return { ...owner, boardId: ((await res.json()) as { id: string }).id };
	}

	async function closedBoardWithActions(owner: Account, title: string, service: string) {
		const board = await boardOn(owner, title, service);
		await editSection(server, board, 'actions', (doc) => {
			addAction(doc, {
				id: 'late',
				title: 'Shorten the alert window',
				owner: 'Grace',
				due: '2026-03-01',
				author: 'A'
			});
			addAction(doc, {
				id: 'soon',
				title: 'Size the pool',
				owner: 'Ada',
				due: '2026-03-20',
				author: 'A'
			});
			addAction(doc, { id: 'done', title: 'Write the runbook', status: 'done', author: 'A' });
		});
		expect((await closeBoard(server, board)).status).toBe(200);
		return board;
	}

	it('tracks the action items of a closed board, overdue first, and lets a participant change one without touching the snapshot', async () => {
		const owner = await signUp(server, 'Ada');
		const board = await closedBoardWithActions(owner, 'Pool outage', 'checkout');
		const guest = await joinAsGuest(server, board, 'participant', 'Grace');
		const observer = await joinAsGuest(server, board, 'observer', 'Obe');

		const items = await followUpsOf(server, guest);
		expect(items.map((f) => [f.title, f.overdue])).toEqual([
			['Shorten the alert window', true],
			['Size the pool', false],
			['Write the runbook', false]
		]);
		expect(items.every((f) => f.canEdit)).toBe(true);
		const before = await fetchBytes(
			server,
			`/api/boards/${board.boardId}/snapshots/1?format=json`,
			guest
		);

		const late = items[0]!;
		const changed = await api(server, `/api/follow-ups/${late.id}`, {
			method: 'PATCH',
			as: guest,
			body: { status: 'in-progress', owner: 'Linus', due: '2026-03-12' }
		});
		expect(changed.status).toBe(200);
		expect(await changed.json()).toMatchObject({
			status: 'in-progress',
			owner: 'Linus',
			due: '2026-03-12'
		});
		// Due in two days now: no longer overdue.
		expect((await followUpsOf(server, guest))[0]).toMatchObject({ id: late.id, overdue: false });

		const after = await fetchBytes(
			server,
			`/api/boards/${board.boardId}/snapshots/1?format=json`,
			guest
		);
		expect(Buffer.from(after.bytes).equals(Buffer.from(before.bytes))).toBe(true);

		const refused = await api(server, `/api/follow-ups/${late.id}`, {
			method: 'PATCH',
			as: observer,
			body: { status: 'done' }
		});
		expect(refused.status).toBe(403);
		expect((await followUpsOf(server, observer)).every((f) => !f.canEdit)).toBe(true);
		const stranger = await signUp(server, 'Stranger');
		expect(await followUpsOf(server, stranger)).toEqual([]);
		const hidden = await api(server, `/api/follow-ups/${late.id}`, {
			method: 'PATCH',
			as: stranger,
			body: { status: 'done' }
		});
		expect(hidden.status).toBe(404);
		const bad = await api(server, `/api/follow-ups/${late.id}`, {
			method: 'PATCH',
			as: guest,
			body: { due: '2026-02-30' }
		});
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: string }).error).toMatch(/^due:/);
		const empty = await api(server, `/api/follow-ups/${late.id}`, {
			method: 'PATCH',
			as: guest,
			body: {}
		});
		expect(empty.status).toBe(400);
	});

	it('keeps edits made after close through a reopen and a second close, unless the room changed that field', async () => {
		const owner = await signUp(server, 'Ada');
		const board = await closedBoardWithActions(owner, 'Second close', 'search');
		const [late, soon] = await followUpsOf(server, owner);
		await api(server, `/api/follow-ups/${late!.id}`, {
			method: 'PATCH',
			as: owner,
			body: { status: 'blocked' }
		});
		await api(server, `/api/follow-ups/${soon!.id}`, {
			method: 'PATCH',
			as: owner,
			body: { owner: 'Linus' }
		});
		await reopenBoard(server, board);
		await editSection(server, board, 'actions', (doc) =>
			updateAction(doc, 'soon', { owner: 'Margaret' })
		);
		expect((await closeBoard(server, board)).body.revision).toBe(2);
		const mine = (await followUpsOf(server, owner)).filter((f) => f.boardId === board.boardId);
		expect(mine.map((f) => [f.title, f.status, f.owner])).toEqual([
			['Shorten the alert window', 'blocked', 'Grace'],
			['Size the pool', 'open', 'Margaret'],
			['Write the runbook', 'done', '']
		]);
	});

	it('pulls the open follow-ups of earlier post-mortems on the same service into the open discussion, once', async () => {
		const owner = await signUp(server, 'Ada');
		await closedBoardWithActions(owner, 'Earlier payments outage', 'payments');
		await closedBoardWithActions(owner, 'Unrelated outage', 'search-api');
		const next = await boardOn(owner, 'Payments again', 'ledger');
		await editSection(server, next, 'overview', (doc) => addService(doc, 'Payments'));

		const first = await api(server, `/api/boards/${next.boardId}/pull-follow-ups`, {
			as: owner,
			body: {}
		});
		expect(first.status).toBe(200);
		const answer = (await first.json()) as {
			added: number;
			items: Array<{ title: string; boardTitle: string }>;
		};
		expect(answer.added).toBe(2);
		expect(answer.items.map((i) => i.boardTitle)).toEqual([
			'Earlier payments outage',
			'Earlier payments outage'
		]);
		const room = server.deps.rooms.room({ boardId: next.boardId, section: 'discussion' });
		const parked = readDiscussion(room.doc).parking.map((p) => p.text);
		expect(parked).toEqual(
			expect.arrayContaining([
				'Still open from “Earlier payments outage” (revision 1): Shorten the alert window (owner Grace, due 2026-03-01)',
				'Still open from “Earlier payments outage” (revision 1): Size the pool (owner Ada, due 2026-03-20)'
			])
		);
		const again = await api(server, `/api/boards/${next.boardId}/pull-follow-ups`, {
			as: owner,
			body: {}
		});
		expect(((await again.json()) as { added: number }).added).toBe(0);
		expect(readDiscussion(room.doc).parking).toHaveLength(2);
	});

	it('exports a draft of the live board, marked DRAFT, and lists readiness warnings', async () => {
		const board: TestBoard = await createBoard(server, 'Draft board');
		await editSection(server, board, 'rca', (doc) =>
			addRcaNode(doc, { id: 'n1', parentId: '', text: 'Retry storm', kind: 'cause' })
		);
		await editSection(server, board, 'actions', (doc) =>
			addAction(doc, { id: 'a1', title: 'Add jitter', author: 'A' })
		);
		const md = await fetchBytes(server, `/api/boards/${board.boardId}/export?format=md`, board);
		expect(md.status).toBe(200);
		expect(md.headers.get('cache-control')).toBe('no-store');
		expect(md.headers.get('content-disposition')).toBe(
			'attachment; filename="postmortem-draft-board-r1-draft.md"'
		);
		expect(Buffer.from(md.bytes).toString('utf8')).toContain('> **DRAFT.**');
		const readiness = await getJson<{ warnings: Array<{ check: string; itemId: string | null }> }>(
			server,
			`/api/boards/${board.boardId}/readiness`,
			board
		);
		expect(readiness.body.warnings.map((w) => `${w.check}:${w.itemId}`)).toEqual([
			'empty-summary:null',
			'no-detection:null',
			'no-resolution:null',
			'cause-without-action:n1',
			'action-without-owner:a1',
			'action-without-due:a1'
		]);
	});

	it('searches closed post-mortems by words, service, severity and factor category, counting recurring categories', async () => {
		const owner = await signUp(server, 'Searcher');
		const make = async (title: string, service: string, category: string, words: string) => {
			const board = await createBoard(server, title, owner);
			await editSection(server, board, 'overview', (doc) => {
				setOverviewText(doc, 'summary', words);
				addService(doc, service);
			});
			await editSection(server, board, 'factors', (doc) =>
				addFactor(doc, { text: `${category} gap`, category, author: 'A' })
			);
			await editSection(server, board, 'timeline', (doc) =>
				addTimelineEntry(doc, {
					at: '2026-03-02T14:00:00Z',
					kind: 'alert',
					text: 'Pager fired',
					author: 'A'
				})
			);
			await closeBoard(server, board);
			return board;
		};
		await make('DNS outage', 'edge', 'monitoring', 'Resolver cache expired');
		await make('Queue backlog', 'billing', 'monitoring', 'Consumer lag grew unseen');
		await make('Bad deploy', 'billing', 'testing', 'A migration locked the table');
		await createBoard(server, 'Still open, not searched', owner);

		const search = (q: string) =>
			getJson<{
				results: Array<{ title: string; snippets: unknown[] }>;
				categories: Record<string, number>;
			}>(server, `/api/search?${q}`, owner);
		const all = await search('');
		expect(all.body.results.map((r) => r.title).sort()).toEqual([
			'Bad deploy',
			'DNS outage',
			'Queue backlog'
		]);
		expect(all.body.categories).toEqual({ monitoring: 2, testing: 1 });
		expect((await search('q=consumer%20LAG')).body.results.map((r) => r.title)).toEqual([
			'Queue backlog'
		]);
		expect((await search('service=billing')).body.results.map((r) => r.title).sort()).toEqual([
			'Bad deploy',
			'Queue backlog'
		]);
		expect(
			(await search('category=monitoring&service=billing')).body.results.map((r) => r.title)
		).toEqual(['Queue backlog']);
		expect((await search('severity=SEV2')).body.results).toHaveLength(3);
		expect((await search('severity=SEV1')).body.results).toHaveLength(0);
		expect((await search('category=vibes')).status).toBe(400);
		const stranger = await signUp(server, 'Stranger');
		expect(
			(await getJson<{ results: unknown[] }>(server, '/api/search', stranger)).body.results
		).toEqual([]);
	});

	it('publishes the JSON Schema of the export', async () => {
		const res = await getJson<{ $id: string }>(server, '/api/schemas/postmortem.json', null);
		expect(res.status).toBe(200);
		expect(res.body.$id).toBe('urn:debrief:schema:postmortem:1');
	});
});
