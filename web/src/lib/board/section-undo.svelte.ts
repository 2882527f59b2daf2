import { createSubscriber } from 'svelte/reactivity';
import * as Y from 'yjs';

/**
 * Undo and redo of one's own edits in one section. Tracks only transactions whose origin is
 * `origin` (the section's state object, which every writer and text binding of this tab passes),
 * so Ctrl+Z never takes back what someone else typed. Edits within half a second group into one
 * step, as in a text editor.
 */
export class SectionUndo {
	readonly #manager: Y.UndoManager;
	readonly #subscribe: () => void;

	/** `scope`: the section's document (each section is its own doc, so all of it). */
	constructor(scope: Y.Doc, origin: unknown) {
		this.#manager = new Y.UndoManager(scope, {
			// Handed to Yjs, never read reactively.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			trackedOrigins: new Set([origin]),
			captureTimeout: 500
		});
		const manager = this.#manager;
		this.#subscribe = createSubscriber((update) => {
			const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
			for (const e of events) manager.on(e, update);
			return () => {
				for (const e of events) manager.off(e, update);
			};
		});
	}

	get canUndo(): boolean {
		this.#subscribe();
		return this.#manager.canUndo();
	}

	get canRedo(): boolean {
		this.#subscribe();
		return this.#manager.canRedo();
	}

	undo(): boolean {
		return this.#manager.undo() !== null;
	}

	redo(): boolean {
		return this.#manager.redo() !== null;
	}

	/** Ends the current group, so the next edit is a step of its own (e.g. after a blur). */
	stopCapturing(): void {
		this.#manager.stopCapturing();
	}

	destroy(): void {
		this.#manager.destroy();
	}
}
