import { createSubscriber } from 'svelte/reactivity';
import type { Awareness } from 'y-protocols/awareness';
import type { Identity } from '$lib/identity.svelte.ts';

/** Someone on the board, as the presence bar shows them. */
export interface Person {
	/** Stable key for lists: the awareness client id of their first tab. */
	key: number;
	name: string;
	color: string;
	/** Section they are looking at, or null when unknown. */
	section: string | null;
	/** Field they are editing (`<section>:<field>`), or null. */
	field: string | null;
	self: boolean;
	/** Open tabs of this person (same name); shown once. */
	tabs: number;
}

/** The awareness state we publish: `user` as y-websocket's ecosystem expects, plus `section`. */
interface AwarenessFields {
	user?: { name?: unknown; color?: unknown };
	section?: unknown;
	field?: unknown;
}

/**
 * Who is on the board, over one section's awareness. `people` is plain data, re-read on every
 * awareness change while some effect reads it.
 */
export class Presence {
	readonly #awareness: Awareness;
	readonly #subscribe: () => void;

	constructor(awareness: Awareness) {
		this.#awareness = awareness;
		this.#subscribe = createSubscriber((update) => {
			// 'change' fires when someone joins, leaves or changes fields; not on the 15 s heartbeats.
			awareness.on('change', update);
			return () => awareness.off('change', update);
		});
	}

	/** Publishes who we are and where we are; null identity withdraws our presence. */
	announce(identity: Identity | null, section: string): void {
		if (!identity) {
			this.#awareness.setLocalState(null);
			return;
		}
		// Field by field: the same awareness may carry our caret (`cursor`) and focused field.
		this.#awareness.setLocalStateField('user', { name: identity.name, color: identity.color });
		this.#awareness.setLocalStateField('section', section);
	}

	/** Publishes the field we are editing (`<section>:<field>`), or null when none. */
	focus(field: string | null): void {
		if (this.#awareness.getLocalState() === null) return;
		if ((this.#awareness.getLocalState() as AwarenessFields).field === field) return;
		this.#awareness.setLocalStateField('field', field);
	}

	/** Everyone present, you first, then by name. A person with two tabs is shown once. */
	get people(): Person[] {
		this.#subscribe();
		const self = this.#awareness.clientID;
		// A scratch map inside a getter, never stored: nothing reactive to track.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const byName = new Map<string, Person>();
		for (const [clientId, raw] of this.#awareness.getStates()) {
			const state = raw as AwarenessFields;
			const name = typeof state.user?.name === 'string' ? state.user.name.trim() : '';
			if (!name) continue; // connected but not announced (still choosing a name)
			const existing = byName.get(name);
			if (existing) {
				existing.tabs++;
				existing.self ||= clientId === self;
				if (typeof state.field === 'string') existing.field ??= state.field;
				continue;
			}
			byName.set(name, {
				key: clientId,
				name,
				color: typeof state.user?.color === 'string' ? state.user.color : '#666',
				section: typeof state.section === 'string' ? state.section : null,
				field: typeof state.field === 'string' ? state.field : null,
				self: clientId === self,
				tabs: 1
			});
		}
		return [...byName.values()].sort(
			(a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name)
		);
	}
}
