import type { RcaNode } from './rca.ts';

/**
 * The cause tree as shown, built from flat parent pointers. Stored pointers can be inconsistent
 * in two ways that no single writer creates but merges can:
 *
 * - a **missing parent**: someone deleted a node while someone else added a child under it;
 * - a **cycle**: A moved under B on one peer while B moved under A on another.
 *
 * Both are repaired on read, the same way on every peer: a node whose parent is gone shows at the
 * top level, and each cycle is broken at its node with the smallest id, which shows at the top
 * level. Nothing is written: the next move of that node fixes the stored pointer for good.
 */

/** What the tree is built from: the structure of a node, and whatever else it carries. */
export type RcaLink = Pick<RcaNode, 'id' | 'parentId' | 'order'>;

/** A node in the repaired tree. */
export type RcaTreeNode<T extends RcaLink = RcaNode> = T & RcaTreeFields<T>;

/** What the repaired tree adds to a node. */
export interface RcaTreeFields<T extends RcaLink> {
	/** The parent as shown ('' for the top level); differs from `parentId` when repaired. */
	effectiveParentId: string;
	depth: number;
	children: RcaTreeNode<T>[];
	/** Why the node shows at the top level although its stored parent says otherwise. */
	detached: null | 'cycle' | 'missing-parent';
}

/** The repaired tree: top-level nodes in order, and every node by id. */
export interface RcaTree<T extends RcaLink = RcaNode> {
	roots: RcaTreeNode<T>[];
	byId: Map<string, RcaTreeNode<T>>;
}

const bySiblingOrder = (a: RcaLink, b: RcaLink): number =>
	a.order !== b.order ? a.order - b.order : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Builds the repaired tree from stored nodes. Linear in the number of nodes; never loops. */
export function buildRcaTree<T extends RcaLink>(nodes: readonly T[]): RcaTree<T> {
	const byId = new Map<string, RcaTreeNode<T>>();
	for (const n of nodes) {
		byId.set(n.id, { ...n, effectiveParentId: n.parentId, depth: 0, children: [], detached: null });
	}
	for (const n of byId.values()) {
		if (n.parentId === '') continue;
		if (n.parentId === n.id) {
			n.effectiveParentId = '';
			n.detached = 'cycle';
		} else if (!byId.has(n.parentId)) {
			n.effectiveParentId = '';
			n.detached = 'missing-parent';
		}
	}
	breakCycles(byId);

	const roots: RcaTreeNode<T>[] = [];
	for (const n of byId.values()) {
		const parent = n.effectiveParentId === '' ? undefined : byId.get(n.effectiveParentId);
		if (parent) parent.children.push(n);
		else roots.push(n);
	}
	roots.sort(bySiblingOrder);
	const stack = [...roots];
	while (stack.length > 0) {
		const n = stack.pop()!;
		n.children.sort(bySiblingOrder);
		for (const c of n.children) {
			c.depth = n.depth + 1;
			stack.push(c);
		}
	}
	return { roots, byId };
}

/**
 * Walks up from every node; a walk that meets its own path has found a cycle, which is cut at its
 * smallest id. The set of cycles does not depend on the walk order, so every peer cuts the same.
 */
function breakCycles<T extends RcaLink>(byId: Map<string, RcaTreeNode<T>>): void {
	const done = new Set<string>();
	for (const start of byId.values()) {
		if (done.has(start.id)) continue;
		const path: RcaTreeNode<T>[] = [];
		const onPath = new Map<string, number>();
		let n: RcaTreeNode<T> | undefined = start;
		while (n && !done.has(n.id)) {
			const seen = onPath.get(n.id);
			if (seen !== undefined) {
				const cycle = path.slice(seen);
				const cut = cycle.reduce((min, c) => (c.id < min.id ? c : min));
				cut.effectiveParentId = '';
				cut.detached = 'cycle';
				break;
			}
			onPath.set(n.id, path.length);
			path.push(n);
			n = n.effectiveParentId === '' ? undefined : byId.get(n.effectiveParentId);
		}
		for (const p of path) done.add(p.id);
	}
}

/** The children of `parentId` as shown ('' for the top level). */
export function siblingsOf<T extends RcaLink>(
	tree: RcaTree<T>,
	parentId: string
): RcaTreeNode<T>[] {
	return parentId === '' ? tree.roots : (tree.byId.get(parentId)?.children ?? []);
}

/** Rows of the outline in reading order, skipping what is under a collapsed node. */
export function flattenRcaTree<T extends RcaLink>(
	tree: RcaTree<T>,
	collapsed: ReadonlySet<string> = new Set()
): RcaTreeNode<T>[] {
	const out: RcaTreeNode<T>[] = [];
	const stack = [...tree.roots].reverse();
	while (stack.length > 0) {
		const n = stack.pop()!;
		out.push(n);
		if (!collapsed.has(n.id))
			for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
	}
	return out;
}

/** How many nodes sit under `node` (all levels). */
export function countDescendants<T extends RcaLink>(node: RcaTreeNode<T>): number {
	let count = 0;
	const stack = [...node.children];
	while (stack.length > 0) {
		const n = stack.pop()!;
		count++;
		stack.push(...n.children);
	}
	return count;
}
