/**
 * The sections of a board. Each one is its own Yjs document, synced at
 * `/sync/<boardId>/<section>` (DESIGN.md "Documents"): a lock is then a property of a whole
 * document, which the server can check per message without reading the update.
 */
export const SectionId = {
	overview: 'overview',
	timeline: 'timeline',
	rca: 'rca',
	factors: 'factors',
	actions: 'actions',
	discussion: 'discussion',
	meta: 'meta'
} as const;

/** One of the section document ids; stable strings, they are part of the wire protocol. */
export type SectionId = (typeof SectionId)[keyof typeof SectionId];

/** Every section id, in agenda order (meta last: it is not a stage of the meeting). */
export const SECTION_IDS: readonly SectionId[] = Object.freeze(Object.values(SectionId));

/** Sections people edit. `meta` (agenda, timer, locks, status) is written by the server only. */
export const EDITABLE_SECTIONS: readonly Exclude<SectionId, 'meta'>[] = Object.freeze([
	SectionId.overview,
	SectionId.timeline,
	SectionId.rca,
	SectionId.factors,
	SectionId.actions,
	SectionId.discussion
]);

/** An editable section id (anything but `meta`). */
export type EditableSectionId = (typeof EDITABLE_SECTIONS)[number];

/** Display titles, as people say them in the meeting. */
export const SECTION_TITLES: Readonly<Record<SectionId, string>> = Object.freeze({
	overview: 'Overview',
	timeline: 'Timeline',
	rca: 'Root causes',
	factors: 'Contributing factors',
	actions: 'Action items',
	discussion: 'Discussion',
	meta: 'Board'
});

const sectionIdSet: ReadonlySet<string> = new Set(SECTION_IDS);
const editableSet: ReadonlySet<string> = new Set(EDITABLE_SECTIONS);

/** True when `s` names a section document (for URL params and socket paths). */
export function isSectionId(s: string): s is SectionId {
	return sectionIdSet.has(s);
}

/** True when `s` names a section people edit (not `meta`). */
export function isEditableSection(s: string): s is EditableSectionId {
	return editableSet.has(s);
}
