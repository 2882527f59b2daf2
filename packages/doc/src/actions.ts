import * as Y from 'yjs';
import {
	claimNewId,
	byCreated,
	isNewerSchema,
	isOptionalUrl,
	keySetOf,
	observeType,
	readKeySet,
	readString,
	setIfChanged,
	setKeySet,
	setText,
	transactStamped,
	type WriteResult
} from './fields.ts';
import type { Factor } from './factors.ts';
import type { RcaNode } from './rca.ts';
import { schemaVersion } from './schema.ts';

/**
 * Action items: follow-up work with an owner, a due date, a priority and a status, each linked to
 * the causes and factors it addresses (`addresses`, a set of rca node or factor ids), so the room
 * can see which causes nobody is acting on. `items: id -> Y.Map`.
 */

/** How urgent an action is. */
export const ActionPriority = { high: 'high', medium: 'medium', low: 'low' } as const;
/** One of the priorities. */
export type ActionPriority = (typeof ActionPriority)[keyof typeof ActionPriority];
/** Every priority, most urgent first. */
export const ACTION_PRIORITIES: readonly ActionPriority[] = Object.freeze(
	Object.values(ActionPriority)
);

/** Where an action stands. */
export const ActionStatus = {
	open: 'open',
	inProgress: 'in-progress',
	blocked: 'blocked',
	done: 'done'
} as const;
/** One of the statuses. */
export type ActionStatus = (typeof ActionStatus)[keyof typeof ActionStatus];
/** Every status, in workflow order. */
export const ACTION_STATUSES: readonly ActionStatus[] = Object.freeze(Object.values(ActionStatus));

const isPriority = (s: string): s is ActionPriority =>
	(ACTION_PRIORITIES as readonly string[]).includes(s);
const isStatus = (s: string): s is ActionStatus =>
	(ACTION_STATUSES as readonly string[]).includes(s);

/** Plain view of an action item. */
export interface ActionItem {
	id: string;
	title: string;
	owner: string;
	/** Calendar date `YYYY-MM-DD`, or '' for none. */
	due: string;
	priority: ActionPriority;
	status: ActionStatus;
	/** Ids of the rca nodes and factors this action addresses. */
	addresses: string[];
	/** Ticket URL, or ''. */
	ticket: string;
	author: string;
	createdAt: string;
}

/** Fields a caller may set. */
export interface ActionInput {
	title: string;
	owner?: string;
	due?: string;
	priority?: string;
	status?: string;
	addresses?: readonly string[];
	ticket?: string;
}

/** Why an action write was refused. */
export const ActionRefusal = {
	emptyTitle: 'empty-title',
	titleTooLong: 'title-too-long',
	ownerTooLong: 'owner-too-long',
	invalidDue: 'invalid-due',
	unknownPriority: 'unknown-priority',
	unknownStatus: 'unknown-status',
	invalidTicket: 'invalid-ticket',
	invalidId: 'invalid-id',
	duplicateId: 'duplicate-id',
	notFound: 'not-found',
	newerSchema: 'newer-schema'
} as const;
/** One of the action refusal reasons. */
export type ActionRefusal = (typeof ActionRefusal)[keyof typeof ActionRefusal];
/** Outcome of an action write. */
export type ActionResult<T extends object = object> = WriteResult<ActionRefusal, T>;

/** Longest action title. */
export const MAX_ACTION_TITLE = 500;
/** Longest owner name. */
export const MAX_OWNER_LENGTH = 120;

const ITEMS = 'items';
const VERSION = schemaVersion.actions;
const itemsOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(ITEMS);

/** True for '' or a real calendar date `YYYY-MM-DD`. */
export function isDueDate(s: string): boolean {
	if (s === '') return true;
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Every action in the order they were added. */
export function readActions(doc: Y.Doc): ActionItem[] {
	const out: ActionItem[] = [];
	itemsOf(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const priority = readString(map.get('priority'));
		const status = readString(map.get('status'));
		const due = readString(map.get('due'));
		out.push({
			id,
			title: readString(map.get('title')),
			owner: readString(map.get('owner')),
			due: isDueDate(due) ? due : '',
			priority: isPriority(priority) ? priority : ActionPriority.medium,
			status: isStatus(status) ? status : ActionStatus.open,
			addresses: readKeySet(map.get('addresses')),
			ticket: readString(map.get('ticket')),
			author: readString(map.get('author')),
			createdAt: readString(map.get('createdAt'))
		});
	});
	return out.sort(byCreated);
}

/** The shared text of an action's title, for a live editor binding. */
export function actionTitleText(doc: Y.Doc, id: string): Y.Text | null {
	const text = itemsOf(doc).get(id)?.get('title');
	return text instanceof Y.Text ? text : null;
}

function validate(f: Partial<ActionInput>): ActionRefusal | null {
	if (f.title !== undefined) {
		if (f.title.trim() === '') return ActionRefusal.emptyTitle;
		if (f.title.length > MAX_ACTION_TITLE) return ActionRefusal.titleTooLong;
	}
	if (f.owner !== undefined && f.owner.length > MAX_OWNER_LENGTH) return ActionRefusal.ownerTooLong;
	if (f.due !== undefined && !isDueDate(f.due)) return ActionRefusal.invalidDue;
	if (f.priority !== undefined && !isPriority(f.priority)) return ActionRefusal.unknownPriority;
	if (f.status !== undefined && !isStatus(f.status)) return ActionRefusal.unknownStatus;
	if (f.ticket !== undefined && !isOptionalUrl(f.ticket.trim())) return ActionRefusal.invalidTicket;
	return null;
}

/** Adds an action item; `id`/`createdAt` only to restore one. */
export function addAction(
	doc: Y.Doc,
	input: ActionInput & { id?: string; author: string; createdAt?: string },
	origin?: unknown
): ActionResult<{ id: string }> {
	const refusal = validate(input);
	if (refusal) return { ok: false, reason: refusal };
	const items = itemsOf(doc);
	const claim = claimNewId(doc, VERSION, items, input.id, ActionRefusal);
	if (!claim.ok) return claim;
	const id = claim.id;
	transactStamped(
		doc,
		VERSION,
		() => {
			const map = new Y.Map<unknown>();
			map.set('title', new Y.Text(input.title.trim()));
			map.set('owner', (input.owner ?? '').trim());
			map.set('due', input.due ?? '');
			map.set('priority', input.priority ?? ActionPriority.medium);
			map.set('status', input.status ?? ActionStatus.open);
			map.set('addresses', keySetOf(input.addresses ?? []));
			map.set('ticket', (input.ticket ?? '').trim());
			map.set('author', input.author.slice(0, MAX_OWNER_LENGTH));
			map.set('createdAt', input.createdAt ?? new Date().toISOString());
			items.set(id, map);
		},
		origin
	);
	return { ok: true, id };
}

/** Changes the given fields; only what differs is written (addresses: only the difference). */
export function updateAction(
	doc: Y.Doc,
	id: string,
	patch: Partial<ActionInput>,
	origin?: unknown
): ActionResult {
	const refusal = validate(patch);
	if (refusal) return { ok: false, reason: refusal };
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: ActionRefusal.newerSchema };
	const map = itemsOf(doc).get(id);
	if (!(map instanceof Y.Map)) return { ok: false, reason: ActionRefusal.notFound };
	transactStamped(
		doc,
		VERSION,
		() => {
			if (patch.title !== undefined) setText(map, 'title', patch.title.trim());
			if (patch.owner !== undefined) setIfChanged(map, 'owner', patch.owner.trim());
			if (patch.due !== undefined) setIfChanged(map, 'due', patch.due);
			if (patch.priority !== undefined) setIfChanged(map, 'priority', patch.priority);
			if (patch.status !== undefined) setIfChanged(map, 'status', patch.status);
			if (patch.ticket !== undefined) setIfChanged(map, 'ticket', patch.ticket.trim());
			if (patch.addresses !== undefined) setKeySet(map, 'addresses', patch.addresses);
		},
		origin
	);
	return { ok: true };
}

/** Deletes an action item. */
export function removeAction(doc: Y.Doc, id: string, origin?: unknown): ActionResult {
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: ActionRefusal.newerSchema };
	const items = itemsOf(doc);
	if (!items.has(id)) return { ok: false, reason: ActionRefusal.notFound };
	transactStamped(doc, VERSION, () => items.delete(id), origin);
	return { ok: true };
}

/** A cause is a node marked as a root cause or of kind `cause`: what action items should address. */
export function isCause(node: Pick<RcaNode, 'kind' | 'isRootCause'>): boolean {
	return node.isRootCause || node.kind === 'cause';
}

/** Causes that no action item addresses yet, in the order given. */
export function causesWithoutAction<N extends Pick<RcaNode, 'id' | 'kind' | 'isRootCause'>>(
	nodes: readonly N[],
	actions: readonly Pick<ActionItem, 'addresses'>[]
): N[] {
	const addressed = new Set(actions.flatMap((a) => a.addresses));
	return nodes.filter((n) => isCause(n) && !addressed.has(n.id));
}

/** Factors with at least `minVotes` dots that no action item addresses yet, most voted first. */
export function votedFactorsWithoutAction<F extends Pick<Factor, 'id' | 'votes'>>(
	factors: readonly F[],
	actions: readonly Pick<ActionItem, 'addresses'>[],
	minVotes = 1
): F[] {
	const addressed = new Set(actions.flatMap((a) => a.addresses));
	return factors
		.filter((f) => f.votes >= minVotes && !addressed.has(f.id))
		.sort((a, b) => b.votes - a.votes);
}

/** The shared types of the actions document (undo scope). */
export function actionTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
	return [itemsOf(doc) as Y.AbstractType<unknown>];
}

/** Calls `onChange` after any change to the actions; returns the unsubscribe. */
export function observeActions(doc: Y.Doc, onChange: () => void): () => void {
	return observeType(itemsOf(doc) as Y.AbstractType<unknown>, onChange);
}
