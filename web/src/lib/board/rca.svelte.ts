import { SvelteSet } from 'svelte/reactivity';
import {
	addRcaEvidence,
	addRcaNode,
	flattenRcaTree,
	indentRcaNode,
	moveRcaNode,
	observeRca,
	outdentRcaNode,
	rcaNodeText,
	readRcaTree,
	removeRcaEvidence,
	removeRcaNode,
	shiftRcaNode,
	updateRcaNode,
	type RcaResult,
	type RcaTree,
	type RcaTreeNode
} from '@debrief/doc';
import type { TextBinding } from '$lib/sync/text-binding.svelte.ts';
import { LiveView } from './live-view.svelte.ts';
import { SectionState, type SectionContext } from './section-state.svelte.ts';

/**
 * The root cause tree for components. Collapsing is this viewer's own choice (not shared): one
 * person folding a branch to think must not fold it for the room.
 */
export class RcaState extends SectionState {
	readonly section = 'rca' as const;
	readonly #view: LiveView<RcaTree>;
	readonly collapsed = new SvelteSet<string>();

	constructor(ctx: SectionContext) {
		super(ctx);
		this.#view = new LiveView(
			(onChange) => observeRca(this.doc, onChange),
			() => readRcaTree(this.doc)
		);
	}

	get tree(): RcaTree {
		return this.#view.value;
	}

	/** Outline rows in reading order, without what is under collapsed nodes. */
	get rows(): RcaTreeNode[] {
		return flattenRcaTree(this.tree, this.collapsed);
	}

	text(id: string): TextBinding | null {
		return this.bindText(id, rcaNodeText(this.doc, id));
	}

	toggle(id: string): void {
		if (this.collapsed.has(id)) this.collapsed.delete(id);
		else this.collapsed.add(id);
	}

	add(
		parentId: string,
		opts: { text?: string; kind?: string; after?: string | null } = {}
	): RcaResult<{ id: string }> {
		this.undo.stopCapturing();
		if (parentId) this.collapsed.delete(parentId);
		return addRcaNode(this.doc, { parentId, ...opts }, this);
	}

	/** A sibling right after `id`. */
	addSibling(id: string): RcaResult<{ id: string }> {
		const node = this.tree.byId.get(id);
		return this.add(node?.effectiveParentId ?? '', { after: id, kind: node?.kind });
	}

	update(id: string, patch: { text?: string; kind?: string; isRootCause?: boolean }): RcaResult {
		return updateRcaNode(this.doc, id, patch, this);
	}

	indent(id: string): RcaResult {
		const r = indentRcaNode(this.doc, id, this);
		const parent = this.tree.byId.get(id)?.effectiveParentId;
		if (r.ok && parent) this.collapsed.delete(parent);
		return r;
	}

	outdent(id: string): RcaResult {
		return outdentRcaNode(this.doc, id, this);
	}

	shift(id: string, delta: -1 | 1): RcaResult {
		return shiftRcaNode(this.doc, id, delta, this);
	}

	move(id: string, parentId: string): RcaResult {
		return moveRcaNode(this.doc, id, { parentId }, this);
	}

	remove(id: string): RcaResult<{ removed: number }> {
		this.undo.stopCapturing();
		return removeRcaNode(this.doc, id, this);
	}

	citeEvent(id: string, eventId: string): RcaResult<{ id: string }> {
		return addRcaEvidence(this.doc, id, { kind: 'event', eventId }, this);
	}

	addLink(id: string, url: string, note: string): RcaResult<{ id: string }> {
		return addRcaEvidence(this.doc, id, { kind: 'link', url, note }, this);
	}

	removeEvidence(id: string, evidenceId: string): RcaResult {
		return removeRcaEvidence(this.doc, id, evidenceId, this);
	}
}
