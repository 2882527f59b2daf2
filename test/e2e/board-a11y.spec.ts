import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { goToSection, openSection } from './board-helpers.ts';
import { createBoard, expect, newPerson, signUp, test } from './fixtures.ts';

/** Serious and critical violations only: the bar the issue sets for the board page. */
async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`every section of a filled board has no serious axe violation (${colorScheme})`, async ({
		browser,
		baseURL
	}) => {
		const context = await newPerson(browser, baseURL!);
		const request = await signUp(context, 'Axe Tester');
		const board = await createBoard(request, `E2E: axe on the board (${colorScheme})`);
		const page = await openSection(context, board.id, 'timeline');
		await page.emulateMedia({ colorScheme });

		await page.getByTestId('new-event-kind').selectOption('alert');
		await page.getByTestId('new-event-text').fill('api p99 alert fired');
		await page.getByTestId('new-event-text').press('Enter');
		await page.getByTestId('new-event-text').fill('alert fired on api p99');
		await page.getByTestId('new-event-text').press('Enter');
		await expect(page.getByTestId('duplicate-notice')).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);

		await page.getByTestId('timeline-paste').click();
		await page.getByTestId('paste-text').fill('14:02 alert fired\nno time here');
		await expect(page.getByTestId('paste-problem')).toHaveCount(1);
		expect(await seriousViolations(page)).toEqual([]);
		await page.keyboard.press('Escape');

		await goToSection(page, 'overview');
		await page.getByTestId('overview-summary').fill('Checkout failed for 63 minutes.');
		expect(await seriousViolations(page)).toEqual([]);

		await goToSection(page, 'rca');
		await page.getByTestId('rca-add-top').click();
		await page.keyboard.type('Why did checkout fail?');
		await page.keyboard.press('Control+Enter');
		await page.keyboard.type('Pool exhausted');
		await page.getByTestId('rca-node').nth(1).getByTestId('rca-evidence-toggle').click();
		expect(await seriousViolations(page)).toEqual([]);

		await goToSection(page, 'factors');
		await page.getByTestId('new-factor-text').fill('No alert on pool saturation');
		await page.getByTestId('new-factor-submit').click();
		await page.getByTestId('factor-vote').click();
		expect(await seriousViolations(page)).toEqual([]);

		await goToSection(page, 'actions');
		await page.getByTestId('new-action-title').fill('Alert on pool saturation');
		await page.getByTestId('new-action-submit').click();
		expect(await seriousViolations(page)).toEqual([]);

		await goToSection(page, 'discussion');
		await page.locator('body').press('p');
		await expect(page.getByTestId('park-dialog')).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
		await page.getByTestId('park-text').fill('Revisit the canary policy');
		await page.getByTestId('park-text').press('Enter');
		expect(await seriousViolations(page)).toEqual([]);
		await context.close();
	});
}
