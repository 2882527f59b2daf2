export {
	SectionId,
	SECTION_IDS,
	EDITABLE_SECTIONS,
	SECTION_TITLES,
	isSectionId,
	isEditableSection
} from './sections.ts';
export type { EditableSectionId } from './sections.ts';
export { schemaVersion, readSchemaVersion } from './schema.ts';
export { parseZonedIso, formatZonedIso } from './time.ts';
export { diffText } from './text-diff.ts';
export {
	TimelineKind,
	TIMELINE_KINDS,
	TimelineRefusal,
	MAX_TEXT_LENGTH,
	MAX_AUTHOR_LENGTH,
	MAX_SOURCE_LENGTH,
	isTimelineKind,
	readTimeline,
	addTimelineEntry,
	updateTimelineEntry,
	removeTimelineEntry,
	observeTimeline
} from './timeline.ts';
export type { TimelineEntry, TimelineInput, TimelinePatch, TimelineResult } from './timeline.ts';
