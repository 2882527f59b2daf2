import {
	discussionNotesText,
	markParkedMoved,
	observeDiscussion,
	parkedText,
	parkItem,
	readDiscussion,
	removeParkedItem,
	type Discussion,
	type DiscussionResult
} from '@debrief/doc';
import type { TextBinding } from '$lib/sync/text-binding.svelte.ts';
import { LiveView } from './live-view.svelte.ts';
import { SectionState, type SectionContext } from './section-state.svelte.ts';

/** The parking lot and the open discussion notes, for components. */
export class DiscussionState extends SectionState {
	readonly section = 'discussion' as const;
	readonly #view: LiveView<Discussion>;

	constructor(ctx: SectionContext) {
		super(ctx);
		this.#view = new LiveView(
			(onChange) => observeDiscussion(this.doc, onChange),
			() => readDiscussion(this.doc)
		);
	}

	get value(): Discussion {
		return this.#view.value;
	}

	/** Points still waiting in the lot. */
	get waiting(): number {
		return this.value.parking.filter((p) => p.movedTo === '').length;
	}

	notes(): TextBinding {
		return this.bindText('notes', discussionNotesText(this.doc))!;
	}

	itemText(id: string): TextBinding | null {
		return this.bindText(`item-${id}`, parkedText(this.doc, id));
	}

	/** Parks a point raised while `from` was on screen. */
	park(text: string, from: string): DiscussionResult<{ id: string }> {
		this.undo.stopCapturing();
		return parkItem(this.doc, { text, from, author: this.author }, this);
	}

	markMoved(id: string, to: string): DiscussionResult {
		return markParkedMoved(this.doc, id, to, this);
	}

	remove(id: string): DiscussionResult {
		this.undo.stopCapturing();
		return removeParkedItem(this.doc, id, this);
	}
}
