import * as Y from 'yjs';
import {
	ID_PATTERN,
	isHttpUrl,
	isNewerSchema,
	newId,
	observeType,
	readString,
	setIfChanged,
	setText,
	transactStamped,
	type WriteResult
} from './fields.ts';
import { schemaVersion } from './schema.ts';
import { buildRcaTree, siblingsOf, type RcaLink, type RcaTree } from './rca-tree.ts';

/**
 * The root cause analysis document: a tree of nodes stored flat, `nodes: id -> Y.Map`, each with
 * a `parentId` ('' for the top level) and a fractional `order` among its siblings. Moving a node is
 * one field write, so two people moving different nodes never conflict; two moves that together
 * make a cycle are repaired on read (see rca-tree.ts), never looped over.
 */

/** What a node says: a question, an established cause, or a cause still to be checked. */
export const RcaKind = { why: 'why', cause: 'cause', hypothesis: 'hypothesis' } as const;
/** One of the node kinds. */
export type RcaKind = (typeof RcaKind)[keyof typeof RcaKind];
/** Every kind, in picker order. */
export const RCA_KINDS: readonly RcaKind[] = Object.freeze(Object.values(RcaKind));
const kindSet: ReadonlySet<string> = new Set(RCA_KINDS);
/** True when `s` is a node kind. */
export function isRcaKind(s: string): s is RcaKind {
	return kindSet.has(s);
}

/** Evidence behind a node: a timeline event it cites, or a link with a note. */
export type RcaEvidence =
	| { id: string; kind: 'event'; eventId: string }
	| { id: string; kind: 'link'; url: string; note: string };

/** Plain view of one node as stored. */
export interface RcaNode {
	id: string;
	/** '' for a top-level node. */
	parentId: string;
	order: number;
	text: string;
	kind: RcaKind;
	isRootCause: boolean;
	evidence: RcaEvidence[];
}

/** Why an rca write was refused. */
export const RcaRefusal = {
	notFound: 'not-found',
	parentNotFound: 'parent-not-found',
	wouldCycle: 'would-cycle',
	noPreviousSibling: 'no-previous-sibling',
	alreadyTopLevel: 'already-top-level',
	atEdge: 'at-edge',
	unknownKind: 'unknown-kind',
	textTooLong: 'text-too-long',
	invalidUrl: 'invalid-url',
	noteTooLong: 'note-too-long',
	invalidId: 'invalid-id',
	duplicateId: 'duplicate-id',
	newerSchema: 'newer-schema'
} as const;
/** One of the rca refusal reasons. */
export type RcaRefusal = (typeof RcaRefusal)[keyof typeof RcaRefusal];
/** Outcome of an rca write. */
export type RcaResult<T extends object = object> = WriteResult<RcaRefusal, T>;

/** Longest node text. */
export const MAX_NODE_TEXT = 2000;
/** Longest evidence note. */
export const MAX_EVIDENCE_NOTE = 500;

const NODES = 'nodes';
const VERSION = schemaVersion.rca;
const nodesOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(NODES);

function readEvidence(v: unknown): RcaEvidence[] {
	if (!(v instanceof Y.Map)) return [];
	const out: RcaEvidence[] = [];
	for (const [id, raw] of v.entries() as IterableIterator<[string, unknown]>) {
		if (typeof raw !== 'object' || raw === null) continue;
		const e = raw as Record<string, unknown>;
		if (e.kind === 'event' && typeof e.eventId === 'string') {
			out.push({ id, kind: 'event', eventId: e.eventId });
		} else if (e.kind === 'link' && typeof e.url === 'string') {
			out.push({ id, kind: 'link', url: e.url, note: typeof e.note === 'string' ? e.note : '' });
		}
	}
	return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every node as stored, unordered; tolerant of foreign values. */
export function readRcaNodes(doc: Y.Doc): RcaNode[] {
	const out: RcaNode[] = [];
	nodesOf(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const kind = readString(map.get('kind'));
		const order = map.get('order');
		out.push({
			id,
			parentId: readString(map.get('parentId')),
			order: typeof order === 'number' && Number.isFinite(order) ? order : 0,
			text: readString(map.get('text')),
			kind: isRcaKind(kind) ? kind : RcaKind.why,
			isRootCause: map.get('isRootCause') === true,
			evidence: readEvidence(map.get('evidence'))
		});
	});
	return out;
}

/**
 * Only the structure (id, parent, order): what writers need to place and move nodes, without
 * reading every text, so an edit costs little on a large tree.
 */
function readStructure(doc: Y.Doc): RcaTree<RcaLink> {
	const links: RcaLink[] = [];
	nodesOf(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const order = map.get('order');
		links.push({
			id,
			parentId: readString(map.get('parentId')),
			order: typeof order === 'number' && Number.isFinite(order) ? order : 0
		});
	});
	return buildRcaTree(links);
}

/** The tree as shown: cycles and orphans repaired, siblings ordered. */
export function readRcaTree(doc: Y.Doc): RcaTree {
	return buildRcaTree(readRcaNodes(doc));
}

/** The shared text of a node, for a live editor binding; null if there is no such node. */
export function rcaNodeText(doc: Y.Doc, id: string): Y.Text | null {
	const text = nodesOf(doc).get(id)?.get('text');
	return text instanceof Y.Text ? text : null;
}

/** An order value strictly between `lo` and `hi` (either may be missing). */
function orderBetween(lo: number | undefined, hi: number | undefined): number {
	if (lo === undefined && hi === undefined) return 1;
	if (lo === undefined) return (hi as number) - 1;
	if (hi === undefined) return lo + 1;
	return (lo + hi) / 2;
}

/**
 * Where a node goes among the siblings under `parentId`: right after `after`, or first when
 * `after` is null, or last when undefined. Reads the repaired tree, so it agrees with the screen.
 */
function placeOrder(
	tree: RcaTree<RcaLink>,
	parentId: string,
	after: string | null | undefined,
	skip?: string
): number {
	const siblings = siblingsOf(tree, parentId).filter((n) => n.id !== skip);
	if (after === undefined) return orderBetween(siblings.at(-1)?.order, undefined);
	if (after === null) return orderBetween(undefined, siblings[0]?.order);
	const i = siblings.findIndex((n) => n.id === after);
	if (i < 0) return orderBetween(siblings.at(-1)?.order, undefined);
	return orderBetween(siblings[i]?.order, siblings[i + 1]?.order);
}

function checkText(text: string): RcaRefusal | null {
	return text.length > MAX_NODE_TEXT ? RcaRefusal.textTooLong : null;
}

/** Adds a node under `parentId` ('' for the top level), after sibling `after` or last. */
export function addRcaNode(
	doc: Y.Doc,
	input: { id?: string; parentId: string; text?: string; kind?: string; after?: string | null },
	origin?: unknown
): RcaResult<{ id: string }> {
	const text = input.text ?? '';
	const kind = input.kind ?? RcaKind.why;
	if (!isRcaKind(kind)) return { ok: false, reason: RcaRefusal.unknownKind };
	const refusal = checkText(text);
	if (refusal) return { ok: false, reason: refusal };
	if (input.id !== undefined && !ID_PATTERN.test(input.id)) {
		return { ok: false, reason: RcaRefusal.invalidId };
	}
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: RcaRefusal.newerSchema };
	const nodes = nodesOf(doc);
	if (input.parentId !== '' && !nodes.has(input.parentId)) {
		return { ok: false, reason: RcaRefusal.parentNotFound };
	}
	const id = input.id ?? newId();
	if (nodes.has(id)) return { ok: false, reason: RcaRefusal.duplicateId };
	const order = placeOrder(readStructure(doc), input.parentId, input.after);
	transactStamped(
		doc,
		VERSION,
		() => {
			const map = new Y.Map<unknown>();
			map.set('parentId', input.parentId);
			map.set('order', order);
			map.set('text', new Y.Text(text));
			map.set('kind', kind);
			map.set('isRootCause', false);
			map.set('evidence', new Y.Map<unknown>());
			nodes.set(id, map);
		},
		origin
	);
	return { ok: true, id };
}

/** Changes a node's text (minimal edit), kind or root-cause mark. */
export function updateRcaNode(
	doc: Y.Doc,
	id: string,
	patch: { text?: string; kind?: string; isRootCause?: boolean },
	origin?: unknown
): RcaResult {
	if (patch.kind !== undefined && !isRcaKind(patch.kind)) {
		return { ok: false, reason: RcaRefusal.unknownKind };
	}
	const refusal = patch.text !== undefined ? checkText(patch.text) : null;
	if (refusal) return { ok: false, reason: refusal };
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: RcaRefusal.newerSchema };
	const map = nodesOf(doc).get(id);
	if (!(map instanceof Y.Map)) return { ok: false, reason: RcaRefusal.notFound };
	transactStamped(
		doc,
		VERSION,
		() => {
			if (patch.text !== undefined) setText(map, 'text', patch.text);
			if (patch.kind !== undefined) setIfChanged(map, 'kind', patch.kind);
			if (patch.isRootCause !== undefined) setIfChanged(map, 'isRootCause', patch.isRootCause);
		},
		origin
	);
	return { ok: true };
}

/**
 * Moves a node under `parentId` ('' for the top level), after sibling `after` (null: first;
 * undefined: last). Refuses a move into the node's own subtree. Two such moves made at once on two
 * peers can still meet in a cycle; the tree read repairs that.
 */
export function moveRcaNode(
	doc: Y.Doc,
	id: string,
	to: { parentId: string; after?: string | null },
	origin?: unknown
): RcaResult {
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: RcaRefusal.newerSchema };
	const nodes = nodesOf(doc);
	const map = nodes.get(id);
	if (!(map instanceof Y.Map)) return { ok: false, reason: RcaRefusal.notFound };
	if (to.parentId !== '' && !nodes.has(to.parentId)) {
		return { ok: false, reason: RcaRefusal.parentNotFound };
	}
	const tree = readStructure(doc);
	for (let p: string | undefined = to.parentId; p; p = tree.byId.get(p)?.effectiveParentId) {
		if (p === id) return { ok: false, reason: RcaRefusal.wouldCycle };
	}
	const order = placeOrder(tree, to.parentId, to.after, id);
	transactStamped(
		doc,
		VERSION,
		() => {
			setIfChanged(map, 'parentId', to.parentId);
			setIfChanged(map, 'order', order);
		},
		origin
	);
	return { ok: true };
}

/** Makes a node the last child of its previous sibling (Tab in the outline). */
export function indentRcaNode(doc: Y.Doc, id: string, origin?: unknown): RcaResult {
	const tree = readStructure(doc);
	const node = tree.byId.get(id);
	if (!node) return { ok: false, reason: RcaRefusal.notFound };
	const siblings = siblingsOf(tree, node.effectiveParentId);
	const prev = siblings[siblings.findIndex((n) => n.id === id) - 1];
	if (!prev) return { ok: false, reason: RcaRefusal.noPreviousSibling };
	return moveRcaNode(doc, id, { parentId: prev.id }, origin);
}

/** Makes a node the sibling right after its parent (Shift+Tab in the outline). */
export function outdentRcaNode(doc: Y.Doc, id: string, origin?: unknown): RcaResult {
	const tree = readStructure(doc);
	const node = tree.byId.get(id);
	if (!node) return { ok: false, reason: RcaRefusal.notFound };
	const parent = tree.byId.get(node.effectiveParentId);
	if (!parent) return { ok: false, reason: RcaRefusal.alreadyTopLevel };
	return moveRcaNode(doc, id, { parentId: parent.effectiveParentId, after: parent.id }, origin);
}

/** Moves a node one place up (-1) or down (+1) among its siblings. */
export function shiftRcaNode(doc: Y.Doc, id: string, delta: -1 | 1, origin?: unknown): RcaResult {
	const tree = readStructure(doc);
	const node = tree.byId.get(id);
	if (!node) return { ok: false, reason: RcaRefusal.notFound };
	const siblings = siblingsOf(tree, node.effectiveParentId);
	const i = siblings.findIndex((n) => n.id === id);
	const target = siblings[i + delta];
	if (!target) return { ok: false, reason: RcaRefusal.atEdge };
	// Up: after the one before the target (null = first). Down: after the target.
	const after = delta < 0 ? (siblings[i - 2]?.id ?? null) : target.id;
	return moveRcaNode(doc, id, { parentId: node.effectiveParentId, after }, origin);
}

/** Deletes a node and everything under it (as shown); returns how many nodes went. */
export function removeRcaNode(
	doc: Y.Doc,
	id: string,
	origin?: unknown
): RcaResult<{ removed: number }> {
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: RcaRefusal.newerSchema };
	const tree = readStructure(doc);
	const node = tree.byId.get(id);
	if (!node) return { ok: false, reason: RcaRefusal.notFound };
	const doomed: string[] = [];
	const stack = [node];
	while (stack.length > 0) {
		const n = stack.pop()!;
		doomed.push(n.id);
		stack.push(...n.children);
	}
	const nodes = nodesOf(doc);
	transactStamped(doc, VERSION, () => doomed.forEach((d) => nodes.delete(d)), origin);
	return { ok: true, removed: doomed.length };
}

/** Cites a timeline event or a link as evidence for a node. Citing an event twice keeps one. */
export function addRcaEvidence(
	doc: Y.Doc,
	nodeId: string,
	evidence: { kind: 'event'; eventId: string } | { kind: 'link'; url: string; note?: string },
	origin?: unknown
): RcaResult<{ id: string }> {
	let key: string;
	let value: Record<string, string>;
	if (evidence.kind === 'event') {
		if (!ID_PATTERN.test(evidence.eventId)) return { ok: false, reason: RcaRefusal.invalidId };
		key = `event-${evidence.eventId}`.slice(0, 64);
		value = { kind: 'event', eventId: evidence.eventId };
	} else {
		const url = evidence.url.trim();
		const note = (evidence.note ?? '').trim();
		if (!isHttpUrl(url)) return { ok: false, reason: RcaRefusal.invalidUrl };
		if (note.length > MAX_EVIDENCE_NOTE) return { ok: false, reason: RcaRefusal.noteTooLong };
		key = newId();
		value = { kind: 'link', url, note };
	}
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: RcaRefusal.newerSchema };
	const map = nodesOf(doc).get(nodeId);
	if (!(map instanceof Y.Map)) return { ok: false, reason: RcaRefusal.notFound };
	transactStamped(
		doc,
		VERSION,
		() => {
			let list = map.get('evidence');
			if (!(list instanceof Y.Map)) {
				list = new Y.Map<unknown>();
				map.set('evidence', list);
			}
			const ev = list as Y.Map<unknown>;
			if (!ev.has(key)) ev.set(key, value);
		},
		origin
	);
	return { ok: true, id: key };
}

/** Removes one piece of evidence from a node. */
export function removeRcaEvidence(
	doc: Y.Doc,
	nodeId: string,
	evidenceId: string,
	origin?: unknown
): RcaResult {
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: RcaRefusal.newerSchema };
	const list = nodesOf(doc).get(nodeId)?.get('evidence');
	if (!(list instanceof Y.Map) || !list.has(evidenceId)) {
		return { ok: false, reason: RcaRefusal.notFound };
	}
	transactStamped(doc, VERSION, () => list.delete(evidenceId), origin);
	return { ok: true };
}

/** The shared types of the rca document (undo scope). */
export function rcaTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
	return [nodesOf(doc) as Y.AbstractType<unknown>];
}

/** Calls `onChange` after any change to the tree; returns the unsubscribe. */
export function observeRca(doc: Y.Doc, onChange: () => void): () => void {
	return observeType(nodesOf(doc) as Y.AbstractType<unknown>, onChange);
}
