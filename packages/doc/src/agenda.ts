import { isEditableSection, type EditableSectionId } from './sections.ts';

/**
 * What a stage of the meeting is for. Picks the facilitator's cue; `custom` is any stage the
 * facilitator adds themselves.
 */
export const StageKind = {
	opening: 'opening',
	timeline: 'timeline',
	rca: 'rca',
	factors: 'factors',
	actions: 'actions',
	discussion: 'discussion',
	close: 'close',
	custom: 'custom'
} as const;

/** One of the stage kinds. */
export type StageKind = (typeof StageKind)[keyof typeof StageKind];

const stageKinds: ReadonlySet<string> = new Set(Object.values(StageKind));

/** True when `s` is a known stage kind. */
export function isStageKind(s: string): s is StageKind {
	return stageKinds.has(s);
}

/** One stage of the agenda: what the room talks about, where it writes, for how long. */
export interface Stage {
	/** Stable id; template stages use their kind, added stages a random id. */
	id: string;
	title: string;
	kind: StageKind;
	/** The section the room works on during this stage (where followers are taken), or null. */
	section: EditableSectionId | null;
	/** Timebox in whole minutes. */
	minutes: number;
}

/** Agenda templates a facilitator starts from. */
export const AgendaTemplateId = { blameless: 'blameless', short: 'short' } as const;

/** One of the agenda template ids. */
export type AgendaTemplateId = (typeof AgendaTemplateId)[keyof typeof AgendaTemplateId];

/** Longest stage title. */
export const MAX_STAGE_TITLE = 80;
/** Most stages an agenda may hold. */
export const MAX_STAGES = 20;
/** Longest timebox of one stage, in minutes. */
export const MAX_STAGE_MINUTES = 240;

const stage = (
	kind: Exclude<StageKind, 'custom'>,
	title: string,
	section: EditableSectionId | null,
	minutes: number
): Stage => ({ id: kind, title, kind, section, minutes });

/**
 * The full blameless agenda (60 minutes): ground rules first, the sequence before the causes,
 * owners before the close. Opening and close both work on the overview, so leaving the opening
 * does not lock it.
 */
const BLAMELESS: readonly Stage[] = [
	stage('opening', 'Opening & ground rules', 'overview', 5),
	stage('timeline', 'Timeline', 'timeline', 12),
	stage('rca', 'Root cause analysis', 'rca', 15),
	stage('factors', 'Contributing factors', 'factors', 10),
	stage('actions', 'Action items', 'actions', 10),
	stage('discussion', 'Open discussion', 'discussion', 4),
	stage('close', 'Close', 'overview', 4)
];

/** A 30-minute agenda for smaller incidents: no open discussion, shorter boxes. */
const SHORT: readonly Stage[] = [
	stage('opening', 'Opening & ground rules', 'overview', 2),
	stage('timeline', 'Timeline', 'timeline', 7),
	stage('rca', 'Root cause analysis', 'rca', 8),
	stage('factors', 'Contributing factors', 'factors', 3),
	stage('actions', 'Action items', 'actions', 7),
	stage('close', 'Close', 'overview', 3)
];

/** The templates, with a name and a line for the picker. */
export const AGENDA_TEMPLATES: Readonly<
	Record<AgendaTemplateId, { title: string; description: string; stages: readonly Stage[] }>
> = Object.freeze({
	blameless: {
		title: 'Blameless post-mortem · 60 min',
		description: 'Every stage, from ground rules to the close.',
		stages: BLAMELESS
	},
	short: {
		title: 'Short review · 30 min',
		description: 'For smaller incidents: no open discussion, tighter timeboxes.',
		stages: SHORT
	}
});

/** A copy of a template's stages, safe to change. */
export function templateStages(id: AgendaTemplateId): Stage[] {
	return AGENDA_TEMPLATES[id].stages.map((s) => ({ ...s }));
}

/** True when `s` names an agenda template. */
export function isAgendaTemplateId(s: string): s is AgendaTemplateId {
	return s in AGENDA_TEMPLATES;
}

/** Why an agenda edit was refused. */
export const AgendaRefusal = {
	emptyAgenda: 'empty-agenda',
	tooManyStages: 'too-many-stages',
	emptyTitle: 'empty-title',
	titleTooLong: 'title-too-long',
	invalidTimebox: 'invalid-timebox',
	unknownSection: 'unknown-section',
	invalidStageId: 'invalid-stage-id',
	duplicateStageId: 'duplicate-stage-id'
} as const;

/** One of the agenda edit refusals. */
export type AgendaRefusal = (typeof AgendaRefusal)[keyof typeof AgendaRefusal];

/** A stage as an editor sends it: no id for a new stage, no kind for a custom one. */
export interface StageInput {
	id?: string;
	title: string;
	section: string | null;
	minutes: number;
	kind?: string;
}

const STAGE_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** A random id for a stage the facilitator adds. */
export function newStageId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(6));
	let id = 's';
	for (const b of bytes) id += b.toString(16).padStart(2, '0');
	return id;
}

/** True when `minutes` is a timebox we accept: a whole number of minutes, 1 to 240. */
export function isValidTimebox(minutes: number): boolean {
	return Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_STAGE_MINUTES;
}

/**
 * Checks an edited agenda and gives every stage an id and a kind. Existing stages keep theirs,
 * so the stage in progress, its timer and its cue survive a rename or a reorder.
 */
export function normaliseStages(
	inputs: readonly StageInput[],
	previous: readonly Stage[] = []
): { ok: true; stages: Stage[] } | { ok: false; reason: AgendaRefusal; index?: number } {
	if (inputs.length === 0) return { ok: false, reason: AgendaRefusal.emptyAgenda };
	if (inputs.length > MAX_STAGES) return { ok: false, reason: AgendaRefusal.tooManyStages };
	const before = new Map(previous.map((s) => [s.id, s]));
	const seen = new Set<string>();
	const stages: Stage[] = [];
	for (const [index, input] of inputs.entries()) {
		const title = input.title.trim();
		if (title === '') return { ok: false, reason: AgendaRefusal.emptyTitle, index };
		if (title.length > MAX_STAGE_TITLE) {
			return { ok: false, reason: AgendaRefusal.titleTooLong, index };
		}
		if (!isValidTimebox(input.minutes)) {
			return { ok: false, reason: AgendaRefusal.invalidTimebox, index };
		}
		if (input.section !== null && !isEditableSection(input.section)) {
			return { ok: false, reason: AgendaRefusal.unknownSection, index };
		}
		if (input.id !== undefined && !STAGE_ID.test(input.id)) {
			return { ok: false, reason: AgendaRefusal.invalidStageId, index };
		}
		const id = input.id ?? newStageId();
		if (seen.has(id)) return { ok: false, reason: AgendaRefusal.duplicateStageId, index };
		seen.add(id);
		const kind =
			before.get(id)?.kind ??
			(input.kind !== undefined && isStageKind(input.kind) ? input.kind : StageKind.custom);
		stages.push({ id, title, kind, section: input.section, minutes: input.minutes });
	}
	return { ok: true, stages };
}
