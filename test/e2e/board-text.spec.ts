import { openSection } from './board-helpers.ts';
import {
	createBoard,
	expect,
	inviteLink,
	joinAsGuest,
	newPerson,
	signUp,
	test
} from './fixtures.ts';

test.describe('one shared text field, two people', () => {
	test('two people type into the same field at once and both edits survive', async ({
		browser,
		baseURL
	}) => {
		const anaContext = await newPerson(browser, baseURL!);
		const request = await signUp(anaContext, 'Ana Lima');
		const board = await createBoard(request, 'E2E: one field, two typists');
		const ana = await openSection(anaContext, board.id, 'overview');
		const bo = await joinAsGuest(
			await newPerson(browser, baseURL!),
			await inviteLink(request, board.id),
			'Bo Chen'
		);
		await bo.goto(`/boards/${board.id}/overview`);

		const anaField = ana.getByTestId('overview-whatHappened');
		const boField = bo.getByTestId('overview-whatHappened');
		await anaField.fill('The pool ran dry.');
		await expect(boField).toHaveValue('The pool ran dry.');

		// Ana at the start, Bo at the end, typing key by key at the same time.
		await anaField.focus();
		await anaField.press('Home');
		await boField.focus();
		await boField.press('End');
		// Each sees the other in the field: a caret with a name, and a marker on the field.
		await expect(ana.getByTestId('remote-caret')).toHaveAttribute('data-name', 'Bo Chen');
		await expect(bo.getByTestId('remote-caret')).toHaveAttribute('data-name', 'Ana Lima');
		await expect(ana.getByTestId('field-people').locator('[data-name="Bo Chen"]')).toBeVisible();

		await Promise.all([
			anaField.pressSequentially('Deploy 4812 broke checkout. ', { delay: 25 }),
			boField.pressSequentially(' EU only.', { delay: 25 })
		]);

		const both = 'Deploy 4812 broke checkout. The pool ran dry. EU only.';
		await expect(anaField).toHaveValue(both);
		await expect(boField).toHaveValue(both);
		// The carets stayed where each was typing: Ana after her words, Bo at the end.
		expect(await anaField.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
			'Deploy 4812 broke checkout. '.length
		);
		expect(await boField.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
			both.length
		);

		// Undo takes back only your own words.
		await boField.press('Control+z');
		await expect(anaField).toHaveValue('Deploy 4812 broke checkout. The pool ran dry.');
		await boField.press('Control+Shift+z');
		await expect(anaField).toHaveValue(both);
	});
});
