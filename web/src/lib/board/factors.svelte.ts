import {
	addFactor,
	factorText,
	observeFactors,
	readFactors,
	removeFactor,
	updateFactor,
	voteFactor,
	votesLeft,
	type Factor,
	type FactorResult
} from '@debrief/doc';
import type { TextBinding } from '$lib/sync/text-binding.svelte.ts';
import { LiveView } from './live-view.svelte.ts';
import { SectionState, type SectionContext } from './section-state.svelte.ts';

/** Contributing factors for components, with this person's dot votes. */
export class FactorsState extends SectionState {
	readonly section = 'factors' as const;
	readonly #view: LiveView<Factor[]>;

	constructor(ctx: SectionContext) {
		super(ctx);
		this.#view = new LiveView(
			(onChange) => observeFactors(this.doc, onChange),
			() => readFactors(this.doc)
		);
	}

	get items(): Factor[] {
		return this.#view.value;
	}

	/** Dots this person has left; 0 before we know who they are. */
	get votesLeft(): number {
		const id = this.userId;
		return id ? votesLeft(this.items, id) : 0;
	}

	/** This person's dots on a factor. */
	myVotes(factor: Factor): number {
		const id = this.userId;
		return id ? (factor.voters[id] ?? 0) : 0;
	}

	text(id: string): TextBinding | null {
		return this.bindText(id, factorText(this.doc, id));
	}

	add(text: string, category: string, causeIds: string[] = []): FactorResult<{ id: string }> {
		this.undo.stopCapturing();
		return addFactor(this.doc, { text, category, causeIds, author: this.author }, this);
	}

	update(
		id: string,
		patch: { text?: string; category?: string; causeIds?: string[] }
	): FactorResult {
		return updateFactor(this.doc, id, patch, this);
	}

	vote(id: string, delta: 1 | -1): FactorResult<{ left: number }> {
		const voter = this.userId;
		if (!voter) return { ok: false, reason: 'invalid-voter' };
		this.undo.stopCapturing();
		return voteFactor(this.doc, id, voter, delta, this);
	}

	remove(id: string): FactorResult {
		this.undo.stopCapturing();
		return removeFactor(this.doc, id, this);
	}
}
