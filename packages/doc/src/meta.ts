import * as Y from 'yjs';
import {
	AgendaRefusal,
	isStageKind,
	isValidTimebox,
	templateStages,
	type Stage
} from './agenda.ts';
import { stampSchemaVersion } from './schema.ts';
import { EDITABLE_SECTIONS, isEditableSection, type EditableSectionId } from './sections.ts';

/**
 * The `meta` document: the agenda, the current stage and its timer, the locks, the speaking
 * queue, the ready check and the board's status. Only the server writes it (in answer to
 * authorised HTTP calls); every client reads it through the same sync as the sections.
 *
 * Stored as one `Y.Map` (`meta`) whose values are plain JSON, one key per field. A single writer
 * needs no merge semantics inside a field, and a whole-field value is what every reader wants.
 */

/** Where the meeting is: prepared, running, or frozen. Mirrors `boards.status`. */
export const MeetingStatus = { draft: 'draft', live: 'live', closed: 'closed' } as const;

/** One of the meeting statuses. */
export type MeetingStatus = (typeof MeetingStatus)[keyof typeof MeetingStatus];

/** A member, as meta names them: who locked, who raised a hand. */
export interface Person {
	userId: string;
	name: string;
}

/** A lock on a section: who set it and when (ISO-8601 instant). */
export interface SectionLock {
	by: Person;
	at: string;
}

/**
 * The current stage's timer, in the server's epoch milliseconds. Running time is
 * `(pausedAt ?? now) - startedAt - pausedMs`; the box is the stage's minutes plus `extendedMs`.
 */
export interface StageTimer {
	startedAt: number;
	/** Set while paused. */
	pausedAt: number | null;
	/** Time spent paused before the current pause. */
	pausedMs: number;
	/** Minutes added by "extend", in ms. */
	extendedMs: number;
}

/** A raised hand in the speaking queue. */
export interface Hand extends Person {
	/** ISO-8601 instant the hand went up. */
	at: string;
}

/** A "ready to move on?" check, with each member's answer. */
export interface ReadyCheck {
	id: string;
	by: Person;
	startedAt: string;
	/** userId -> their answer. */
	answers: Record<string, { name: string; ready: boolean }>;
}

/** Facilitator settings of this board's meeting. */
export interface MeetingSettings {
	/** Advancing locks the section of the stage just finished. */
	lockOnAdvance: boolean;
}

/** The plain view of the meta document. */
export interface MetaState {
	status: MeetingStatus;
	/** Number of the last closed snapshot (0 before the first close). */
	revision: number;
	stages: Stage[];
	/** Id of the stage in progress, or null (before the start, after a reopen, after close). */
	current: string | null;
	timer: StageTimer | null;
	locks: Partial<Record<EditableSectionId, SectionLock>>;
	settings: MeetingSettings;
	queue: Hand[];
	/** Who was called from the queue last, until the next call or a clear. */
	speaking: Hand | null;
	readyCheck: ReadyCheck | null;
	/** Who moved the agenda last: the person followers follow. */
	lead: Person | null;
	/** Server time of the last write (ms): lets clients estimate their clock's offset. */
	updatedAt: number;
}

/** Version of the meta document's shape, stamped in its `schema` map. */
export const META_SCHEMA_VERSION = 1;

const META_MAP = 'meta';

/** The meta of a board nobody has touched yet: a draft with the blameless agenda. */
export function initialMeta(): MetaState {
	return {
		status: MeetingStatus.draft,
		revision: 0,
		stages: templateStages('blameless'),
		current: null,
		timer: null,
		locks: {},
		settings: { lockOnAdvance: true },
		queue: [],
		speaking: null,
		readyCheck: null,
		lead: null,
		updatedAt: 0
	};
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readPerson(v: unknown): Person | null {
	if (!isObject(v) || !isString(v.userId) || !isString(v.name)) return null;
	return { userId: v.userId, name: v.name };
}

function readHand(v: unknown): Hand | null {
	const person = readPerson(v);
	if (!person || !isObject(v) || !isString(v.at)) return null;
	return { ...person, at: v.at };
}

function readStage(v: unknown): Stage | null {
	if (!isObject(v) || !isString(v.id) || !isString(v.title) || !isFiniteNumber(v.minutes)) {
		return null;
	}
	const section = isString(v.section) && isEditableSection(v.section) ? v.section : null;
	const kind = isString(v.kind) && isStageKind(v.kind) ? v.kind : 'custom';
	const minutes = isValidTimebox(v.minutes) ? v.minutes : 1;
	return { id: v.id, title: v.title, kind, section, minutes };
}

function readTimer(v: unknown): StageTimer | null {
	if (!isObject(v) || !isFiniteNumber(v.startedAt)) return null;
	return {
		startedAt: v.startedAt,
		pausedAt: isFiniteNumber(v.pausedAt) ? v.pausedAt : null,
		pausedMs: isFiniteNumber(v.pausedMs) ? v.pausedMs : 0,
		extendedMs: isFiniteNumber(v.extendedMs) ? v.extendedMs : 0
	};
}

function readLocks(v: unknown): MetaState['locks'] {
	const locks: MetaState['locks'] = {};
	if (!isObject(v)) return locks;
	for (const section of EDITABLE_SECTIONS) {
		const lock = v[section];
		const by = isObject(lock) ? readPerson(lock.by) : null;
		if (by && isObject(lock) && isString(lock.at)) locks[section] = { by, at: lock.at };
	}
	return locks;
}

function readReadyCheck(v: unknown): ReadyCheck | null {
	if (!isObject(v) || !isString(v.id) || !isString(v.startedAt)) return null;
	const by = readPerson(v.by);
	if (!by) return null;
	const answers: ReadyCheck['answers'] = {};
	if (isObject(v.answers)) {
		for (const [userId, a] of Object.entries(v.answers)) {
			if (isObject(a) && isString(a.name) && typeof a.ready === 'boolean') {
				answers[userId] = { name: a.name, ready: a.ready };
			}
		}
	}
	return { id: v.id, by, startedAt: v.startedAt, answers };
}

const list = <T>(v: unknown, read: (x: unknown) => T | null): T[] =>
	Array.isArray(v) ? v.map(read).filter((x): x is T => x !== null) : [];

/**
 * The plain view of a meta document; an empty one reads as `initialMeta()`. Tolerant of missing
 * or foreign fields (a field that does not parse reads as its default); never throws.
 */
export function readMeta(doc: Y.Doc): MetaState {
	const map = doc.getMap<unknown>(META_MAP);
	const base = initialMeta();
	const status = map.get('status');
	const stages = map.has('stages') ? list(map.get('stages'), readStage) : base.stages;
	const current = map.get('current');
	const settings = map.get('settings');
	const revision = map.get('revision');
	const updatedAt = map.get('updatedAt');
	return {
		status: status === 'live' || status === 'closed' ? status : MeetingStatus.draft,
		revision: isFiniteNumber(revision) ? revision : 0,
		stages,
		current: isString(current) && stages.some((s) => s.id === current) ? current : null,
		timer: readTimer(map.get('timer')),
		locks: readLocks(map.get('locks')),
		settings: {
			lockOnAdvance:
				isObject(settings) && typeof settings.lockOnAdvance === 'boolean'
					? settings.lockOnAdvance
					: base.settings.lockOnAdvance
		},
		queue: list(map.get('queue'), readHand),
		speaking: readHand(map.get('speaking')),
		readyCheck: readReadyCheck(map.get('readyCheck')),
		lead: readPerson(map.get('lead')),
		updatedAt: isFiniteNumber(updatedAt) ? updatedAt : 0
	};
}

/**
 * Writes `next` into the document: only the fields whose JSON changed, in one transaction, so a
 * lock change sends the lock and nothing else. For the server (the only writer of meta).
 */
export function writeMeta(doc: Y.Doc, next: MetaState, origin?: unknown): void {
	const map = doc.getMap<unknown>(META_MAP);
	doc.transact(() => {
		stampSchemaVersion(doc, META_SCHEMA_VERSION);
		for (const [key, value] of Object.entries(next)) {
			// JSON round trip: Yjs stores plain JSON, and `undefined` fields must not reach it.
			const json = JSON.stringify(value);
			if (map.has(key) && JSON.stringify(map.get(key)) === json) continue;
			map.set(key, JSON.parse(json) as unknown);
		}
	}, origin);
}

/** Calls `onChange` after every change of the meta document; returns the unsubscribe. */
export function observeMeta(doc: Y.Doc, onChange: () => void): () => void {
	const map = doc.getMap(META_MAP);
	const handler = () => onChange();
	map.observe(handler);
	return () => map.unobserve(handler);
}

/** Whether writes to `section` are refused: it is locked, or the meeting is closed. */
export function isSectionLocked(meta: MetaState, section: string): boolean {
	if (!isEditableSection(section)) return false;
	return meta.status === MeetingStatus.closed || meta.locks[section] !== undefined;
}

/** The stage in progress, or null. */
export function currentStage(meta: MetaState): Stage | null {
	return meta.stages.find((s) => s.id === meta.current) ?? null;
}

/** Why a change to the meeting was refused: the agenda edit refusals, plus the meeting's own. */
export const MeetingRefusal = {
	...AgendaRefusal,
	closed: 'closed',
	notStarted: 'not-started',
	alreadyStarted: 'already-started',
	alreadyClosed: 'already-closed',
	notClosed: 'not-closed',
	noNextStage: 'no-next-stage',
	noPreviousStage: 'no-previous-stage',
	unknownStage: 'unknown-stage',
	unknownTemplate: 'unknown-template',
	noTimer: 'no-timer',
	invalidMinutes: 'invalid-minutes',
	currentStageRemoved: 'current-stage-removed',
	queueEmpty: 'queue-empty',
	noReadyCheck: 'no-ready-check'
} as const;

/** One of the meeting refusals. */
export type MeetingRefusal = (typeof MeetingRefusal)[keyof typeof MeetingRefusal];

/**
 * Outcome of a meeting transition: the next state (the same object when nothing changed, so the
 * caller writes and records nothing), or an expected refusal as a value.
 */
export type MeetingResult = { ok: true; state: MetaState } | { ok: false; reason: MeetingRefusal };

/** Who acts, and when (server epoch ms): every transition takes one. */
export interface MeetingContext {
	actor: Person;
	now: number;
}
