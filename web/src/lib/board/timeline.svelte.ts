import {
	addTimelineEntry,
	createDuplicateFinder,
	mergeTimelineEntries,
	observeTimeline,
	readTimeline,
	removeTimelineEntry,
	updateTimelineEntry,
	type DuplicateGroup,
	type PastedEvent,
	type TimelineEntry,
	type TimelinePatch,
	type TimelineResult
} from '@debrief/doc';
import { LiveView } from './live-view.svelte.ts';
import { SectionState, type SectionContext } from './section-state.svelte.ts';

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
export class TimelineState extends SectionState {
	readonly section = 'timeline' as const;
	readonly #view: LiveView<TimelineEntry[]>;
	#dupes: { entries: TimelineEntry[]; groups: DuplicateGroup[] } | null = null;
	/** Remembers each minute's comparison, so an edit re-compares one minute. */
	readonly #findDuplicates = createDuplicateFinder();
	/** The last objects handed out, by id: an unchanged entry keeps its identity across reads. */
	// A cache for the read, never read reactively.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#previous = new Map<string, TimelineEntry>();

	constructor(ctx: SectionContext) {
		super(ctx);
		this.#view = new LiveView(
			(onChange) => observeTimeline(this.doc, onChange),
			() => this.#read()
		);
	}

	/**
	 * Reads the timeline, reusing the previous object of every entry that did not change. One
	 * remote edit then changes one object, and a list of 2,000 rows re-renders one row, not all.
	 */
	#read(): TimelineEntry[] {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const next = new Map<string, TimelineEntry>();
		const entries = readTimeline(this.doc).map((e) => {
			const old = this.#previous.get(e.id);
			const same =
				old &&
				old.at === e.at &&
				old.kind === e.kind &&
				old.text === e.text &&
				old.source === e.source &&
				old.author === e.author;
			const kept = same ? old : e;
			next.set(e.id, kept);
			return kept;
		});
		this.#previous = next;
		return entries;
	}

	/** All entries, sorted by time. */
	get entries(): TimelineEntry[] {
		return this.#view.value;
	}

	/** Likely duplicates (same minute, similar text), recomputed only when the entries change. */
	get duplicates(): DuplicateGroup[] {
		const entries = this.entries;
		if (this.#dupes?.entries !== entries) {
			this.#dupes = { entries, groups: this.#findDuplicates(entries) };
		}
		return this.#dupes.groups;
	}

	add(input: NewTimelineEntry): TimelineResult<{ id: string }> {
		this.undo.stopCapturing();
		return addTimelineEntry(this.doc, { ...input, author: this.author }, this);
	}

	/** Adds pasted events in one transaction (one undo step); returns how many were added. */
	import(events: readonly PastedEvent[]): number {
		this.undo.stopCapturing();
		let added = 0;
		this.doc.transact(() => {
			for (const e of events) {
				const r = addTimelineEntry(this.doc, { ...e, author: this.author }, this);
				if (r.ok) added++;
			}
		}, this);
		this.undo.stopCapturing();
		return added;
	}

	update(id: string, patch: TimelinePatch): TimelineResult {
		this.undo.stopCapturing();
		return updateTimelineEntry(this.doc, id, patch, this);
	}

	/** Keeps `keepId`, folds the others of its duplicate group into it. */
	merge(keepId: string, ids: readonly string[]): TimelineResult {
		this.undo.stopCapturing();
		return mergeTimelineEntries(this.doc, keepId, ids, this);
	}

	/** Deletes an entry and returns what it held, for undo; null when it was already gone. */
	remove(id: string): TimelineEntry | null {
		this.undo.stopCapturing();
		const entry = readTimeline(this.doc).find((e) => e.id === id) ?? null;
		const r = removeTimelineEntry(this.doc, id, this);
		return r.ok ? entry : null;
	}

	/** Puts back an entry deleted by `remove`, under the same id and author. */
	restore(entry: TimelineEntry): TimelineResult<{ id: string }> {
		return addTimelineEntry(this.doc, entry, this);
	}
}
