/**
 * Places a popover (top layer, `position: fixed`) just below `anchor`, or above it when there is
 * no room below, kept inside the viewport. Follows scrolling and resizing until the returned
 * cleanup runs.
 */
export function placeBelow(card: HTMLElement, anchor: HTMLElement): () => void {
	const place = (): void => {
		const a = anchor.getBoundingClientRect();
		const c = card.getBoundingClientRect();
		const gap = 4;
		const below = a.bottom + gap + c.height <= window.innerHeight;
		const top = below ? a.bottom + gap : Math.max(gap, a.top - gap - c.height);
		const left = Math.min(Math.max(gap, a.left), window.innerWidth - c.width - gap);
		card.style.top = `${top}px`;
		card.style.left = `${Math.max(gap, left)}px`;
	};
	card.showPopover();
	place();
	window.addEventListener('scroll', place, true);
	window.addEventListener('resize', place);
	return () => {
		window.removeEventListener('scroll', place, true);
		window.removeEventListener('resize', place);
		if (card.isConnected && card.matches(':popover-open')) card.hidePopover();
	};
}

/** Style properties that decide where text wraps and sits inside an input or textarea. */
const MIRRORED = [
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'font-variant',
	'line-height',
	'letter-spacing',
	'word-spacing',
	'text-indent',
	'text-transform',
	'tab-size',
	'padding-top',
	'padding-right',
	'padding-bottom',
	'padding-left',
	'border-top-width',
	'border-right-width',
	'border-bottom-width',
	'border-left-width',
	'border-top-style',
	'border-right-style',
	'border-bottom-style',
	'border-left-style',
	'box-sizing',
	'direction'
] as const;

/**
 * Keeps `overlay` exactly over `field` with the same text metrics, so runs of transparent text in
 * it land on the field's own letters: the underlines drawn under them line up with what is typed.
 */
export function mirrorField(overlay: HTMLElement, field: HTMLInputElement | HTMLTextAreaElement) {
	const sync = (): void => {
		const cs = getComputedStyle(field);
		for (const p of MIRRORED) overlay.style.setProperty(p, cs.getPropertyValue(p));
		overlay.style.borderColor = 'transparent';
		// Relative to the overlay's own containing box: the field may sit in another positioned
		// element (a collaborative field with carets), so its offsetLeft would be off.
		const parent = overlay.offsetParent;
		const p = parent?.getBoundingClientRect();
		const f = field.getBoundingClientRect();
		overlay.style.left = `${f.left - (p?.left ?? 0) - (parent?.clientLeft ?? 0)}px`;
		overlay.style.top = `${f.top - (p?.top ?? 0) - (parent?.clientTop ?? 0)}px`;
		overlay.style.width = `${field.offsetWidth}px`;
		overlay.style.height = `${field.offsetHeight}px`;
		// A scrollbar takes width from the text: give the overlay the same inner width.
		const bars =
			field.offsetWidth -
			field.clientWidth -
			parseFloat(cs.borderLeftWidth) -
			parseFloat(cs.borderRightWidth);
		overlay.style.paddingRight = `${parseFloat(cs.paddingRight) + Math.max(0, bars)}px`;
		overlay.style.whiteSpace = field instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre';
		// An input clips its text at its content box (a textarea at its border): without this, an
		// underline scrolled half out of a long line would show in the padding.
		const side = (s: 'left' | 'right'): number =>
			parseFloat(cs.getPropertyValue(`border-${s}-width`)) +
			parseFloat(cs.getPropertyValue(`padding-${s}`));
		overlay.style.clipPath =
			field instanceof HTMLInputElement ? `inset(0 ${side('right')}px 0 ${side('left')}px)` : '';
		overlay.scrollTop = field.scrollTop;
		overlay.scrollLeft = field.scrollLeft;
	};
	const onScroll = (): void => {
		overlay.scrollTop = field.scrollTop;
		overlay.scrollLeft = field.scrollLeft;
	};
	sync();
	const ro = new ResizeObserver(sync);
	ro.observe(field);
	field.addEventListener('scroll', onScroll);
	// An input scrolls its text sideways as the caret moves, without a scroll event.
	field.addEventListener('input', onScroll);
	field.addEventListener('keyup', onScroll);
	return () => {
		ro.disconnect();
		field.removeEventListener('scroll', onScroll);
		field.removeEventListener('input', onScroll);
		field.removeEventListener('keyup', onScroll);
	};
}
