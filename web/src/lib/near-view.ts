import type { Attachment } from 'svelte/attachments';

/**
 * Work an element needs only once it is on screen or about to be: the language hints of a
 * timeline row. One observer serves every element. Each runs once, after the frame that brought
 * it near has been painted (observer callbacks come after rendering), so a long list paints its
 * rows first and underlines them a moment later, and a row scrolled or jumped to is checked at
 * once instead of after every row above it.
 */
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

function shared(): IntersectionObserver {
	observer ??= new IntersectionObserver(
		(seen) => {
			for (const entry of seen) {
				if (!entry.isIntersecting) continue;
				const run = waiting.get(entry.target);
				waiting.delete(entry.target);
				observer?.unobserve(entry.target);
				run?.();
			}
		},
		// Half a screen above and below: what a scroll is about to show is ready when it does.
		{ rootMargin: '50% 0px' }
	);
	return observer;
}

/** An attachment that runs `run` once, when its element first comes within half a screen. */
export function whenNearView(run: () => void): Attachment<Element> {
	return (element) => {
		waiting.set(element, run);
		shared().observe(element);
		return () => {
			waiting.delete(element);
			observer?.unobserve(element);
		};
	};
}
