import {
	expect,
	test as base,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';
import { SKIP_ENV } from './environment.ts';

export interface CreatedBoard {
	id: string;
	title: string;
}

/**
 * Playwright's `test`, skipped as a whole when global setup found no browser (it printed why).
 */
export const test = base.extend<{ skipWithoutBrowser: void }>({
	skipWithoutBrowser: [
		// Playwright reads fixture dependencies from the destructuring pattern; this one has none.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, testInfo) => {
			testInfo.skip(
				process.env[SKIP_ENV] === '1',
				'no Chromium on this machine (see the setup message)'
			);
			await use();
		},
		{ auto: true }
	]
});

export { expect };

let people = 0;

/** A fresh browser context (own cookies and storage) in the zone of an on-call in Paris. */
export function newPerson(browser: Browser, baseURL: string): Promise<BrowserContext> {
	return browser.newContext({ baseURL, timezoneId: 'Europe/Paris' });
}

/**
 * Signs a context up through the API; the session cookie lands in the context's cookie jar, as
 * if the person had used the form. Returns the context's request client, for API calls as them.
 */
export async function signUp(context: BrowserContext, name: string): Promise<APIRequestContext> {
	const email = `e2e-${Date.now()}-${++people}@example.com`;
	const res = await context.request.post('/api/auth/signup', {
		data: { email, password: 'correct horse battery', name }
	});
	expect(res.status(), await res.text()).toBe(201);
	return context.request;
}

/** Creates a board through the HTTP API, as an integration would; the caller facilitates it. */
export async function createBoard(
	request: APIRequestContext,
	title = `E2E ${Date.now()}`
): Promise<CreatedBoard> {
	const res = await request.post('/api/boards', {
		data: { title, severity: 'SEV2', service: 'payments-api' }
	});
	expect(res.status(), await res.text()).toBe(201);
	const board = (await res.json()) as CreatedBoard;
	expect(board.id).toBeTruthy();
	return board;
}

/** An invite link to a board, made by its facilitator through the API. */
export async function inviteLink(
	request: APIRequestContext,
	boardId: string,
	role: 'participant' | 'observer' = 'participant'
): Promise<string> {
	const res = await request.post(`/api/boards/${boardId}/invites`, { data: { role } });
	expect(res.status(), await res.text()).toBe(201);
	return ((await res.json()) as { url: string }).url;
}

/** Opens the board and waits until its live connection has synced. */
export async function openBoard(context: BrowserContext, boardId: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`/boards/${boardId}`);
	await expectSynced(page);
	return page;
}

/** Follows an invite link as a guest, through the join page, and lands on the synced board. */
export async function joinAsGuest(
	context: BrowserContext,
	url: string,
	name: string
): Promise<Page> {
	const page = await context.newPage();
	await page.goto(url);
	await page.getByTestId('join-name').fill(name);
	await page.getByTestId('join-submit').click();
	await expect(page).toHaveURL(/\/boards\//);
	await expectSynced(page);
	return page;
}

export async function expectSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'synced');
}
