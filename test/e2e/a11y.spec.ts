import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createBoard, expect, inviteLink, newPerson, openBoard, signUp, test } from './fixtures.ts';

async function expectNoViolations(page: Page): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`accessibility (${colorScheme})`, () => {
		test('sign-in, board list, board and invite pages have no axe violations', async ({
			browser,
			baseURL
		}) => {
			const anon = await browser.newContext({ baseURL, colorScheme });
			const signin = await anon.newPage();
			await signin.goto('/signin');
			await expect(signin.getByTestId('auth-form')).toBeVisible();
			await expectNoViolations(signin);

			const context = await newPerson(browser, baseURL!);
			const request = await signUp(context, 'Axe Tester');
			const board = await createBoard(request, `Axe ${colorScheme}`);
			const link = await inviteLink(request, board.id);

			const list = await context.newPage();
			await list.emulateMedia({ colorScheme });
			await list.goto('/');
			await expect(list.getByTestId('board-list')).toBeVisible();
			await expectNoViolations(list);

			const page = await openBoard(context, board.id);
			await page.emulateMedia({ colorScheme });
			await page.getByTestId('new-event-kind').selectOption('alert');
			await page.getByTestId('new-event-text').fill('Error budget alert fired');
			await page.getByTestId('new-event-source').fill('https://grafana.example.com/d/checkout');
			await page.getByTestId('new-event-text').press('Enter');
			await page.getByTestId('new-event-kind').selectOption('mitigation');
			await page.getByTestId('new-event-text').fill('Rolled back deploy 4812');
			await page.getByTestId('new-event-text').press('Enter');
			await expect(page.getByTestId('timeline-entry')).toHaveCount(2);
			await expectNoViolations(page);
			await page.getByTestId('invite-toggle').click();
			await page.getByTestId('invite-create').click();
			await expect(page.getByTestId('invite-url')).toHaveValue(/\/invite\//);
			await expectNoViolations(page);

			const join = await anon.newPage();
			await join.goto(link);
			await expect(join.getByTestId('join-form')).toBeVisible();
			await expectNoViolations(join);
			await anon.close();
			await context.close();
		});
	});
}
