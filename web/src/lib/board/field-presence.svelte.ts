import { createContext } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { Person } from './presence.svelte.ts';

/**
 * Which field each person is editing: components mark a field with `{@attach fieldFocus(key)}`,
 * and read who else is in it with `others(key)`. Keys are `<section>:<field>`, the same keys text
 * bindings use for carets. Provided by the section page, so every component reaches it without
 * threading props through each level.
 */
export interface FieldPresence {
	focus(key: string | null): void;
	/** Other people (not you) editing `key` right now. */
	others(key: string): Person[];
}

const [getFieldPresence, setFieldPresence] = createContext<FieldPresence>();
export { setFieldPresence };

/** The board's field presence; a no-op outside a board page (e.g. in isolation). */
export function useFieldPresence(): FieldPresence {
	try {
		return getFieldPresence();
	} catch {
		return { focus: () => {}, others: () => [] };
	}
}

/** Publishes `key` as our field while focus is anywhere inside the element. */
export function fieldFocus(presence: FieldPresence, key: string): Attachment<HTMLElement> {
	return (el) => {
		const onIn = (): void => presence.focus(key);
		const onOut = (e: FocusEvent): void => {
			if (!(e.relatedTarget instanceof Node && el.contains(e.relatedTarget))) presence.focus(null);
		};
		el.addEventListener('focusin', onIn);
		el.addEventListener('focusout', onOut);
		return () => {
			el.removeEventListener('focusin', onIn);
			el.removeEventListener('focusout', onOut);
			if (el.contains(document.activeElement)) presence.focus(null);
		};
	};
}
