import { expect, newPerson, test } from './fixtures.ts';

test('someone new signs up, creates a board from the form and lands on it', async ({
	browser,
	baseURL
}) => {
	const context = await newPerson(browser, baseURL!);
	const page = await context.newPage();
	await page.goto('/');
	await expect(page).toHaveURL(/\/signin$/);
	// A crafted `next` must not send people off-site after they sign in.
	await page.goto('/signin?next=//evil.example/steal');
	await page.getByTestId('auth-to-signup').click();
	await page.getByTestId('auth-name').fill('Fay Owner');
	await page.getByTestId('auth-email').fill(`fay-${Date.now()}@example.com`);
	await page.getByTestId('auth-password').fill('correct horse battery');
	await page.getByTestId('auth-submit').click();

	await expect(page).toHaveURL(`${baseURL}/`);
	await expect(page.getByTestId('boards-empty')).toBeVisible();
	await page.locator('body').press('n');
	await expect(page.getByTestId('new-board-title')).toBeFocused();
	await page.getByTestId('new-board-title').fill('Search results empty for 20 minutes');
	await page.getByTestId('new-board-severity').selectOption('SEV3');
	await page.getByTestId('new-board-service').fill('search-api');
	await page.getByTestId('new-board-title').press('Enter');

	await expect(page).toHaveURL(/\/boards\/[a-z0-9]+$/);
	await expect(page.getByTestId('board-title')).toHaveText('Search results empty for 20 minutes');
	await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'synced');
	await expect(page.getByTestId('presence-bar').getByTestId('presence-person')).toHaveAttribute(
		'data-name',
		'Fay Owner'
	);

	// Back on the list, the board is there.
	await page.getByRole('link', { name: 'Debrief' }).click();
	await expect(page.getByTestId('board-row')).toHaveText([
		/Search results empty.*SEV3.*search-api/
	]);
	await context.close();
});

test('an unknown board says so plainly', async ({ browser, baseURL }) => {
	const context = await newPerson(browser, baseURL!);
	await context.request.post('/api/auth/signup', {
		data: { email: `gil-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Gil' }
	});
	const page = await context.newPage();
	await page.goto('/boards/doesnotexist');
	await expect(page.getByTestId('error-page')).toContainText('no board');
	await context.close();
});
