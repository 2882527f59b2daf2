import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import {
	addTimelineEntry,
	observeTimeline,
	readTimeline,
	removeTimelineEntry,
	updateTimelineEntry,
	type TimelineEntry,
	type TimelinePatch,
	type TimelineResult
} from '@debrief/doc';

/** What the add form gives; the author is filled in from the current identity. */
export interface NewTimelineEntry {
	at: string;
	kind: string;
	text: string;
	source: string;
}

/**
 * The timeline section for components: `entries` is plain, sorted data that re-renders whatever
 * reads it when the document changes (local or remote); the methods call @debrief/doc's writers.
 * Components never see the Y.Doc.
 */
export class TimelineState {
	readonly #doc: Y.Doc;
	readonly #author: () => string;
	readonly #subscribe: () => void;
	/** Cached plain view; valid only while observing, because only then do we hear of changes. */
	#cache: TimelineEntry[] | null = null;
	#observing = false;

	/** `author` is read at write time, so a name set later is used from then on. */
	constructor(doc: Y.Doc, author: () => string) {
		this.#doc = doc;
		this.#author = author;
		// Observe the document only while some effect reads `entries`: the first reader starts
		// observeDeep, the last one to go away stops it (svelte/reactivity's MediaQuery pattern).
		this.#subscribe = createSubscriber((update) => {
			this.#observing = true;
			const stop = observeTimeline(this.#doc, () => {
				this.#cache = null;
				update();
			});
			return () => {
				stop();
				this.#observing = false;
				this.#cache = null;
			};
		});
	}

	/** All entries, sorted by time. */
	get entries(): TimelineEntry[] {
		this.#subscribe();
		if (this.#cache) return this.#cache;
		const entries = readTimeline(this.#doc);
		if (this.#observing) this.#cache = entries;
		return entries;
	}

	add(input: NewTimelineEntry): TimelineResult<{ id: string }> {
		return addTimelineEntry(this.#doc, { ...input, author: this.#author() }, this);
	}

	update(id: string, patch: TimelinePatch): TimelineResult {
		return updateTimelineEntry(this.#doc, id, patch, this);
	}

	/** Deletes an entry and returns what it held, for undo; null when it was already gone. */
	remove(id: string): TimelineEntry | null {
		const entry = readTimeline(this.#doc).find((e) => e.id === id) ?? null;
		const r = removeTimelineEntry(this.#doc, id, this);
		return r.ok ? entry : null;
	}

	/** Puts back an entry deleted by `remove`, under the same id and author. */
	restore(entry: TimelineEntry): TimelineResult<{ id: string }> {
		return addTimelineEntry(this.#doc, entry, this);
	}
}
