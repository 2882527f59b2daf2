import {
	flattenRcaTree,
	OVERVIEW_TEXTS,
	SectionId,
	type ActionItem,
	type Discussion,
	type EditableSectionId,
	type Factor,
	type Overview,
	type OverviewText,
	type RcaTree,
	type TimelineEntry
} from '@debrief/doc';
import { formatClock } from '$lib/time.ts';

/** One text field of the board, as plain data: what the facilitator's panel checks. */
export interface FieldText {
	section: EditableSectionId;
	/** Stable key of the field (dismissals are stored under it). */
	field: string;
	/** Where it is, in a few words: "Timeline · 14:02", "Root cause". */
	label: string;
	text: string;
	/** The element to scroll to, when the section is on screen (its row, or the field itself). */
	selector?: string;
}

/**
 * Field keys: `<section>:<item id>:<field>`. Other sections' editors wrap their fields in
 * `BlamelessField` with these same keys, so the panel and the field agree on dismissals.
 */
export const fieldKey = {
	timeline: (id: string) => `timeline:${id}:text`,
	overview: (name: string) => `overview:${name}`,
	rca: (id: string) => `rca:${id}:text`,
	factor: (id: string) => `factors:${id}:text`,
	action: (id: string) => `actions:${id}:title`,
	parked: (id: string) => `discussion:${id}:text`,
	notes: () => 'discussion:notes'
};

/** What `boardTexts` reads: the section states of a board session (plain data getters). */
export interface BoardTextSource {
	timeline: { entries: TimelineEntry[] };
	overview?: { value: Overview };
	rca?: { tree: RcaTree };
	factors?: { items: Factor[] };
	actions?: { items: ActionItem[] };
	discussion?: { value: Discussion };
}

const OVERVIEW_LABELS: Record<OverviewText, string> = {
	title: 'title',
	summary: 'summary',
	whatHappened: 'what happened',
	resolution: 'resolution',
	impactUsers: 'impact on users',
	impactServices: 'impact on services',
	customerEffect: 'customer effect',
	sloBreached: 'SLO breached',
	errorBudget: 'error budget',
	commsInternal: 'internal communication',
	commsExternal: 'external communication',
	wentWell: 'what went well',
	wentWrong: 'what went wrong',
	lucky: 'where we got lucky'
};

/** The row of an item, by the `data-*` attribute its section puts on it. */
function byData(attribute: string, id: string): string {
	return `[data-${attribute}="${CSS.escape(id)}"]`;
}

/** Every free-text field of the board, in section order. */
export function boardTexts(s: BoardTextSource): FieldText[] {
	const out: FieldText[] = [];
	const push = (f: FieldText) => {
		if (f.text.trim()) out.push(f);
	};
	const o = s.overview?.value;
	if (o) {
		for (const name of OVERVIEW_TEXTS) {
			const label = `Overview · ${OVERVIEW_LABELS[name]}`;
			push({
				section: SectionId.overview,
				field: fieldKey.overview(name),
				label,
				text: o.texts[name],
				selector: `#ov-${name}`
			});
		}
	}
	for (const e of s.timeline.entries) {
		push({
			section: SectionId.timeline,
			field: fieldKey.timeline(e.id),
			label: `Timeline · ${formatClock(e.at)}`,
			text: e.text,
			selector: byData('entry-id', e.id)
		});
	}
	// Every node in outline order, folded ones too: folding is one person's view, not the board.
	for (const n of s.rca ? flattenRcaTree(s.rca.tree) : []) {
		push({
			section: SectionId.rca,
			field: fieldKey.rca(n.id),
			label: 'Root cause tree',
			text: n.text,
			selector: byData('node-id', n.id)
		});
	}
	for (const f of s.factors?.items ?? []) {
		push({
			section: SectionId.factors,
			field: fieldKey.factor(f.id),
			label: 'Contributing factor',
			text: f.text,
			selector: byData('factor-id', f.id)
		});
	}
	for (const a of s.actions?.items ?? []) {
		push({
			section: SectionId.actions,
			field: fieldKey.action(a.id),
			label: 'Action item',
			text: a.title,
			selector: byData('action-id', a.id)
		});
	}
	const d = s.discussion?.value;
	for (const p of d?.parking ?? []) {
		// A point moved to its section lives on there, as a new item checked on its own.
		if (p.movedTo) continue;
		push({
			section: SectionId.discussion,
			field: fieldKey.parked(p.id),
			label: 'Parking lot',
			text: p.text,
			selector: byData('parked-id', p.id)
		});
	}
	if (d) {
		push({
			section: SectionId.discussion,
			field: fieldKey.notes(),
			label: 'Discussion notes',
			text: d.notes,
			selector: '#discussion-notes'
		});
	}
	return out;
}

/** What `knownNames` reads. */
export interface NameSource {
	presence: { people: { name: string }[] };
	timeline: { entries: TimelineEntry[] };
	overview?: { value: Overview };
}

/**
 * The names the board knows, for telling "Sam broke it" from "the migration broke it": who is
 * here, who wrote events, and the responders listed in the overview.
 */
export function knownNames(s: NameSource): string[] {
	const names = new Set<string>();
	for (const p of s.presence.people) names.add(p.name);
	for (const e of s.timeline.entries) if (e.author) names.add(e.author);
	for (const r of s.overview?.value.responders ?? []) if (r.name) names.add(r.name);
	// The default author of a writer with no name yet is not a name.
	names.delete('Someone');
	return [...names].sort();
}
