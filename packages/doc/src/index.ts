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
export {
	StageKind,
	AgendaTemplateId,
	AgendaRefusal,
	AGENDA_TEMPLATES,
	MAX_STAGES,
	MAX_STAGE_TITLE,
	MAX_STAGE_MINUTES,
	isStageKind,
	isAgendaTemplateId,
	isValidTimebox,
	templateStages,
	normaliseStages,
	newStageId
} from './agenda.ts';
export type { Stage, StageInput } from './agenda.ts';
export {
	MeetingStatus,
	MeetingRefusal,
	META_SCHEMA_VERSION,
	initialMeta,
	readMeta,
	writeMeta,
	observeMeta,
	isSectionLocked,
	currentStage
} from './meta.ts';
export type {
	MetaState,
	MeetingResult,
	MeetingContext,
	MeetingSettings,
	Person,
	SectionLock,
	StageTimer,
	Hand,
	ReadyCheck
} from './meta.ts';
export {
	readStageTimer,
	startTimer,
	pauseTimer,
	resumeTimer,
	extendTimer,
	formatCountdown
} from './agenda-timer.ts';
export type { TimerReading } from './agenda-timer.ts';
export {
	MAX_EXTEND_MINUTES,
	applyAgendaAction,
	startMeeting,
	nextStage,
	previousStage,
	gotoStage,
	pauseStage,
	resumeStage,
	extendStage,
	editStages,
	applyTemplate,
	setLockOnAdvance
} from './agenda-transitions.ts';
export type { AgendaAction } from './agenda-transitions.ts';
export { setSectionLock, closeMeeting, reopenMeeting, diffLocks } from './meta-locks.ts';
export {
	MAX_QUEUE,
	raiseHand,
	lowerHand,
	callNext,
	clearQueue,
	startReadyCheck,
	answerReadyCheck,
	endReadyCheck,
	tallyReadyCheck
} from './meta-queue.ts';
export { FACILITATOR_CUES, cuesFor } from './cues.ts';
