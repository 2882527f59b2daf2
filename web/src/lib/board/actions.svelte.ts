import {
	actionTitleText,
	addAction,
	observeActions,
	readActions,
	removeAction,
	updateAction,
	type ActionInput,
	type ActionItem,
	type ActionResult
} from '@debrief/doc';
import type { TextBinding } from '$lib/sync/text-binding.svelte.ts';
import { LiveView } from './live-view.svelte.ts';
import { SectionState, type SectionContext } from './section-state.svelte.ts';

/** Action items for components. */
export class ActionsState extends SectionState {
	readonly section = 'actions' as const;
	readonly #view: LiveView<ActionItem[]>;

	constructor(ctx: SectionContext) {
		super(ctx);
		this.#view = new LiveView(
			(onChange) => observeActions(this.doc, onChange),
			() => readActions(this.doc)
		);
	}

	get items(): ActionItem[] {
		return this.#view.value;
	}

	title(id: string): TextBinding | null {
		return this.bindText(id, actionTitleText(this.doc, id));
	}

	add(input: ActionInput): ActionResult<{ id: string }> {
		this.undo.stopCapturing();
		return addAction(this.doc, { ...input, author: this.author }, this);
	}

	update(id: string, patch: Partial<ActionInput>): ActionResult {
		return updateAction(this.doc, id, patch, this);
	}

	remove(id: string): ActionResult {
		this.undo.stopCapturing();
		return removeAction(this.doc, id, this);
	}
}
