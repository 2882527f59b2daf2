/**
 * Pixel position of a character index inside an <input> or <textarea>, relative to the element's
 * border box and its scroll: a hidden mirror element with the same text styles is laid out with
 * the text up to the index, and a marker after it is measured. Used to draw other people's carets.
 */

const COPIED = [
	'direction',
	'boxSizing',
	'width',
	'height',
	'overflowX',
	'overflowY',
	'borderTopWidth',
	'borderRightWidth',
	'borderBottomWidth',
	'borderLeftWidth',
	'borderStyle',
	'paddingTop',
	'paddingRight',
	'paddingBottom',
	'paddingLeft',
	'fontStyle',
	'fontVariant',
	'fontWeight',
	'fontStretch',
	'fontSize',
	'lineHeight',
	'fontFamily',
	'textAlign',
	'textTransform',
	'textIndent',
	'letterSpacing',
	'wordSpacing',
	'tabSize'
] as const;

let mirror: HTMLDivElement | null = null;

/** Where the caret at `index` sits: top/left in px from the element's top-left, and line height. */
export function caretCoordinates(
	el: HTMLInputElement | HTMLTextAreaElement,
	index: number
): { top: number; left: number; height: number } {
	mirror ??= document.body.appendChild(document.createElement('div'));
	const style = mirror.style;
	const computed = getComputedStyle(el);
	const isInput = el.nodeName === 'INPUT';
	for (const p of COPIED) style[p] = computed[p];
	style.position = 'absolute';
	style.visibility = 'hidden';
	style.top = '0';
	style.left = '-9999px';
	style.whiteSpace = isInput ? 'pre' : 'pre-wrap';
	style.overflowWrap = isInput ? 'normal' : 'break-word';
	if (isInput) style.height = 'auto';
	const value = el.value;
	const at = Math.max(0, Math.min(index, value.length));
	mirror.textContent = value.slice(0, at);
	const marker = document.createElement('span');
	// A zero-width space keeps the marker on the line where the caret is.
	marker.textContent = value.slice(at, at + 1) || '\u200b';
	mirror.appendChild(marker);
	const lineHeight = parseFloat(computed.lineHeight) || parseFloat(computed.fontSize) * 1.4;
	return {
		top: marker.offsetTop - el.scrollTop,
		left: marker.offsetLeft - el.scrollLeft,
		height: lineHeight
	};
}
