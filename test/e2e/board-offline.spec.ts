import { openSection } from './board-helpers.ts';
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

test.describe('offline editing', () => {
	test('edits made offline survive a reload and reach the others on reconnect', async ({
		browser,
		baseURL
	}) => {
		const anaContext = await newPerson(browser, baseURL!);
		const request = await signUp(anaContext, 'Ana Lima');
		const board = await createBoard(request, 'E2E: offline and back');
		const ana = await openSection(anaContext, board.id, 'timeline');
		const boContext = await newPerson(browser, baseURL!);
		const bo = await joinAsGuest(boContext, await inviteLink(request, board.id), 'Bo Chen');

		// The service worker must hold the page and the board before the network goes.
		await expect
			.poll(() =>
				bo.evaluate(async (id) => {
					await navigator.serviceWorker.ready;
					const data = await caches.open('debrief-data');
					return Boolean(
						navigator.serviceWorker.controller &&
						(await data.match('/__shell')) &&
						(await data.match('/api/me')) &&
						(await data.match(`/api/boards/${id}`))
					);
				}, board.id)
			)
			.toBe(true);

		await boContext.setOffline(true);
		const pill = bo.getByTestId('connection-status');
		await expect(pill).toHaveAttribute('data-status', 'offline');
		await bo.getByTestId('new-event-kind').selectOption('mitigation');
		await bo.getByTestId('new-event-text').fill('Rolled back deploy 4812 while offline');
		await bo.getByTestId('new-event-text').press('Enter');
		await bo.goto(`/boards/${board.id}/rca`);
		await bo.getByTestId('rca-add-top').click();
		await bo.keyboard.type('Why was the pool so small?');
		await expect(pill).toContainText('edits waiting');

		// Reload with no network: the page, the board and the edits are all still there.
		await bo.reload();
		await expect(bo.getByTestId('rca-text')).toHaveValue('Why was the pool so small?');
		await expect(bo.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
		await expect(bo.getByTestId('connection-status')).toContainText('edits waiting');
		await expect(ana.getByTestId('timeline-entry')).toHaveCount(0);

		// Back online: the edits go out and the others see them.
		await boContext.setOffline(false);
		await expectSynced(bo);
		await expect(bo.getByTestId('connection-status')).not.toContainText('waiting');
		await expect(ana.getByTestId('timeline-entry-text')).toHaveText([
			'Rolled back deploy 4812 while offline'
		]);
		await ana.getByTestId('section-link-rca').click();
		await expect(ana.getByTestId('rca-text')).toHaveValue('Why was the pool so small?');
	});
});
