import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addRcaEvidence,
	addRcaNode,
	indentRcaNode,
	moveRcaNode,
	outdentRcaNode,
	RcaRefusal,
	readRcaTree,
	removeRcaEvidence,
	removeRcaNode,
	shiftRcaNode,
	updateRcaNode
} from './rca.ts';
import { buildRcaTree, flattenRcaTree, type RcaLink, type RcaTree } from './rca-tree.ts';

function exchange(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function add(doc: Y.Doc, id: string, parentId = '', after?: string | null): string {
	const r = addRcaNode(doc, { id, parentId, text: id, after });
	if (!r.ok) throw new Error(`add ${id}: ${r.reason}`);
	return id;
}

/** The outline as "depth:id" strings, the way a reader sees it. */
const outline = <T extends RcaLink>(tree: RcaTree<T>, collapsed?: Set<string>): string[] =>
	flattenRcaTree(tree, collapsed).map((n) => `${n.depth}:${n.id}`);

describe('rca tree: writers', () => {
	it('adds children in order and siblings right after a given node', () => {
		const doc = new Y.Doc();
		add(doc, 'why1');
		add(doc, 'a', 'why1');
		add(doc, 'c', 'why1');
		add(doc, 'b', 'why1', 'a');
		add(doc, 'first', 'why1', null);
		expect(outline(readRcaTree(doc))).toEqual(['0:why1', '1:first', '1:a', '1:b', '1:c']);
	});

	it('refuses a missing parent, an unknown kind and a reused id', () => {
		const doc = new Y.Doc();
		add(doc, 'x');
		expect(addRcaNode(doc, { parentId: 'ghost' })).toEqual({
			ok: false,
			reason: RcaRefusal.parentNotFound
		});
		expect(addRcaNode(doc, { parentId: '', kind: 'guess' })).toEqual({
			ok: false,
			reason: RcaRefusal.unknownKind
		});
		expect(addRcaNode(doc, { id: 'x', parentId: '' })).toEqual({
			ok: false,
			reason: RcaRefusal.duplicateId
		});
	});

	it('updates text, kind and the root-cause mark', () => {
		const doc = new Y.Doc();
		add(doc, 'n');
		updateRcaNode(doc, 'n', { text: 'Pool too small', kind: 'cause', isRootCause: true });
		const n = readRcaTree(doc).byId.get('n');
		expect(n).toMatchObject({ text: 'Pool too small', kind: 'cause', isRootCause: true });
	});

	it('indents under the previous sibling and outdents to right after the parent', () => {
		const doc = new Y.Doc();
		add(doc, 'p');
		add(doc, 'a', 'p');
		add(doc, 'b', 'p');
		add(doc, 'c', 'p');
		expect(indentRcaNode(doc, 'b').ok).toBe(true);
		expect(outline(readRcaTree(doc))).toEqual(['0:p', '1:a', '2:b', '1:c']);
		expect(indentRcaNode(doc, 'a')).toEqual({ ok: false, reason: RcaRefusal.noPreviousSibling });
		expect(outdentRcaNode(doc, 'b').ok).toBe(true);
		expect(outline(readRcaTree(doc))).toEqual(['0:p', '1:a', '1:b', '1:c']);
		expect(outdentRcaNode(doc, 'p')).toEqual({ ok: false, reason: RcaRefusal.alreadyTopLevel });
	});

	it('moves up and down among siblings and stops at the edges', () => {
		const doc = new Y.Doc();
		for (const id of ['a', 'b', 'c']) add(doc, id);
		expect(shiftRcaNode(doc, 'c', -1).ok).toBe(true);
		expect(outline(readRcaTree(doc))).toEqual(['0:a', '0:c', '0:b']);
		expect(shiftRcaNode(doc, 'c', -1).ok).toBe(true);
		expect(outline(readRcaTree(doc))).toEqual(['0:c', '0:a', '0:b']);
		expect(shiftRcaNode(doc, 'c', -1)).toEqual({ ok: false, reason: RcaRefusal.atEdge });
		expect(shiftRcaNode(doc, 'a', 1).ok).toBe(true);
		expect(outline(readRcaTree(doc))).toEqual(['0:c', '0:b', '0:a']);
	});

	it('refuses to move a node into its own subtree', () => {
		const doc = new Y.Doc();
		add(doc, 'a');
		add(doc, 'b', 'a');
		add(doc, 'c', 'b');
		expect(moveRcaNode(doc, 'a', { parentId: 'c' })).toEqual({
			ok: false,
			reason: RcaRefusal.wouldCycle
		});
		expect(moveRcaNode(doc, 'a', { parentId: 'a' })).toEqual({
			ok: false,
			reason: RcaRefusal.wouldCycle
		});
		expect(moveRcaNode(doc, 'c', { parentId: '' }).ok).toBe(true);
		expect(outline(readRcaTree(doc))).toEqual(['0:a', '1:b', '0:c']);
	});

	it('removes a node with everything under it', () => {
		const doc = new Y.Doc();
		add(doc, 'a');
		add(doc, 'b', 'a');
		add(doc, 'c', 'b');
		add(doc, 'd');
		expect(removeRcaNode(doc, 'a')).toEqual({ ok: true, removed: 3 });
		expect(outline(readRcaTree(doc))).toEqual(['0:d']);
	});

	it('cites events once, links with notes, and removes evidence', () => {
		const doc = new Y.Doc();
		add(doc, 'n');
		addRcaEvidence(doc, 'n', { kind: 'event', eventId: 'ev1' });
		addRcaEvidence(doc, 'n', { kind: 'event', eventId: 'ev1' });
		const link = addRcaEvidence(doc, 'n', {
			kind: 'link',
			url: 'https://grafana.example.com/d/db',
			note: 'pool saturation'
		});
		expect(addRcaEvidence(doc, 'n', { kind: 'link', url: 'ftp://x' })).toEqual({
			ok: false,
			reason: RcaRefusal.invalidUrl
		});
		const evidence = readRcaTree(doc).byId.get('n')!.evidence;
		expect(evidence).toHaveLength(2);
		expect(evidence).toContainEqual({ id: 'event-ev1', kind: 'event', eventId: 'ev1' });
		if (!link.ok) throw new Error(link.reason);
		expect(removeRcaEvidence(doc, 'n', link.id).ok).toBe(true);
		expect(readRcaTree(doc).byId.get('n')!.evidence).toHaveLength(1);
	});

	it('hides what is under a collapsed node from the outline', () => {
		const doc = new Y.Doc();
		add(doc, 'a');
		add(doc, 'b', 'a');
		add(doc, 'c');
		expect(outline(readRcaTree(doc), new Set(['a']))).toEqual(['0:a', '0:c']);
	});
});

describe('rca tree: concurrent edits', () => {
	it('shows a cycle made by two concurrent moves under the top level, the same on both peers', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		add(a, 'root');
		add(a, 'x', 'root');
		add(a, 'y', 'root');
		exchange(a, b);
		// Offline from each other: one moves x under y, the other y under x. Each move is fine alone.
		expect(moveRcaNode(a, 'x', { parentId: 'y' }).ok).toBe(true);
		expect(moveRcaNode(b, 'y', { parentId: 'x' }).ok).toBe(true);
		exchange(a, b);

		const tree = readRcaTree(a);
		// Every node shows exactly once; the cycle is cut at its smallest id (x), shown at the top.
		expect(outline(tree)).toEqual(['0:root', '0:x', '1:y']);
		expect(tree.byId.get('x')!.detached).toBe('cycle');
		expect(outline(readRcaTree(b))).toEqual(outline(tree));
	});

	it('repairs a three-node cycle and keeps the nodes hanging off it', () => {
		const peers = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
		const [p, q, r] = peers as [Y.Doc, Y.Doc, Y.Doc];
		for (const id of ['n1', 'n2', 'n3']) add(p, id);
		add(p, 'leaf', 'n2');
		exchange(p, q);
		exchange(p, r);
		moveRcaNode(p, 'n1', { parentId: 'n2' });
		moveRcaNode(q, 'n2', { parentId: 'n3' });
		moveRcaNode(r, 'n3', { parentId: 'n1' });
		exchange(p, q);
		exchange(q, r);
		exchange(p, q);
		const rows = outline(readRcaTree(p));
		expect(rows).toHaveLength(4);
		expect(rows[0]).toBe('0:n1');
		expect(rows).toContain('1:n3');
		expect(rows).toContain('2:n2');
		expect(rows).toContain('3:leaf');
		for (const peer of peers) expect(outline(readRcaTree(peer))).toEqual(rows);
	});

	it('shows a child whose parent was deleted concurrently at the top level', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		add(a, 'p');
		exchange(a, b);
		removeRcaNode(a, 'p');
		add(b, 'child', 'p');
		exchange(a, b);
		const tree = readRcaTree(a);
		expect(outline(tree)).toEqual(['0:child']);
		expect(tree.byId.get('child')!.detached).toBe('missing-parent');
	});

	it('a later move of a detached node fixes the stored pointer', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		add(a, 'x');
		add(a, 'y');
		exchange(a, b);
		moveRcaNode(a, 'x', { parentId: 'y' });
		moveRcaNode(b, 'y', { parentId: 'x' });
		exchange(a, b);
		expect(moveRcaNode(a, 'x', { parentId: '' }).ok).toBe(true);
		const tree = readRcaTree(a);
		expect(tree.byId.get('x')!.detached).toBeNull();
		expect(outline(tree)).toEqual(['0:x', '1:y']);
	});

	it('reads a chain thousands of levels deep without recursion limits', () => {
		const links = Array.from({ length: 5000 }, (_, i) => ({
			id: `n${i}`,
			parentId: i === 0 ? '' : `n${i - 1}`,
			order: 1
		}));
		const rows = flattenRcaTree(buildRcaTree(links));
		expect(rows).toHaveLength(5000);
		expect(rows.at(-1)!.depth).toBe(4999);
	});
});
