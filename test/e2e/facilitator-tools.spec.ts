import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
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

/** "Live": what one person does reaches the others within a second. */
const LIVE = { timeout: 1000 };
/**
 * A role change closes the person's sockets: their page reconnects (100-200 ms backoff), syncs its
 * seven sections again and looks its role up. Right after the page came back from offline, on a
 * loaded 2-core machine, that measured 1.1-1.4 s from the click (traces of failed runs).
 */
const RECONNECTED = { timeout: 5000 };

interface Room {
	/** Facilitator: signed up and made the board. */
	fay: Page;
	/** Participant, joined by an invite link. */
	pat: Page;
	/** Observer, joined by an invite link. */
	obe: Page;
}

/**
 * A board with its facilitator, a participant and an observer, each in their own browser.
 * `prepare` runs on the facilitator's context before the board opens (routes apply to new pages).
 */
async function meetingRoom(
	browser: Browser,
	baseURL: string,
	title: string,
	prepare?: (context: BrowserContext) => Promise<void>
): Promise<Room> {
	const faciContext = await newPerson(browser, baseURL);
	await prepare?.(faciContext);
	const request = await signUp(faciContext, 'Fay Ortiz');
	const board = await createBoard(request, title);
	const fay = await openBoard(faciContext, board.id);
	const pat = await joinAsGuest(
		await newPerson(browser, baseURL),
		await inviteLink(request, board.id, 'participant'),
		'Pat Kim'
	);
	const obe = await joinAsGuest(
		await newPerson(browser, baseURL),
		await inviteLink(request, board.id, 'observer'),
		'Obe Ndiaye'
	);
	return { fay, pat, obe };
}

/** Every one of `pages` shows `text` as the meeting's current stage. */
async function expectStage(
	pages: Page[],
	text: string,
	options?: { timeout?: number }
): Promise<void> {
	for (const page of pages) {
		await expect(page.getByTestId('current-stage')).toHaveText(text, options);
	}
}

/** Starts the meeting from the facilitator's bar and waits until everyone is in the opening. */
async function startMeeting({ fay, pat, obe }: Room): Promise<void> {
	await fay.getByTestId('meeting-start').click();
	await expectStage([fay, pat, obe], 'Opening & ground rules');
}

/** Minutes left on a page's stage timer (its data attribute, in ms). */
async function minutesLeft(page: Page): Promise<number> {
	const ms = await page.getByTestId('stage-timer').getAttribute('data-remaining-ms');
	return Number(ms) / 60_000;
}

/** The agenda editor's row at `index` (0-based). */
function row(editor: Locator, index: number): Locator {
	return editor.getByTestId('agenda-row').nth(index);
}

/** The stage titles in the agenda editor, top to bottom. */
function rowTitles(editor: Locator): Promise<string[]> {
	return editor
		.getByTestId('agenda-row')
		.getByRole('textbox')
		.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** The facilitation panel (members and hand-off), opened from the facilitator's bar. */
async function openFacilitation(page: Page): Promise<Locator> {
	await page.getByTestId('handoff-toggle').click();
	const panel = page.getByRole('dialog', { name: 'Who facilitates' });
	await expect(panel).toBeVisible();
	await expect(panel.getByText('Loading the members…')).toHaveCount(0);
	return panel;
}

/** The panel's line for one member. */
function member(panel: Locator, name: string): Locator {
	return panel.getByRole('listitem').filter({ hasText: name });
}

test.describe('the facilitator’s tools', () => {
	test('agenda editor: rename, retime, remove, add and reorder by keyboard; the others see it live and cannot edit; a new time for the running stage reaches every timer', async ({
		browser,
		baseURL
	}) => {
		const room = await meetingRoom(browser, baseURL!, 'E2E: agenda editor');
		const { fay, pat, obe } = room;
		const everyone = [fay, pat, obe];

		await expectStage(everyone, 'Not started · 7 stages · 60 min');
		// Only the facilitator has the editor.
		for (const page of [pat, obe]) {
			await expect(page.getByTestId('meeting-bar')).toBeVisible();
			await expect(page.getByTestId('facilitator-bar')).toHaveCount(0);
			await expect(page.getByTestId('agenda-edit')).toHaveCount(0);
			await expect(page.getByTestId('agenda-editor')).toHaveCount(0);
		}

		await fay.getByTestId('agenda-edit').click();
		const editor = fay.getByTestId('agenda-editor');
		await expect(editor).toBeVisible();
		await expect(editor.getByTestId('agenda-row')).toHaveCount(7);

		// Rename the opening; three more minutes for the timeline; no open discussion.
		await row(editor, 0).getByRole('textbox').fill('Welcome & ground rules');
		await row(editor, 1).getByRole('spinbutton', { name: 'Minutes' }).fill('15');
		await expect(row(editor, 5).getByRole('textbox')).toHaveValue('Open discussion');
		await editor.getByRole('button', { name: 'Remove stage 6' }).click();
		await expect(editor.getByTestId('agenda-row')).toHaveCount(6);

		// A new stage, filled in and moved up to third place with the keyboard alone.
		await editor.getByRole('button', { name: '+ Add a stage' }).click();
		const added = row(editor, 6);
		await added.getByRole('textbox').focus();
		await fay.keyboard.type('What went well');
		await fay.keyboard.press('Tab'); // its section
		await fay.keyboard.press('Tab'); // its minutes
		await fay.keyboard.press('ControlOrMeta+a');
		await fay.keyboard.type('6');
		await fay.keyboard.press('Tab');
		await expect(editor.getByRole('button', { name: 'Move stage 7 up' })).toBeFocused();
		for (const place of [6, 5, 4, 3]) {
			await fay.keyboard.press('Enter');
			// Focus stays on the moved stage's button, so the next Enter moves it again.
			await expect(editor.getByRole('button', { name: `Move stage ${place} up` })).toBeFocused();
		}
		await expect
			.poll(() => rowTitles(editor))
			.toEqual([
				'Welcome & ground rules',
				'Timeline',
				'What went well',
				'Root cause analysis',
				'Contributing factors',
				'Action items',
				'Close'
			]);
		await expect(editor.getByText('7 stages · 65 min')).toBeVisible();
		await editor.getByTestId('agenda-save').click();
		await expect(editor).toBeHidden();

		// Everyone sees the new agenda within a second.
		await expectStage([pat, obe], 'Not started · 7 stages · 65 min', LIVE);

		// Run it: the renamed opening, the timeline with its 15 minutes, then the moved stage.
		await fay.getByTestId('meeting-start').click();
		await expectStage(everyone, 'Welcome & ground rules', LIVE);
		await fay.getByTestId('stage-next').click();
		for (const page of everyone) {
			await expect(page.getByTestId('current-stage')).toHaveText('Timeline', LIVE);
			await expect.poll(() => minutesLeft(page)).toBeGreaterThan(14);
		}
		await fay.getByTestId('stage-next').click();
		for (const page of everyone) {
			await expect(page.getByTestId('current-stage')).toHaveText('What went well', LIVE);
			await expect(page.getByTestId('meeting-bar')).toContainText('3/7');
			await expect.poll(() => minutesLeft(page)).toBeLessThanOrEqual(6);
		}

		// The stage in progress cannot be removed; its timebox can change, and every timer follows.
		await fay.getByTestId('agenda-edit').click();
		const current = row(editor, 2);
		await expect(current.getByRole('textbox')).toHaveValue('What went well');
		await expect(current.getByRole('button', { name: 'Remove stage 3' })).toBeDisabled();
		await expect(current.getByRole('button', { name: 'Remove stage 3' })).toHaveAttribute(
			'title',
			'The stage in progress stays'
		);
		await current.getByRole('spinbutton', { name: 'Minutes' }).fill('20');
		await editor.getByTestId('agenda-save').click();
		await expect(editor).toBeHidden();
		for (const page of everyone) {
			await expect.poll(() => minutesLeft(page), LIVE).toBeGreaterThan(19);
		}
	});

	test('agenda template: choosing one only fills the draft; Cancel drops it, Save makes it live for everyone', async ({
		browser,
		baseURL
	}) => {
		const room = await meetingRoom(browser, baseURL!, 'E2E: agenda template');
		const { fay, pat, obe } = room;
		const everyone = [fay, pat, obe];
		await expectStage(everyone, 'Not started · 7 stages · 60 min');

		await fay.getByTestId('agenda-edit').click();
		const editor = fay.getByTestId('agenda-editor');
		const short = editor.getByRole('button', { name: 'Short review · 30 min' });
		const note = editor.getByTestId('agenda-template-note');
		await expect(note).toHaveText('');
		await short.click();
		// The draft shows the template and says it is not applied yet.
		await expect(editor.getByTestId('agenda-row')).toHaveCount(6);
		await expect(editor.getByText('6 stages · 30 min')).toBeVisible();
		await expect(short).toHaveAttribute('aria-pressed', 'true');
		await expect(note).toHaveText(
			'Filled in from “Short review · 30 min”. Save to use it, or Cancel to keep the agenda as it was.'
		);
		// Longer than "live": nobody, the facilitator's own bar included, has the template.
		await fay.waitForTimeout(LIVE.timeout + 500);
		await expectStage(everyone, 'Not started · 7 stages · 60 min');

		// Cancel drops it: the editor opens again on the agenda as it was.
		await editor.getByRole('button', { name: 'Cancel' }).click();
		await expect(editor).toBeHidden();
		await fay.getByTestId('agenda-edit').click();
		await expect(editor.getByTestId('agenda-row')).toHaveCount(7);
		await expect(short).toHaveAttribute('aria-pressed', 'false');
		await expect(note).toHaveText('');

		// Save applies it, and everyone sees it within a second.
		await short.click();
		await editor.getByTestId('agenda-save').click();
		await expect(editor).toBeHidden();
		await expectStage(everyone, 'Not started · 6 stages · 30 min', LIVE);
	});

	test('hand-off: the participant gets the controls within a second and advances by keyboard; the old facilitator stays on as co-facilitator, and once made a participant loses the controls', async ({
		browser,
		baseURL
	}) => {
		const room = await meetingRoom(browser, baseURL!, 'E2E: hand-off');
		const { fay, pat, obe } = room;
		await startMeeting(room);

		// A click outside a menu closes it and leaves focus with what was clicked.
		let panel = await openFacilitation(fay);
		await fay.getByTestId('invite-toggle').click();
		await expect(panel).toHaveCount(0);
		await expect(fay.getByTestId('invite-panel')).toBeVisible();
		await expect(fay.getByTestId('invite-toggle')).toBeFocused();
		await fay.getByTestId('current-stage').click();
		await expect(fay.getByTestId('invite-panel')).toHaveCount(0);
		await expect(fay.getByTestId('invite-toggle')).not.toBeFocused();

		// Fay hands the board to Pat, by keyboard. Observers are not offered.
		panel = await openFacilitation(fay);
		await expect(member(panel, 'Pat Kim')).toContainText('Participant');
		await expect(member(panel, 'Obe Ndiaye')).toHaveCount(0);
		await member(panel, 'Pat Kim').getByRole('button', { name: 'Hand off…' }).focus();
		await fay.keyboard.press('Enter');
		const confirm = member(panel, 'Pat Kim').getByRole('button', { name: 'Hand off to Pat Kim' });
		await expect(confirm).toBeFocused();
		await fay.keyboard.press('Enter');
		// Pat's row leaves the list; focus stays in the panel.
		await expect(member(panel, 'Pat Kim')).toHaveCount(0);
		await expect(panel).toBeFocused();

		// Within a second Pat has the facilitator's bar, and runs the agenda from the keyboard.
		await expect(pat.getByTestId('facilitator-bar')).toBeVisible(LIVE);
		await expect(pat.getByTestId('stage-next')).toBeEnabled(LIVE);
		await pat.keyboard.press('?');
		const help = pat.getByTestId('shortcut-help');
		await expect(help).toBeVisible();
		await expect(help).toContainText('Next stage');
		await pat.keyboard.press('Escape');
		await expect(help).toBeHidden();
		await pat.keyboard.press(']');
		await expectStage([fay, pat, obe], 'Timeline', LIVE);

		// Pat's sockets reconnected with the new rights, and Pat is still seen on the board.
		await expect(fay.getByTestId('presence-bar')).toContainText('3 here', { timeout: 3000 });

		// Fay is a co-facilitator now: the panels say so, and she can no longer hand off.
		await expect(fay.getByTestId('handoff-facilitator')).toContainText(
			'Pat Kim facilitates. You are a co-facilitator'
		);
		await expect(panel.getByRole('button', { name: /Hand off/ })).toHaveCount(0);
		const patPanel = await openFacilitation(pat);
		await expect(member(patPanel, 'Fay Ortiz')).toContainText('Co-facilitator');
		// A co-facilitator still runs the agenda with the facilitator (as the panel told Fay).
		await expect(fay.getByTestId('stage-next')).toBeEnabled();

		// Pat makes Fay a participant, by keyboard: focus stays on her row, on its new role button.
		// Within a second her controls are gone, `]` does nothing.
		await member(patPanel, 'Fay Ortiz').getByRole('button', { name: 'Make participant' }).focus();
		await pat.keyboard.press('Enter');
		await expect(member(patPanel, 'Fay Ortiz')).toContainText('Participant');
		await expect(
			member(patPanel, 'Fay Ortiz').getByRole('button', { name: 'Make co-facilitator' })
		).toBeFocused();
		await expect(patPanel.getByRole('status')).toHaveText('Fay Ortiz is a participant now.');
		await expect(fay.getByTestId('facilitator-bar')).toHaveCount(0, LIVE);
		await expect(fay.getByTestId('stage-next')).toHaveCount(0);
		await expect(fay.getByTestId('hand-toggle')).toBeVisible();
		await fay.keyboard.press(']');
		await pat.keyboard.press('t'); // a change everyone sees: the timer pauses
		for (const page of [fay, pat, obe]) {
			await expect(page.getByTestId('stage-timer')).toContainText('Paused', LIVE);
			await expect(page.getByTestId('current-stage')).toHaveText('Timeline');
		}
	});

	test('a facilitator demoted while away learns it on coming back; a stale page’s advance is refused by the server and the page drops its controls', async ({
		browser,
		baseURL
	}) => {
		// Fay's sockets pass through a switch that can later swallow new ones: a network that lets
		// her page's requests through but not its live connection.
		let swallowSockets = false;
		const room = await meetingRoom(browser, baseURL!, 'E2E: demoted while away', (context) =>
			context.routeWebSocket(/\/sync\//, (ws) => {
				if (!swallowSockets) ws.connectToServer();
			})
		);
		const { fay, pat, obe } = room;
		await startMeeting(room);
		const panel = await openFacilitation(fay);
		await member(panel, 'Pat Kim').getByRole('button', { name: 'Hand off…' }).click();
		await member(panel, 'Pat Kim').getByRole('button', { name: 'Hand off to Pat Kim' }).click();
		await expect(pat.getByTestId('stage-next')).toBeEnabled();

		// Fay's laptop drops off the network while Pat makes her a participant: no socket of hers
		// hears about it. Back online, her board looks her role up again.
		await fay.context().setOffline(true);
		await expect(fay.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
		const patPanel = await openFacilitation(pat);
		await member(patPanel, 'Fay Ortiz').getByRole('button', { name: 'Make participant' }).click();
		await expect(member(patPanel, 'Fay Ortiz')).toContainText('Participant');
		await expect(fay.getByTestId('stage-next')).toBeVisible(); // still stale while away
		await fay.context().setOffline(false);
		await expect(fay.getByTestId('connection-status')).toHaveAttribute('data-status', 'synced');
		await expect(fay.getByTestId('facilitator-bar')).toHaveCount(0);
		// Everyone sees everyone again at once, not at their next presence renewal (15 s).
		for (const page of [fay, pat]) {
			await expect(page.getByTestId('presence-bar')).toContainText('3 here', { timeout: 3000 });
		}

		// Co-facilitator again, live. Then her sockets drop and come back swallowed: she is made a
		// participant and her page cannot hear it.
		await member(patPanel, 'Fay Ortiz')
			.getByRole('button', { name: 'Make co-facilitator' })
			.click();
		await expect(fay.getByTestId('stage-next')).toBeEnabled(RECONNECTED);
		swallowSockets = true;
		await fay.context().setOffline(true);
		await expect(fay.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');
		await fay.context().setOffline(false);
		await member(patPanel, 'Fay Ortiz').getByRole('button', { name: 'Make participant' }).click();
		await expect(member(patPanel, 'Fay Ortiz')).toContainText('Participant');

		// Her stale "Next" reaches the server, which refuses it: nobody moves, she is told why,
		// and her page learns her role.
		await fay.getByTestId('stage-next').click();
		await expect(fay.getByTestId('meeting-bar').getByRole('alert')).toContainText(
			'your role on this board does not allow that'
		);
		await expect(fay.getByTestId('facilitator-bar')).toHaveCount(0);
		await expectStage([fay, pat, obe], 'Opening & ground rules');
	});

	test('ready check: participant and observer answer from their own screens, the facilitator’s tally follows live, moving on ends it', async ({
		browser,
		baseURL
	}) => {
		const room = await meetingRoom(browser, baseURL!, 'E2E: ready check');
		const { fay, pat, obe } = room;
		await startMeeting(room);

		for (const page of [pat, obe]) await expect(page.getByTestId('ready-ask')).toHaveCount(0);
		await fay.getByTestId('ready-start').click();
		const tally = fay.getByTestId('ready-tally');
		await expect(tally).toContainText('0 ready · 0 not yet');
		// Every member who does not run the meeting is asked, observers too (any member answers).
		for (const page of [pat, obe]) await expect(page.getByTestId('ready-ask')).toBeVisible(LIVE);
		await expect(fay.getByTestId('ready-ask')).toHaveCount(0);

		const answer = (page: Page, name: 'Ready' | 'Not yet') =>
			page.getByTestId('ready-ask').getByRole('button', { name, exact: true });
		await answer(pat, 'Ready').click();
		await expect(answer(pat, 'Ready')).toHaveAttribute('aria-pressed', 'true');
		await expect(tally).toContainText('1 ready · 0 not yet', LIVE);
		await answer(obe, 'Not yet').click();
		await expect(tally).toContainText('1 ready · 1 not yet', LIVE);
		// Pat changes their mind, from the keyboard.
		await answer(pat, 'Not yet').focus();
		await pat.keyboard.press('Enter');
		await expect(answer(pat, 'Not yet')).toHaveAttribute('aria-pressed', 'true');
		await expect(answer(pat, 'Ready')).toHaveAttribute('aria-pressed', 'false');
		await expect(tally).toContainText('0 ready · 2 not yet', LIVE);
		await expect(tally).toHaveAttribute('title', 'Pat Kim: not yet\nObe Ndiaye: not yet');

		// "End check" closes the question everywhere; a new check starts from nothing.
		await tally.getByRole('button', { name: 'End check' }).click();
		for (const page of [pat, obe]) await expect(page.getByTestId('ready-ask')).toHaveCount(0, LIVE);
		await fay.getByTestId('ready-start').click();
		await expect(tally).toContainText('0 ready · 0 not yet');
		await expect(answer(pat, 'Ready')).toHaveAttribute('aria-pressed', 'false', LIVE);
		await answer(pat, 'Ready').click();
		await expect(tally).toContainText('1 ready · 0 not yet', LIVE);

		// Moving to the next stage ends the check.
		await fay.getByTestId('stage-next').click();
		for (const page of [pat, obe]) await expect(page.getByTestId('ready-ask')).toHaveCount(0, LIVE);
		await expect(fay.getByTestId('ready-start')).toBeVisible();
	});
});
