import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { EditableSectionId } from '@debrief/doc';
import { TextBinding, type CaretUser } from '$lib/sync/text-binding.svelte.ts';
import { SectionUndo } from './section-undo.svelte.ts';

/** Who writes: the account's name (author fields), id (votes) and color (carets). */
export interface Writer {
	name: string;
	color: string;
	userId: string | null;
}

/** What every section state is built from. */
export interface SectionContext {
	doc: Y.Doc;
	/** The section socket's awareness: carets travel here. */
	awareness: Awareness;
	/** Read at write time, so a name known later is used from then on. */
	writer: () => Writer | null;
}

/**
 * What the section states share: the document, undo of our own edits (every write passes `this`
 * as the transaction origin), and one text binding per shared text field. Components never see
 * the Y.Doc; they get plain data, methods, and bindings for `{@attach}`.
 */
export abstract class SectionState {
	abstract readonly section: EditableSectionId;
	protected readonly doc: Y.Doc;
	readonly undo: SectionUndo;
	readonly #awareness: Awareness;
	readonly #writer: () => Writer | null;
	// A cache, never read reactively: a plain Map is right.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #bindings = new Map<string, TextBinding>();

	constructor(ctx: SectionContext) {
		this.doc = ctx.doc;
		this.#awareness = ctx.awareness;
		this.#writer = ctx.writer;
		this.undo = new SectionUndo(ctx.doc, this);
	}

	/** The display name stored as author. */
	protected get author(): string {
		return this.#writer()?.name ?? 'Someone';
	}

	/** The account id, for votes; null before we know who we are. */
	protected get userId(): string | null {
		return this.#writer()?.userId ?? null;
	}

	/**
	 * The binding for a shared text, cached per key. A text replaced under the same key (an item
	 * restored by undo is a new Y.Text) gets a new binding, so the element re-attaches to it.
	 */
	protected bindText(key: string, text: Y.Text | null): TextBinding | null {
		if (!text) return null;
		const cached = this.#bindings.get(key);
		if (cached && cached.text === text) return cached;
		const binding = new TextBinding({
			text,
			field: `${this.section}:${key}`,
			awareness: this.#awareness,
			origin: this,
			user: (): CaretUser | null => {
				const w = this.#writer();
				return w ? { name: w.name, color: w.color } : null;
			}
		});
		this.#bindings.set(key, binding);
		return binding;
	}
}
