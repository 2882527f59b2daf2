import { goToSection, openSection } from './board-helpers.ts';
import {
	createBoard,
	expect,
	expectSynced,
	inviteLink,
	joinAsGuest,
	newPerson,
	signUp,
	test
} from './fixtures.ts';

test.describe('the whole board, three people at once', () => {
	test('three people edit three sections at the same moment and all see all', async ({
		browser,
		baseURL
	}) => {
		const anaContext = await newPerson(browser, baseURL!);
		const request = await signUp(anaContext, 'Ana Lima');
		const board = await createBoard(request, 'E2E: three sections at once');
		const link = await inviteLink(request, board.id);
		const ana = await openSection(anaContext, board.id, 'overview');
		const bo = await joinAsGuest(await newPerson(browser, baseURL!), link, 'Bo Chen');
		const cy = await joinAsGuest(await newPerson(browser, baseURL!), link, 'Cy Diaz');
		await goToSection(bo, 'rca');
		await goToSection(cy, 'factors');
		for (const page of [bo, cy]) await expectSynced(page);

		// Presence says who is in which section.
		await goToSection(ana, 'rca');
		await expect(ana.getByTestId('section-here')).toContainText('Bo Chen is here');
		await goToSection(ana, 'overview');

		// The same moment: each writes in their own section.
		await Promise.all([
			(async () => {
				await ana
					.getByTestId('overview-summary')
					.fill('Checkout failed for EU customers for 63 minutes.');
				await ana.getByTestId('overview-severity').selectOption('SEV2');
			})(),
			(async () => {
				await bo.getByTestId('rca-add-top').click();
				await expect(bo.getByTestId('rca-text')).toBeFocused();
				await bo.keyboard.type('Why did checkout fail?');
				await bo.keyboard.press('Control+Enter');
				await bo.keyboard.type('The database pool was exhausted');
			})(),
			(async () => {
				await cy.getByTestId('new-factor-text').fill('The canary ran for two minutes only');
				await cy.getByTestId('new-factor-category').selectOption('testing');
				await cy.getByTestId('new-factor-submit').click();
				await cy.getByTestId('factor-vote').click();
			})()
		]);

		// Everyone sees everything, in every section.
		for (const page of [ana, bo, cy]) {
			await goToSection(page, 'overview');
			await expect(page.getByTestId('overview-summary')).toHaveValue(
				'Checkout failed for EU customers for 63 minutes.'
			);
			await expect(page.getByTestId('overview-severity')).toHaveValue('SEV2');
			await goToSection(page, 'rca');
			await expect(page.getByTestId('rca-text').nth(0)).toHaveValue('Why did checkout fail?');
			await expect(page.getByTestId('rca-text').nth(1)).toHaveValue(
				'The database pool was exhausted'
			);
			await expect(page.getByTestId('rca-node').nth(1)).toHaveAttribute('data-depth', '1');
			await goToSection(page, 'factors');
			await expect(page.getByTestId('factor-text')).toHaveValue(
				'The canary ran for two minutes only'
			);
			await expect(page.getByTestId('factor-votes')).toHaveText('1');
		}

		// Links across sections: Cy links the factor to Bo's cause; the actions page then points
		// at the cause nobody acts on, and stops once an action addresses it.
		await cy.getByTestId('factor-causes').locator('summary').click();
		await cy.getByLabel('The database pool was exhausted').check();
		await goToSection(ana, 'actions');
		await expect(ana.getByTestId('unaddressed-cause')).toHaveCount(0);
		await goToSection(bo, 'rca');
		await bo.getByTestId('rca-node').nth(1).hover();
		await bo.getByTestId('rca-node').nth(1).getByTestId('rca-root-cause').click();
		await expect(ana.getByTestId('unaddressed-cause')).toHaveText(
			/The database pool was exhausted/
		);
		await ana
			.getByTestId('unaddressed-cause')
			.getByRole('button', { name: 'Add an action for it' })
			.click();
		await expect(ana.getByTestId('new-action-title')).toBeFocused();
		await ana.keyboard.type('Alert when the DB pool is over 80%');
		await ana.keyboard.press('Enter');
		await expect(ana.getByTestId('unaddressed-cause')).toHaveCount(0);
		await goToSection(cy, 'actions');
		await expect(cy.getByTestId('action-title')).toHaveValue('Alert when the DB pool is over 80%');

		// A point raised out of turn is parked in one move from any section.
		await cy.locator('body').press('p');
		await cy.getByTestId('park-text').fill('Should staging mirror EU traffic?');
		await cy.getByTestId('park-text').press('Enter');
		await goToSection(bo, 'discussion');
		await expect(bo.getByTestId('parked-text')).toHaveValue('Should staging mirror EU traffic?');
		await expect(bo.getByTestId('parked-item')).toContainText('Cy Diaz · during Action items');
	});
});
