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

/** What the stage timer shows on a page, in ms left (read from its data attribute). */
async function remainingMs(page: Page): Promise<number> {
	const value = await page.getByTestId('stage-timer').getAttribute('data-remaining-ms');
	return Number(value);
}

test.describe('the facilitator runs the meeting', () => {
	test('advancing locks the finished section for a participant within a second, moves the observer, counts down everywhere; a raised hand reaches the queue', async ({
		browser,
		baseURL
	}) => {
		const faciContext = await newPerson(browser, baseURL!);
		const request = await signUp(faciContext, 'Fay Ortiz');
		const board = await createBoard(request, 'E2E: payment retries stormed the ledger');
		const fay = await openBoard(faciContext, board.id);
		const pat = await joinAsGuest(
			await newPerson(browser, baseURL!),
			await inviteLink(request, board.id, 'participant'),
			'Pat Kim'
		);
		const obe = await joinAsGuest(
			await newPerson(browser, baseURL!),
			await inviteLink(request, board.id, 'observer'),
			'Obe Ndiaye'
		);
		const everyone = [fay, pat, obe];

		// Before the start: a draft with the blameless agenda; only the facilitator has controls.
		for (const page of everyone) {
			await expect(page.getByTestId('meeting-bar')).toHaveAttribute('data-status', 'draft');
		}
		await expect(pat.getByTestId('facilitator-bar')).toHaveCount(0);
		await expect(fay.getByTestId('facilitator-cue')).toBeVisible();

		// Start: the opening works on the overview, and the observer, who follows, goes there.
		await fay.getByTestId('meeting-start').click();
		for (const page of everyone) {
			await expect(page.getByTestId('current-stage')).toHaveText('Opening & ground rules');
		}
		await expect(obe).toHaveURL(/\/overview$/);
		await expect(obe.getByTestId('follow-indicator')).toContainText('Following Fay Ortiz');

		// Next: the timeline. Pat stays where they are (participants do not follow by default).
		await fay.getByTestId('stage-next').click();
		await expect(obe).toHaveURL(/\/timeline$/);
		await pat.getByTestId('section-link-timeline').click();
		await expect(pat.getByTestId('timeline-add-form')).toBeVisible();
		await expect(pat.getByTestId('section-lock')).toHaveCount(0);

		// The timer counts down in every context, and they agree (one server clock).
		const first = await Promise.all(everyone.map(remainingMs));
		await fay.waitForTimeout(1500);
		const later = await Promise.all(everyone.map(remainingMs));
		for (const [i, ms] of later.entries()) {
			expect(ms).toBeLessThan(first[i]!);
			expect(ms).toBeGreaterThan(11 * 60_000); // a 12-minute box, just started
		}
		expect(Math.max(...later) - Math.min(...later)).toBeLessThan(1500);

		// Next again: the timeline is finished and locks. Within a second Pat sees it read-only
		// with who locked it, and the observer's view is on root causes.
		await fay.getByTestId('stage-next').click();
		await expect(pat.getByTestId('section-lock')).toBeVisible({ timeout: 1000 });
		await expect(pat.getByTestId('lock-by')).toContainText('Fay Ortiz', { timeout: 1000 });
		await expect(pat.getByTestId('timeline-add-form')).toHaveCount(0, { timeout: 1000 });
		await expect(obe).toHaveURL(/\/rca$/, { timeout: 1000 });
		await expect(obe.getByTestId('current-stage')).toHaveText('Root cause analysis', {
			timeout: 1000
		});
		await expect(pat.getByTestId('section-link-timeline').getByText('Locked')).toBeVisible();

		// Pat raises a hand; it appears in Fay's queue, and Fay calls Pat.
		await pat.getByTestId('hand-toggle').click();
		await expect(pat.getByTestId('hand-toggle')).toContainText('1st');
		const queue = fay.getByTestId('speaking-queue');
		await expect(queue.getByTestId('queue-hand')).toHaveCount(1, { timeout: 1000 });
		await expect(queue.getByTestId('queue-hand')).toContainText('Pat Kim');
		await fay.getByTestId('queue-call-next').click();
		for (const page of everyone) {
			await expect(page.getByTestId('now-speaking')).toContainText('Pat Kim');
		}
		await expect(queue.getByTestId('queue-hand')).toHaveCount(0);

		// The observer steps out by opening another section, and back in.
		await obe.getByTestId('section-link-actions').click();
		await expect(obe.getByTestId('follow-start')).toBeVisible();
		await obe.getByTestId('follow-start').click();
		await expect(obe).toHaveURL(/\/rca$/);
	});
});
