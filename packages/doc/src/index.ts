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
export {
	OverviewText,
	OVERVIEW_TEXTS,
	OVERVIEW_SEVERITIES,
	OverviewRefusal,
	MAX_OVERVIEW_TEXT,
	MAX_TITLE_LENGTH,
	MAX_NAME_LENGTH,
	isOverviewText,
	overviewText,
	readOverview,
	setOverviewText,
	setOverviewSeverity,
	setIncidentStart,
	addService,
	removeService,
	addResponder,
	updateResponder,
	removeResponder,
	overviewTypes,
	observeOverview
} from './overview.ts';
export type { Overview, OverviewSeverity, OverviewResult, Responder } from './overview.ts';
export { deriveImpactTimes, formatDuration } from './impact.ts';
export type { ImpactTimes } from './impact.ts';
export {
	RcaKind,
	RCA_KINDS,
	RcaRefusal,
	MAX_NODE_TEXT,
	MAX_EVIDENCE_NOTE,
	isRcaKind,
	readRcaNodes,
	readRcaTree,
	rcaNodeText,
	addRcaNode,
	updateRcaNode,
	moveRcaNode,
	indentRcaNode,
	outdentRcaNode,
	shiftRcaNode,
	removeRcaNode,
	addRcaEvidence,
	removeRcaEvidence,
	rcaTypes,
	observeRca
} from './rca.ts';
export type { RcaNode, RcaEvidence, RcaResult } from './rca.ts';
export { buildRcaTree, siblingsOf, flattenRcaTree, countDescendants } from './rca-tree.ts';
export type { RcaTree, RcaTreeNode } from './rca-tree.ts';
export {
	FactorCategory,
	FACTOR_CATEGORIES,
	FactorRefusal,
	MAX_VOTES_PER_PERSON,
	MAX_FACTOR_TEXT,
	isFactorCategory,
	readFactors,
	votesLeft,
	factorText,
	addFactor,
	updateFactor,
	voteFactor,
	removeFactor,
	factorTypes,
	observeFactors
} from './factors.ts';
export type { Factor, FactorResult } from './factors.ts';
export {
	ActionPriority,
	ACTION_PRIORITIES,
	ActionStatus,
	ACTION_STATUSES,
	ActionRefusal,
	MAX_ACTION_TITLE,
	MAX_OWNER_LENGTH,
	isDueDate,
	readActions,
	actionTitleText,
	addAction,
	updateAction,
	removeAction,
	isCause,
	causesWithoutAction,
	votedFactorsWithoutAction,
	actionTypes,
	observeActions
} from './actions.ts';
export type { ActionItem, ActionInput, ActionResult } from './actions.ts';
export {
	DiscussionRefusal,
	MAX_PARKED_TEXT,
	MAX_NOTES_TEXT,
	readDiscussion,
	discussionNotesText,
	parkedText,
	parkItem,
	updateParkedItem,
	markParkedMoved,
	removeParkedItem,
	setDiscussionNotes,
	discussionTypes,
	observeDiscussion
} from './discussion.ts';
export type { Discussion, ParkedItem, DiscussionResult } from './discussion.ts';
export { PasteProblemReason, parsePastedLines } from './paste-import.ts';
export type { PastedEvent, PasteProblem, PasteResult, PasteOptions } from './paste-import.ts';
export {
	DUPLICATE_THRESHOLD,
	normalizeText,
	textSimilarity,
	findLikelyDuplicates,
	createDuplicateFinder,
	matchExisting,
	mergeTimelineEntries
} from './duplicates.ts';
export type { DuplicateGroup } from './duplicates.ts';
export { isHttpUrl } from './fields.ts';
