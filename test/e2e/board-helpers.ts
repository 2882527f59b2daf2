import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectSynced } from './fixtures.ts';

/** Opens one section of a board in a new page and waits until the board has synced. */
export async function openSection(
	context: BrowserContext,
	boardId: string,
	section: string
): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`/boards/${boardId}/${section}`);
	await expectSynced(page);
	return page;
}

/** Goes to another section through the section nav, as a person would. */
export async function goToSection(page: Page, section: string): Promise<void> {
	await page.getByTestId(`section-link-${section}`).click();
	await expect(page).toHaveURL(new RegExp(`/${section}$`));
}
