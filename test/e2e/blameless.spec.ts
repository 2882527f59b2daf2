import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
	createBoard,
	expect,
	inviteLink,
	joinAsGuest,
	newPerson,
	openBoard,
	signUp,
	test
} from './fixtures.ts';
import { goToSection, openSection } from './board-helpers.ts';

async function expectNoViolations(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

/** Both people see each other, so each knows the other's name (names feed the checker). */
async function expectBothPresent(pages: Page[], names: string[]): Promise<void> {
	for (const page of pages) {
		for (const name of names) {
			await expect(
				page
					.getByTestId('presence-bar')
					.locator(`[data-testid="presence-person"][data-name="${name}"]`)
			).toBeVisible();
		}
	}
}

test.describe('blameless language hints', () => {
	test('a blameful sentence is hinted within a second while typing; "fine here" holds for everyone', async ({
		browser,
		baseURL
	}) => {
		const anaContext = await newPerson(browser, baseURL!);
		const request = await signUp(anaContext, 'Ana Lima');
		const board = await createBoard(request, 'E2E: blameless hints');
		const ana = await openBoard(anaContext, board.id);
		const bo = await joinAsGuest(
			await newPerson(browser, baseURL!),
			await inviteLink(request, board.id),
			'Bo Chen'
		);
		await expectBothPresent([ana, bo], ['Ana Lima', 'Bo Chen']);

		// A system as the subject: the same grammar, no hint.
		const text = ana.getByTestId('new-event-text');
		await text.fill('The cert renewal job failed to run');
		await ana.waitForTimeout(600);
		await expect(ana.getByTestId('blameless-underline')).toHaveCount(0);
		await text.press('Enter');

		// A person as the subject: the hint shows within a second of typing, without blocking it.
		await text.fill('Bo broke checkout with the config push');
		await expect(ana.getByTestId('blameless-underline')).toHaveText('Bo broke', { timeout: 1000 });
		await expect(ana.getByTestId('blameless-hint')).toBeVisible({ timeout: 1000 });
		await expect(ana.getByTestId('blameless-card')).toContainText('?');
		await expect(text).toBeFocused();
		await expectNoViolations(ana);
		await text.press('Enter');
		await expect(text).toHaveValue('');

		// Saved, the phrase is underlined for both; the neutral event is not.
		const flagged = (page: Page) =>
			page
				.getByTestId('timeline-entry')
				.filter({ hasText: 'Bo broke checkout' })
				.getByTestId('blameless-underline');
		await expect(flagged(ana)).toHaveText('Bo broke');
		await expect(flagged(bo)).toHaveText('Bo broke');
		await expect(
			bo
				.getByTestId('timeline-entry')
				.filter({ hasText: 'renewal job' })
				.getByTestId('blameless-underline')
		).toHaveCount(0);

		// The facilitator's panel lists it.
		await ana.getByTestId('blameless-panel-toggle').click();
		await expect(ana.getByTestId('blameless-panel-item')).toHaveCount(1);
		await expect(ana.getByTestId('blameless-panel-item')).toContainText('Bo broke');
		await expectNoViolations(ana);
		await ana.keyboard.press('Escape');

		// Bo says it is fine here; it goes away for Bo, for Ana, and stays gone after a reload.
		await flagged(bo).click();
		await expectNoViolations(bo);
		await bo.getByTestId('blameless-dismiss').click();
		await expect(flagged(bo)).toHaveCount(0);
		await expect(flagged(ana)).toHaveCount(0);
		await ana.reload();
		await expect(ana.getByTestId('timeline-entry').filter({ hasText: 'Bo broke' })).toBeVisible();
		await expect(flagged(ana)).toHaveCount(0);
		await ana.getByTestId('blameless-panel-toggle').click();
		await expect(ana.getByTestId('blameless-panel-empty')).toBeVisible();
	});

	test('"fine here" while drafting carries to the new event; the board switch turns hints off for everyone', async ({
		browser,
		baseURL
	}) => {
		const anaContext = await newPerson(browser, baseURL!);
		const request = await signUp(anaContext, 'Ana Lima');
		const board = await createBoard(request, 'E2E: blameless switch');
		const ana = await openBoard(anaContext, board.id);
		const bo = await joinAsGuest(
			await newPerson(browser, baseURL!),
			await inviteLink(request, board.id),
			'Bo Chen'
		);

		const text = ana.getByTestId('new-event-text');
		await text.fill('Root cause: human error during the failover');
		await expect(ana.getByTestId('blameless-hint')).toBeVisible({ timeout: 1000 });
		await ana.getByTestId('blameless-dismiss').click();
		await expect(ana.getByTestId('blameless-underline')).toHaveCount(0);
		await expect(text).toBeFocused();
		await text.press('Enter');
		const row = (page: Page) =>
			page.getByTestId('timeline-entry').filter({ hasText: 'human error' });
		await expect(row(bo)).toBeVisible();
		await expect(row(bo).getByTestId('blameless-underline')).toHaveCount(0);

		// Another hinted event, then the facilitator turns hints off for the board.
		await text.fill('We should have rolled back sooner');
		await text.press('Enter');
		const second = bo.getByTestId('timeline-entry').filter({ hasText: 'rolled back sooner' });
		await expect(second.getByTestId('blameless-underline')).toHaveText(/^We should have/);
		await ana.getByTestId('blameless-panel-toggle').click();
		await ana.getByTestId('blameless-enabled').uncheck();
		await expect(second.getByTestId('blameless-underline')).toHaveCount(0);
		await expect(second).toContainText('We should have rolled back sooner');
		// Participants do not get the panel; the facilitator can turn hints back on.
		await expect(bo.getByTestId('blameless-panel-toggle')).toHaveCount(0);
		await ana.getByTestId('blameless-enabled').check();
		await expect(second.getByTestId('blameless-underline')).toHaveText(/^We should have/);
	});

	test('typing blame into a cause or an action item is hinted within a second; "fine here" there holds for the others', async ({
		browser,
		baseURL
	}) => {
		const anaContext = await newPerson(browser, baseURL!);
		const request = await signUp(anaContext, 'Ana Lima');
		const board = await createBoard(request, 'E2E: blameless in every section');
		const ana = await openSection(anaContext, board.id, 'rca');
		const bo = await joinAsGuest(
			await newPerson(browser, baseURL!),
			await inviteLink(request, board.id),
			'Bo Chen'
		);
		await expectBothPresent([ana, bo], ['Ana Lima', 'Bo Chen']);
		await goToSection(bo, 'rca');

		// The cause tree: a node's shared text, typed key by key.
		await ana.getByTestId('rca-add-top').click();
		const node = ana.getByTestId('rca-text').first();
		await expect(node).toBeFocused();
		await ana.keyboard.type('The migration ran without its checklist');
		await ana.waitForTimeout(600);
		await expect(ana.getByTestId('blameless-underline')).toHaveCount(0);
		await ana.keyboard.type(' because Bo forgot to run it');
		await expect(ana.getByTestId('blameless-underline')).toHaveText('Bo forgot to', {
			timeout: 1000
		});
		await expect(ana.getByTestId('blameless-hint')).toBeVisible({ timeout: 1000 });
		await expect(node).toBeFocused();
		await expectNoViolations(ana);

		// Bo sees the same underline on the same node, and says it is fine here.
		const causeMark = (page: Page) =>
			page.getByTestId('rca-node').first().getByTestId('blameless-underline');
		await expect(causeMark(bo)).toHaveText('Bo forgot to');
		await expect(bo.getByTestId('rca-text').first()).toHaveValue(
			'The migration ran without its checklist because Bo forgot to run it'
		);
		await bo.getByTestId('rca-text').first().click();
		await bo.getByTestId('blameless-dismiss').click();
		await expect(causeMark(bo)).toHaveCount(0);
		await expect(causeMark(ana)).toHaveCount(0);
		await expect(ana.getByTestId('blameless-hint')).toHaveCount(0);

		// Action items: a neutral title, then blame typed into its shared text.
		await goToSection(ana, 'actions');
		await goToSection(bo, 'actions');
		await ana.getByTestId('new-action-title').fill('Make the checklist step a pipeline gate');
		await ana.getByTestId('new-action-submit').click();
		const title = ana.getByTestId('action-title');
		await expect(title).toHaveValue('Make the checklist step a pipeline gate');
		await title.click();
		await ana.keyboard.press('End');
		await ana.keyboard.type(', since Bo skipped it');
		const actionMark = (page: Page) =>
			page.getByTestId('action').getByTestId('blameless-underline');
		await expect(actionMark(ana)).toHaveText('Bo skipped', { timeout: 1000 });
		await expect(ana.getByTestId('blameless-hint')).toBeVisible({ timeout: 1000 });
		await expect(title).toBeFocused();
		// Bo, who watched it typed, sees it too.
		await expect(actionMark(bo)).toHaveText('Bo skipped');

		// Ana says it is fine here; it goes for Bo, and stays gone after Bo reloads.
		await ana.getByTestId('blameless-dismiss').click();
		await expect(actionMark(ana)).toHaveCount(0);
		await expect(title).toBeFocused();
		await expect(actionMark(bo)).toHaveCount(0);
		await bo.reload();
		await expect(bo.getByTestId('action-title')).toHaveValue(
			'Make the checklist step a pipeline gate, since Bo skipped it'
		);
		await expect(actionMark(bo)).toHaveCount(0);
		await goToSection(bo, 'rca');
		await expect(bo.getByTestId('rca-text').first()).toHaveValue(/Bo forgot to run it/);
		await expect(causeMark(bo)).toHaveCount(0);

		// Another hint, for an observer: shown, but not theirs to dismiss.
		await title.press('End');
		await ana.keyboard.type('. Root cause: human error');
		await expect(actionMark(ana)).toHaveText('human error', { timeout: 1000 });
		const watcher = await joinAsGuest(
			await newPerson(browser, baseURL!),
			await inviteLink(request, board.id, 'observer'),
			'Cy Park'
		);
		await goToSection(watcher, 'actions');
		await expect(actionMark(watcher)).toHaveText('human error');
		await watcher.getByTestId('action-title').click();
		await expect(watcher.getByTestId('blameless-hint')).toBeVisible();
		await expect(watcher.getByTestId('blameless-dismiss')).toHaveCount(0);
	});
});
