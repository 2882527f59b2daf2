import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { tick } from 'svelte';
import { findElement, scrollToElement } from '$lib/reveal.ts';
import type { FieldText } from './board-texts.ts';

/** Opens the field's section and scrolls the field into view, briefly marked. */
export async function showField(boardId: string, item: FieldText): Promise<void> {
	await goto(resolve('/boards/[id]/[[section=section]]', { id: boardId, section: item.section }));
	await tick();
	// A long timeline draws its rows a screen at a time: findElement has it draw up to this one.
	const el = item.selector ? await findElement(item.selector) : null;
	if (!el) return;
	scrollToElement(el);
	el.animate(
		[
			{ background: 'color-mix(in srgb, var(--warn) 14%, transparent)' },
			{ background: 'transparent' }
		],
		1600
	);
}
