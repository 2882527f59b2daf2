import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/**
 * The anti-entropy exchange between instances holding the same document. A state vector alone
 * misses lost deletions (a deletion adds no struct), so a digest of the delete set travels too.
 */
export function describeState(doc: Y.Doc): { stateVector: Uint8Array; deleteDigest: Uint8Array } {
	return { stateVector: Y.encodeStateVector(doc), deleteDigest: deleteDigest(doc) };
}

function deleteDigest(doc: Y.Doc): Uint8Array {
	// A snapshot with an empty state vector encodes just the delete set, canonically merged.
	const deletes = Y.encodeSnapshot(
		Y.createSnapshot(Y.createDeleteSetFromStructStore(doc.store), new Map())
	);
	return createHash('sha256').update(deletes).digest().subarray(0, 16);
}

/**
 * Given another instance's description, what this instance should do: send it what it lacks
 * (`send`), and/or describe itself so the other can send what this one lacks (`ask`).
 */
export function compareState(
	doc: Y.Doc,
	theirs: { stateVector: Uint8Array; deleteDigest: Uint8Array }
): { send: Uint8Array | null; ask: boolean } {
	const mine = Y.decodeStateVector(Y.encodeStateVector(doc));
	const other = Y.decodeStateVector(theirs.stateVector);
	let iHaveMore = false;
	let theyHaveMore = false;
	for (const [client, clock] of mine) if (clock > (other.get(client) ?? 0)) iHaveMore = true;
	for (const [client, clock] of other) if (clock > (mine.get(client) ?? 0)) theyHaveMore = true;
	const deletesDiffer = !equalBytes(deleteDigest(doc), theirs.deleteDigest);
	return {
		// The diff against their state vector carries our whole delete set too.
		send: iHaveMore || deletesDiffer ? Y.encodeStateAsUpdate(doc, theirs.stateVector) : null,
		ask: theyHaveMore
	};
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
