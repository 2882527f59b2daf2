import { createContext } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import {
	createChecker,
	dismissalKey,
	type Checker,
	findingKey,
	openFindings,
	type Finding
} from '@debrief/blameless';
import { SectionId, type EditableSectionId } from '@debrief/doc';

/** Root map, in each section's document, of dismissed findings: dismissalKey -> who and when. */
const DISMISSED_MAP = 'blameless';
/** Root map of board settings in the overview document, and our key in it. */
const SETTINGS_MAP = 'settings';
const ENABLED_KEY = 'blamelessHints';

/** Origin of our writes: not a section state, so a section's undo never takes a dismissal back. */
const ORIGIN = Symbol('blameless');

/** What a dismissal records. */
export interface Dismissal {
	by: string;
	at: string;
}

/**
 * The blameless language assistant of one board. Checks text with the board's names, and keeps
 * "this is fine here" dismissals in the document of the section the field belongs to, so they
 * sync to every participant (and are refused with the section when it is locked). The per-board
 * switch lives in the overview document's `settings` map: everyone sees the same setting.
 *
 * A meeting aid, not a record: export reads sections through @debrief/doc's readers, which know
 * nothing of these maps.
 */
export class BlamelessAssist {
	readonly #doc: (section: EditableSectionId) => Y.Doc | null;
	readonly #names: () => readonly string[];
	// Subscribers per shared map: a cache, never read reactively.
	readonly #subscribers = new WeakMap<Y.Map<unknown>, () => void>();
	/** Recompiled when the names change (someone joins, a responder is added). */
	readonly #check: Checker;

	constructor(opts: {
		/** The current document of a section (replaced after a refused write). */
		doc: (section: EditableSectionId) => Y.Doc | null;
		/** Names the board knows: members present, authors, responders. */
		names: () => readonly string[];
	}) {
		this.#doc = opts.doc;
		this.#names = opts.names;
		// Keyed by the names as one string: a new event by a known author must not rebuild it.
		const namesKey = $derived(this.#names().join('\n'));
		this.#check = $derived(createChecker({ names: namesKey.split('\n') }));
	}

	/** A root map of a section's document, read reactively. */
	#map(section: EditableSectionId, name: string): Y.Map<unknown> | null {
		const doc = this.#doc(section);
		if (!doc) return null;
		const map = doc.getMap<unknown>(name);
		let subscribe = this.#subscribers.get(map);
		if (!subscribe) {
			subscribe = createSubscriber((update) => {
				map.observe(update);
				return () => map.unobserve(update);
			});
			this.#subscribers.set(map, subscribe);
		}
		subscribe();
		return map;
	}

	/** Whether hints show on this board (on unless someone turned them off). */
	get enabled(): boolean {
		return this.#map(SectionId.overview, SETTINGS_MAP)?.get(ENABLED_KEY) !== false;
	}

	/** Turns hints on or off for everyone on the board. */
	setEnabled(on: boolean): void {
		const map = this.#map(SectionId.overview, SETTINGS_MAP);
		map?.doc?.transact(() => map.set(ENABLED_KEY, on), ORIGIN);
	}

	/** Every finding in `text`, dismissed or not (pure: no document read). */
	check(text: string): Finding[] {
		return this.#check(text);
	}

	/** The findings of one field that nobody has dismissed; none while hints are off. */
	open(section: EditableSectionId, field: string, text: string): Finding[] {
		if (!this.enabled || !text.trim()) return [];
		const findings = this.check(text);
		if (findings.length === 0) return findings;
		const dismissed = this.#map(section, DISMISSED_MAP);
		return dismissed ? openFindings(field, text, findings, dismissed) : findings;
	}

	/** How many findings of a section were dismissed; read it to re-run when that changes. */
	dismissedCount(section: EditableSectionId): number {
		return this.#map(section, DISMISSED_MAP)?.size ?? 0;
	}

	/** "This is fine here": hides one finding of one field, for everyone. */
	dismiss(section: EditableSectionId, field: string, text: string, finding: Finding, by: string) {
		this.dismissKeys(section, field, [findingKey(text, finding)], by);
	}

	/** Stores dismissals by finding key (a new event keeps what was dismissed while drafting it). */
	dismissKeys(section: EditableSectionId, field: string, keys: Iterable<string>, by: string) {
		const map = this.#map(section, DISMISSED_MAP);
		if (!map?.doc) return;
		// Only its ISO string is kept: no reactive date needed.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const value: Dismissal = { by, at: new Date().toISOString() };
		map.doc.transact(() => {
			for (const key of keys) map.set(dismissalKey(field, key), value);
		}, ORIGIN);
	}
}

/** What fields need from the board: the assist, and whether they may write to a section. */
export interface BlamelessContext {
	assist: () => BlamelessAssist | null;
	/** False for observers and locked sections: hints show, "fine here" does not. */
	canDismiss: (section: EditableSectionId) => boolean;
	/** Who dismisses (stored with the dismissal). */
	who: () => string;
}

const [getContext, setContext] = createContext<BlamelessContext>();

/** Board layout: makes the assist available to every hinted field below it. */
export const setBlamelessContext = setContext;

/** Hinted fields: the board's assist, or null outside a board (the field then shows no hints). */
export function useBlameless(): BlamelessContext | null {
	try {
		return getContext();
	} catch {
		return null;
	}
}
