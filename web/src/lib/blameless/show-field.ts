import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { tick } from 'svelte';
import type { FieldText } from './board-texts.ts';

/** Opens the field's section and scrolls the field into view, briefly marked. */
export async function showField(boardId: string, item: FieldText): Promise<void> {
	await goto(resolve('/boards/[id]/[[section=section]]', { id: boardId, section: item.section }));
	await tick();
	const el = item.selector ? document.querySelector<HTMLElement>(item.selector) : null;
	if (!el) return;
	el.scrollIntoView({ block: 'center', behavior: 'smooth' });
	el.animate(
		[
			{ background: 'color-mix(in srgb, var(--warn) 14%, transparent)' },
			{ background: 'transparent' }
		],
		1600
	);
}
