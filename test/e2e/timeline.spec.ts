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

test.describe('timeline, two people on one board', () => {
	test('an event added by one appears for the other, an edit comes back, both are present', async ({
		browser,
		baseURL
	}) => {
		// Ana owns the board (signed up, board made through the API); Bo joins by her invite link.
		const anaContext = await newPerson(browser, baseURL!);
		const request = await signUp(anaContext, 'Ana Lima');
		const board = await createBoard(request, 'E2E: checkout errors after deploy');
		const ana = await openBoard(anaContext, board.id);
		const bo = await joinAsGuest(
			await newPerson(browser, baseURL!),
			await inviteLink(request, board.id),
			'Bo Chen'
		);

		// Presence: each sees both people.
		for (const page of [ana, bo]) {
			const bar = page.getByTestId('presence-bar');
			await expect(
				bar.locator('[data-testid="presence-person"][data-name="Ana Lima"]')
			).toBeVisible();
			await expect(
				bar.locator('[data-testid="presence-person"][data-name="Bo Chen"]')
			).toBeVisible();
			await expect(bar.getByTestId('presence-person')).toHaveCount(2);
		}

		// Ana adds an event from the keyboard: `n` jumps to the field, Enter adds it.
		await ana.locator('body').press('n');
		await expect(ana.getByTestId('new-event-text')).toBeFocused();
		await ana.getByTestId('new-event-kind').selectOption('alert');
		await ana.getByTestId('new-event-text').fill('Checkout error rate above 5%');
		await ana.getByTestId('new-event-text').press('Enter');
		await expect(ana.getByTestId('new-event-text')).toHaveValue('');

		const inBo = bo
			.getByTestId('timeline-entry')
			.filter({ hasText: 'Checkout error rate above 5%' });
		await expect(inBo).toHaveCount(1);
		await expect(inBo.getByTestId('kind-tag')).toHaveAttribute('data-kind', 'alert');
		await expect(inBo).toContainText('Ana Lima');

		// Bo corrects it inline; Ana sees the correction.
		await inBo.hover();
		await inBo.getByTestId('timeline-entry-edit').click();
		await bo.getByTestId('edit-event-text').fill('Checkout error rate above 5% (EU only)');
		await bo.getByTestId('edit-event-text').press('Enter');
		await expect(bo.getByTestId('edit-event-text')).toHaveCount(0);

		const inAna = ana.getByTestId('timeline-entry-text');
		await expect(inAna).toHaveText(['Checkout error rate above 5% (EU only)']);

		// Bo adds an earlier event with an explicit time: both lists stay sorted by time.
		const earlier = await ana.evaluate(() => {
			const d = new Date(Date.now() - 60 * 60 * 1000);
			const p = (n: number) => String(n).padStart(2, '0');
			return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:00`;
		});
		await bo.getByTestId('new-event-time').fill(earlier);
		await bo.getByTestId('new-event-kind').selectOption('detection');
		await bo.getByTestId('new-event-text').fill('Deploy 4812 rolled out to EU');
		await bo.getByTestId('new-event-submit').click();
		for (const page of [ana, bo]) {
			await expect(page.getByTestId('timeline-entry-text')).toHaveText([
				'Deploy 4812 rolled out to EU',
				'Checkout error rate above 5% (EU only)'
			]);
		}

		// The time is shown in the viewer's zone, with UTC in the tooltip.
		const time = ana.getByTestId('timeline-entry-time').first();
		await expect(time).toHaveText(earlier.slice(11, 19));
		await expect(time).toHaveAttribute('title', /UTC/);

		// Escape cancels an edit without writing.
		const first = ana.getByTestId('timeline-entry').first();
		await first.hover();
		await first.getByTestId('timeline-entry-edit').click();
		await ana.getByTestId('edit-event-text').fill('should not be saved');
		await ana.getByTestId('edit-event-text').press('Escape');
		await expect(ana.getByTestId('timeline-entry-text').first()).toHaveText(
			'Deploy 4812 rolled out to EU'
		);

		// Delete with undo: gone for both, then back for both.
		await first.hover();
		await first.getByTestId('timeline-entry-delete').click();
		await expect(bo.getByTestId('timeline-entry')).toHaveCount(1);
		await ana.getByTestId('undo-button').click();
		await expect(bo.getByTestId('timeline-entry-text')).toHaveText([
			'Deploy 4812 rolled out to EU',
			'Checkout error rate above 5% (EU only)'
		]);

		// When Bo leaves, Ana's presence bar shows only her.
		await bo.context().close();
		await expect(ana.getByTestId('presence-bar').getByTestId('presence-person')).toHaveCount(1);
		await ana.context().close();
	});

	test('a refused entry says why and writes nothing', async ({ browser, baseURL }) => {
		const context = await newPerson(browser, baseURL!);
		const board = await createBoard(await signUp(context, 'Cy'));
		const page = await openBoard(context, board.id);
		await page.getByTestId('new-event-text').fill('Paged the on-call');
		await page.getByTestId('new-event-source').fill('not a link');
		await page.getByTestId('new-event-text').press('Enter');
		await expect(page.getByTestId('new-event-error')).toContainText('http');
		await expect(page.getByTestId('timeline-entry')).toHaveCount(0);
		await page.context().close();
	});

	test('an observer follows live but cannot write', async ({ browser, baseURL }) => {
		const owner = await newPerson(browser, baseURL!);
		const request = await signUp(owner, 'Dee Facilitator');
		const board = await createBoard(request, 'E2E: observer');
		const dee = await openBoard(owner, board.id);
		const eve = await joinAsGuest(
			await newPerson(browser, baseURL!),
			await inviteLink(request, board.id, 'observer'),
			'Eve Observer'
		);
		await expect(eve.getByTestId('observer-badge')).toBeVisible();
		await expect(eve.getByTestId('timeline-add-form')).toHaveCount(0);

		await dee.getByTestId('new-event-text').fill('Status page updated');
		await dee.getByTestId('new-event-text').press('Enter');
		const seen = eve.getByTestId('timeline-entry');
		await expect(seen).toHaveText(/Status page updated/);
		await expect(seen.getByTestId('timeline-entry-edit')).toHaveCount(0);
		await owner.close();
		await eve.context().close();
	});
});
