/**
 * Lists that draw their first screen at once and the rest later (the timeline) register here, so
 * a jump to an item they have not drawn yet (the hints panel's "Show") still lands: the list
 * draws up to it, then hands back its element.
 */
export type Revealer = (selector: string) => Promise<HTMLElement | null>;

const revealers = new Set<Revealer>();

/** Registers a list while it is mounted; returns the unregister function (an effect's cleanup). */
export function addRevealer(reveal: Revealer): () => void {
	revealers.add(reveal);
	return () => {
		revealers.delete(reveal);
	};
}

/** The element for `selector`: at once if it is in the page, else once the list holding it draws it. */
export async function findElement(selector: string): Promise<HTMLElement | null> {
	const found = document.querySelector<HTMLElement>(selector);
	if (found) return found;
	for (const reveal of revealers) {
		const el = await reveal(selector);
		if (el) return el;
	}
	return null;
}

/**
 * Scrolls an element to the middle of the screen: smoothly when it is near, at once when it is
 * far or the person prefers less motion. Rows off screen are sized by estimate until drawn
 * (`content-visibility`), so a long smooth scroll lays out rows on its way and the element ends
 * up away from where the scroll was aimed.
 */
export function scrollToElement(element: HTMLElement): void {
	const offset = element.getBoundingClientRect().top - innerHeight / 2;
	const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
	const far = Math.abs(offset) > 2 * innerHeight;
	element.scrollIntoView({ block: 'center', behavior: still || far ? 'instant' : 'smooth' });
}
