import { expect, expectSynced, newPerson, test } from './fixtures.ts';

/**
 * Issue 3, end to end and only through the interface: the facilitator signs up, makes a board and
 * an observer link; a guest opens the link, follows the board live, and can type nowhere.
 */
test('a guest with an observer link follows live and cannot type into any section', async ({
	browser,
	baseURL
}) => {
	const owner = await newPerson(browser, baseURL!);
	const page = await owner.newPage();
	await page.goto('/signin');
	await page.getByTestId('auth-to-signup').click();
	await page.getByTestId('auth-name').fill('Gus Facilitator');
	await page.getByTestId('auth-email').fill(`gus-${Date.now()}@example.com`);
	await page.getByTestId('auth-password').fill('correct horse battery');
	await page.getByTestId('auth-submit').click();
	await expect(page.getByTestId('new-board-title')).toBeVisible();
	await page.getByTestId('new-board-title').fill('Login latency at 4x for an hour');
	await page.getByTestId('new-board-title').press('Enter');
	await expect(page).toHaveURL(/\/boards\/[a-z0-9]+$/);
	await expectSynced(page);

	await page.getByTestId('invite-toggle').click();
	await page.getByTestId('invite-role').selectOption('observer');
	await page.getByTestId('invite-create').click();
	const url = await page.getByTestId('invite-url').inputValue();
	expect(url).toMatch(/\/invite\/[a-z0-9]+$/);

	const guest = await newPerson(browser, baseURL!);
	const watcher = await guest.newPage();
	await watcher.goto(url);
	await watcher.getByTestId('join-name').fill('Hal Observer');
	await watcher.getByTestId('join-submit').click();
	await expect(watcher).toHaveURL(/\/boards\//);
	await expectSynced(watcher);
	await expect(watcher.getByTestId('observer-badge')).toBeVisible();

	// Live: the facilitator's event reaches the observer.
	await page.getByTestId('new-event-text').fill('Login p99 alert fired');
	await page.getByTestId('new-event-text').press('Enter');
	await expect(watcher.getByTestId('timeline-entry')).toHaveText(/Login p99 alert fired/);

	// Nowhere to type, in every section the navigation offers.
	const links = watcher.getByTestId('section-nav').getByRole('link');
	const count = await links.count();
	expect(count).toBeGreaterThan(0);
	for (let i = 0; i < count; i++) {
		await links.nth(i).click();
		await expectSynced(watcher);
		const editable = watcher.locator(
			'main input:not([disabled]):not([readonly]):not([type=checkbox]):not([type=search]), ' +
				'main textarea:not([disabled]):not([readonly]), main [contenteditable="true"]'
		);
		await expect(editable, `section ${i}`).toHaveCount(0);
	}
	await owner.close();
	await guest.close();
});
