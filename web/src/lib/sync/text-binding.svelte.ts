import { createSubscriber } from 'svelte/reactivity';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { diffText } from '@debrief/doc';

/** Who this tab is, as carets show it. */
export interface CaretUser {
	name: string;
	color: string;
}

/** Someone else's caret in this field, as a character index. */
export interface RemoteCaret {
	/** Awareness client id: stable key for lists. */
	key: number;
	name: string;
	color: string;
	index: number;
}

/** The awareness field a binding publishes while its element has focus. */
interface CursorState {
	field: string;
	anchor: unknown;
	head: unknown;
}

type Delta = { insert?: string | object; retain?: number; delete?: number }[];
type TextElement = HTMLInputElement | HTMLTextAreaElement;

/**
 * Where position `index` of the text before `delta` is after it. An insert exactly at `index`
 * pushes it along only when `after` (a selection end grows to take in what lands at its edge).
 */
export function mapIndex(delta: Delta, index: number, after = false): number {
	let old = 0; // position in the text before the change
	let shift = 0;
	for (const op of delta) {
		if (old > index) break;
		if (op.retain !== undefined) old += op.retain;
		else if (op.insert !== undefined) {
			const len = typeof op.insert === 'string' ? op.insert.length : 1;
			if (old < index || (old === index && after)) shift += len;
		} else if (op.delete !== undefined) {
			if (old < index) shift -= Math.min(op.delete, index - old);
			old += op.delete;
		}
	}
	return Math.max(0, index + shift);
}

/**
 * Binds one shared `Y.Text` to an `<input>` or `<textarea>`: typing becomes minimal edits of the
 * text (origin: the section's, so undo sees them as ours), remote edits are written into the
 * element with the caret mapped so it stays where it was, and the caret is published in the
 * section's awareness so others can draw it. Kept small on purpose: no rich text, no editor
 * library. IME composition is respected: nothing is written into the element while one runs.
 */
export class TextBinding {
	readonly text: Y.Text;
	readonly field: string;
	readonly #awareness: Awareness;
	readonly #origin: unknown;
	readonly #user: () => CaretUser | null;
	readonly #subscribe: () => void;

	constructor(opts: {
		text: Y.Text;
		field: string;
		awareness: Awareness;
		origin: unknown;
		user: () => CaretUser | null;
	}) {
		this.text = opts.text;
		this.field = opts.field;
		this.#awareness = opts.awareness;
		this.#origin = opts.origin;
		this.#user = opts.user;
		const { text, awareness } = opts;
		this.#subscribe = createSubscriber((update) => {
			const onText = (): void => update();
			text.observe(onText);
			awareness.on('change', update);
			return () => {
				text.unobserve(onText);
				awareness.off('change', update);
			};
		});
	}

	/** Others' carets in this field, resolved against the current text. */
	get carets(): RemoteCaret[] {
		this.#subscribe();
		const doc = this.text.doc;
		if (!doc) return [];
		const out: RemoteCaret[] = [];
		for (const [clientId, raw] of this.#awareness.getStates()) {
			if (clientId === this.#awareness.clientID) continue;
			const state = raw as {
				cursor?: CursorState | null;
				user?: { name?: unknown; color?: unknown };
			};
			if (!state.cursor || state.cursor.field !== this.field) continue;
			const abs = Y.createAbsolutePositionFromRelativePosition(
				Y.createRelativePositionFromJSON(state.cursor.head),
				doc
			);
			if (!abs || abs.type !== this.text) continue;
			out.push({
				key: clientId,
				name: typeof state.user?.name === 'string' ? state.user.name : 'Someone',
				color: typeof state.user?.color === 'string' ? state.user.color : '#666',
				index: abs.index
			});
		}
		return out;
	}

	/** The attachment: `<textarea {@attach binding.attach}>`. Returns the cleanup. */
	attach = (el: TextElement): (() => void) => {
		const text = this.text;
		let shown = text.toString();
		el.value = shown;
		let writing = false;
		let composing = false;
		let queued: Delta[] = [];

		const render = (deltas: Delta[]): void => {
			let start = el.selectionStart ?? 0;
			let end = el.selectionEnd ?? 0;
			for (const d of deltas) {
				start = mapIndex(d, start);
				end = mapIndex(d, end, end > start);
			}
			shown = text.toString();
			el.value = shown;
			if (document.activeElement === el) el.setSelectionRange(start, end);
		};

		const write = (): void => {
			const next = el.value;
			if (next === shown) return;
			// While composing, remote edits waited; map our change past them before writing.
			const diff = diffText(shown, next);
			const insert = diff.insert;
			let { index, remove } = diff;
			for (const d of queued) {
				const end = mapIndex(d, index + remove);
				index = mapIndex(d, index);
				remove = Math.max(0, end - index);
			}
			const pending = queued;
			queued = [];
			writing = true;
			try {
				text.doc?.transact(() => {
					if (remove > 0) text.delete(index, remove);
					if (insert) text.insert(index, insert);
				}, this.#origin);
			} finally {
				writing = false;
			}
			if (pending.length > 0) {
				shown = text.toString();
				el.value = shown;
				el.setSelectionRange(index + insert.length, index + insert.length);
			} else shown = next;
			this.#publish(el);
		};

		const observer = (event: Y.YTextEvent): void => {
			if (writing) return;
			const delta = event.delta as Delta;
			if (composing) queued.push(delta);
			else render([delta]);
		};
		text.observe(observer);

		const onInput = (): void => {
			if (!composing) write();
		};
		const onCompositionStart = (): void => {
			composing = true;
		};
		const onCompositionEnd = (): void => {
			composing = false;
			write();
			if (queued.length > 0) render(queued.splice(0));
		};
		const onSelect = (): void => this.#publish(el);
		const onBlur = (): void => this.#awareness.setLocalStateField('cursor', null);
		const onSelectionChange = (): void => {
			if (document.activeElement === el) this.#publish(el);
		};
		el.addEventListener('input', onInput);
		el.addEventListener('compositionstart', onCompositionStart);
		el.addEventListener('compositionend', onCompositionEnd);
		el.addEventListener('focus', onSelect);
		el.addEventListener('keyup', onSelect);
		el.addEventListener('mouseup', onSelect);
		el.addEventListener('blur', onBlur);
		document.addEventListener('selectionchange', onSelectionChange);
		el.dataset.ytext = this.field;
		return () => {
			text.unobserve(observer);
			el.removeEventListener('input', onInput);
			el.removeEventListener('compositionstart', onCompositionStart);
			el.removeEventListener('compositionend', onCompositionEnd);
			el.removeEventListener('focus', onSelect);
			el.removeEventListener('keyup', onSelect);
			el.removeEventListener('mouseup', onSelect);
			el.removeEventListener('blur', onBlur);
			document.removeEventListener('selectionchange', onSelectionChange);
			if (document.activeElement === el) onBlur();
		};
	};

	#last = '';

	/** Publishes our caret (as positions relative to the text, so they survive concurrent edits). */
	#publish(el: TextElement): void {
		const start = el.selectionStart ?? 0;
		const end = el.selectionEnd ?? start;
		const key = `${this.field}:${start}:${end}:${this.text.length}`;
		if (key === this.#last && this.#awareness.getLocalState()?.cursor) return;
		this.#last = key;
		const user = this.#user();
		if (user) this.#awareness.setLocalStateField('user', user);
		const rel = (i: number): unknown =>
			Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(this.text, i));
		this.#awareness.setLocalStateField('cursor', {
			field: this.field,
			anchor: rel(start),
			head: rel(end)
		} satisfies CursorState);
	}
}
