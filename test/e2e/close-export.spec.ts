import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Download, Page } from '@playwright/test';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addAction, addRcaNode, addService, addTimelineEntry, setOverviewText } from '@debrief/doc';
import {
	createBoard,
	expect,
	expectSynced,
	inviteLink,
	joinAsGuest,
	newPerson,
	test
} from './fixtures.ts';

/** True when `a` holds everything `b` has (its state vector covers b's). */
function covers(a: Y.Doc, b: Y.Doc): boolean {
	const have = Y.decodeStateVector(Y.encodeStateVector(a));
	for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(b))) {
		if ((have.get(client) ?? 0) < clock) return false;
	}
	return true;
}

/** Writes one section as the person holding `token`, through the stock y-websocket client. */
async function writeSection(
	baseURL: string,
	boardId: string,
	section: string,
	token: string,
	write: (doc: Y.Doc) => void
): Promise<void> {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(
		`${baseURL.replace(/^http/, 'ws')}/sync/${boardId}`,
		section,
		doc,
		{
			WebSocketPolyfill: WebSocket as never,
			// Meet only through the server: a BroadcastChannel would let the reader see the write directly.
			disableBc: true,
			params: { token }
		}
	);
	await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
	write(doc);
	// Wait until the server has it: a second client sees the write.
	const check = new Y.Doc();
	const reader = new WebsocketProvider(
		`${baseURL.replace(/^http/, 'ws')}/sync/${boardId}`,
		section,
		check,
		{
			WebSocketPolyfill: WebSocket as never,
			disableBc: true,
			params: { token }
		}
	);
	await expect.poll(() => covers(check, doc)).toBe(true);
	reader.destroy();
	provider.destroy();
}

/** Signs up through the API and returns the session token too (for the socket writer). */
async function signUpWithToken(request: APIRequestContext, name: string): Promise<string> {
	const res = await request.post('/api/auth/signup', {
		data: {
			email: `e2e-close-${Date.now()}-${Math.random()}@example.com`,
			password: 'correct horse battery',
			name
		}
	});
	expect(res.status(), await res.text()).toBe(201);
	return ((await res.json()) as { token: string }).token;
}

/** No axe violation on the page, in light and in dark. */
async function expectAccessible(page: Page, exclude?: string): Promise<void> {
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const builder = new AxeBuilder({ page });
		const { violations } = await (exclude ? builder.exclude(exclude) : builder).analyze();
		expect(
			violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)
		).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });
}

async function saved(download: Download): Promise<string> {
	return readFileSync((await download.path())!, 'utf8');
}

async function downloadFrom(page: Page, testId: string): Promise<Download> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId(testId).click()
	]);
	return download;
}

test.describe('close, export and follow up', () => {
	test('the facilitator closes after the readiness check, downloads every format, and the participant tracks the action items on the follow-ups page', async ({
		browser,
		baseURL
	}) => {
		// Two people, four downloads, a PDF and six accessibility scans: more than the default minute.
		test.setTimeout(180_000);
		const faciContext = await newPerson(browser, baseURL!);
		const token = await signUpWithToken(faciContext.request, 'Fay Ortiz');
		const board = await createBoard(faciContext.request, 'E2E: checkout pool ran dry');

		// The room's work, written through the sync protocol as any client would.
		await writeSection(baseURL!, board.id, 'overview', token, (doc) => {
			setOverviewText(doc, 'summary', 'Checkout failed for 41 minutes after a traffic peak.');
			addService(doc, 'checkout');
		});
		await writeSection(baseURL!, board.id, 'timeline', token, (doc) => {
			addTimelineEntry(doc, {
				at: '2026-03-02T14:11:00Z',
				kind: 'alert',
				text: 'Error rate alert',
				author: 'Fay'
			});
			addTimelineEntry(doc, {
				at: '2026-03-02T14:43:00Z',
				kind: 'resolution',
				text: 'Back to normal',
				author: 'Fay'
			});
		});
		await writeSection(baseURL!, board.id, 'rca', token, (doc) =>
			addRcaNode(doc, {
				id: 'pool',
				parentId: '',
				text: 'The connection pool ran out',
				kind: 'cause'
			})
		);
		await writeSection(baseURL!, board.id, 'actions', token, (doc) => {
			addAction(doc, {
				title: 'Shorten the alert window',
				owner: 'Pat Kim',
				due: '2026-01-15',
				addresses: ['pool'],
				author: 'Fay'
			});
			addAction(doc, {
				title: 'Size the pool from peak traffic',
				due: '2099-01-01',
				author: 'Fay'
			});
		});

		const fay = await faciContext.newPage();
		await fay.goto(`/boards/${board.id}`);
		await expectSynced(fay);
		const patContext = await newPerson(browser, baseURL!);
		const pat = await joinAsGuest(
			patContext,
			await inviteLink(faciContext.request, board.id),
			'Pat Kim'
		);

		// Close: the readiness check lists what to look at, and does not block.
		await fay.getByTestId('meeting-start').click();
		await fay.getByTestId('meeting-close').click();
		const dialog = fay.getByTestId('readiness-dialog');
		await expect(dialog).toBeVisible();
		await expect(dialog.getByTestId('readiness-warnings')).toContainText(
			'“Size the pool from peak traffic” has no owner yet.'
		);
		await fay.screenshot({ path: '/tmp/close-export-readiness.png' });
		await dialog.getByTestId('readiness-confirm').click();
		for (const page of [fay, pat]) {
			await expect(page.getByTestId('board-status')).toHaveAttribute('data-status', 'closed');
		}

		// Every format downloads from the export menu, named after the incident.
		await fay.getByTestId('export-toggle').click();
		await fay.screenshot({ path: '/tmp/close-export-menu.png' });
		const md = await downloadFrom(fay, 'export-md');
		expect(md.suggestedFilename()).toBe('postmortem-e2e-checkout-pool-ran-dry-r1.md');
		const markdown = await saved(md);
		expect(markdown).toContain('# E2E: checkout pool ran dry');
		expect(markdown).toContain('| Detected | 2026-03-02 14:11 UTC | 0 s |');
		const html = await saved(await downloadFrom(fay, 'export-html'));
		expect(html).toContain('<svg class="chart"');
		const json = JSON.parse(await saved(await downloadFrom(fay, 'export-json'))) as {
			version: number;
			content: { actions: unknown[] };
		};
		expect(json.version).toBe(1);
		expect(json.content.actions).toHaveLength(2);
		const csv = await saved(await downloadFrom(fay, 'export-csv'));
		expect(csv.split('\r\n')[0]).toBe(
			'Summary,Title,Description,Assignee,Due Date,Priority,Status,Labels,Ticket,Action ID'
		);

		// The revisions page: the stored document, its digest verified; print to PDF works.
		await fay.getByTestId('export-revisions').click();
		await expect(fay.getByTestId('snapshot-bar')).toContainText('Revision 1');
		await expect(fay.getByTestId('digest-ok')).toBeVisible();
		const frame = fay.frameLocator('[data-testid="snapshot-document"]');
		await expect(frame.locator('h1')).toHaveText('E2E: checkout pool ran dry');
		await fay.screenshot({ path: '/tmp/close-export-revision.png', fullPage: true });
		// The document frame runs no script, so axe cannot enter it: the export is scanned on its own.
		await expectAccessible(fay, '[data-testid="snapshot-document"]');
		const printable = await faciContext.newPage();
		await printable.goto(`/api/boards/${board.id}/snapshots/1?format=html&inline=1`);
		const pdf = await printable.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.length).toBeGreaterThan(10_000);
		await expectAccessible(printable);

		// The participant's follow-ups page: overdue first; a status change sticks.
		await pat.goto('/');
		await pat.getByTestId('nav-follow-ups').click();
		const rows = pat.getByTestId('follow-up-row');
		await expect(rows).toHaveCount(2);
		await expect(rows.nth(0)).toContainText('Shorten the alert window');
		await expect(rows.nth(0).getByTestId('overdue')).toBeVisible();
		await expect(rows.nth(1)).toContainText('Size the pool from peak traffic');
		await pat.screenshot({ path: '/tmp/close-export-follow-ups.png' });
		await expectAccessible(pat);
		await rows.nth(0).getByTestId('follow-up-status').selectOption('in-progress');
		await expect(pat.getByTestId('follow-ups-summary')).toContainText('2 open · 1 overdue');
		await pat.reload();
		await expect(
			pat.getByTestId('follow-up-row').nth(0).getByTestId('follow-up-status')
		).toHaveValue('in-progress');
		await pat
			.getByTestId('follow-up-row')
			.nth(1)
			.getByTestId('follow-up-status')
			.selectOption('done');
		await expect(pat.getByTestId('follow-ups-summary')).toContainText('1 open');
		await pat.reload();
		await expect(pat.getByTestId('follow-up-row')).toHaveCount(1);

		// Search finds the closed post-mortem by a word of its summary.
		await pat.getByRole('link', { name: 'Search' }).click();
		await pat.getByTestId('search-q').fill('traffic peak');
		await pat.getByTestId('search-q').press('Enter');
		await expect(pat.getByTestId('search-result')).toHaveCount(1);
		await expect(pat.getByTestId('search-result')).toContainText('E2E: checkout pool ran dry');
		await expectAccessible(pat);
	});
});
