import type { DocKey, DocStorage, StoredDoc } from '@debrief/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

/** What the contract needs from a backend: a storage and fresh keys no other test touches. */
export interface DocStorageHarness {
	storage: DocStorage;
	/**
	 * A second instance over the same data, as another server would have (its own connections);
	 * a backend with a single connection may hand back `storage` itself.
	 */
	other: DocStorage;
	/** A key for a document nobody has written, on a board that exists. */
	newKey(section?: string): Promise<DocKey>;
	close(): Promise<void>;
}

export interface ContractOptions {
	/** Skips the whole suite (the backend is not available here). */
	skip?: boolean;
	/** For opening the backend, which can take seconds. */
	openTimeout?: number;
}

/**
 * The behaviour every DocStorage must have (tldraw's storageContractSuite idea): one suite,
 * registered once per backend, so the backends cannot drift apart.
 */
export function describeDocStorageContract(
	name: string,
	open: () => Promise<DocStorageHarness>,
	options: ContractOptions = {}
): void {
	describe.skipIf(options.skip ?? false)(`DocStorage contract on ${name}`, () => {
		let harness: DocStorageHarness;
		let storage: DocStorage;
		const newKey = (section?: string) => harness.newKey(section);

		beforeAll(async () => {
			harness = await open();
			storage = harness.storage;
		}, options.openTimeout ?? 120_000);
		afterAll(async () => {
			await harness?.close();
		}, options.openTimeout ?? 120_000);

		it('loads a document never written as no state and an empty log', async () => {
			const key = await newKey();
			expect(await storage.load(key)).toEqual({ state: null, updates: [] });
			expect(await storage.logLength(key)).toBe(0);
		});

		it('returns appended updates in append order, across appends', async () => {
			const key = await newKey();
			const source = new Editor();
			const first = source.type(5);
			const second = source.type(3);
			await storage.append(key, first);
			await storage.append(key, second);
			const stored = await storage.load(key);
			expect(stored.state).toBeNull();
			expect(stored.updates.map(bytes)).toEqual([...first, ...second].map(bytes));
			expect(await storage.logLength(key)).toBe(8);
		});

		it('keeps the order of a large append, and of rows that are empty or share their bytes', async () => {
			const key = await newKey();
			const source = new Editor();
			const typed = source.type(6000);
			const updates = [typed[0]!, new Uint8Array(0), typed[0]!, ...typed.slice(1)];
			await storage.append(key, updates);
			const stored = await storage.load(key);
			expect(stored.updates.length).toBe(updates.length);
			expect(stored.updates.map(bytes)).toEqual(updates.map(bytes));
		});

		it('stores nothing for an empty append', async () => {
			const key = await newKey();
			await storage.append(key, []);
			expect(await storage.logLength(key)).toBe(0);
		});

		it('keeps each section of a board apart', async () => {
			const timeline = await newKey('timeline');
			const rca: DocKey = { boardId: timeline.boardId, section: 'rca' };
			await storage.append(timeline, new Editor().type(2));
			await storage.append(rca, new Editor().type(1));
			await storage.compact(timeline);
			expect(await storage.logLength(timeline)).toBe(0);
			expect(await storage.logLength(rca)).toBe(1);
			expect((await storage.load(rca)).state).toBeNull();
		});

		it('compacts the log into the state, emptying the log and keeping the content', async () => {
			const key = await newKey();
			const source = new Editor();
			await storage.append(key, [
				...source.type(20),
				...source.erase(5),
				source.set('owner', 'sam')
			]);
			await storage.compact(key);
			const stored = await storage.load(key);
			expect(stored.state).toBeInstanceOf(Uint8Array);
			expect(stored.updates).toEqual([]);
			expect(await storage.logLength(key)).toBe(0);
			expect(contentOf(stored)).toEqual(source.content());
		});

		it('stores a compacted state smaller than the log it replaces', async () => {
			const key = await newKey();
			const source = new Editor();
			const updates = [...source.type(200), ...source.erase(150)];
			await storage.append(key, updates);
			await storage.compact(key);
			const { state } = await storage.load(key);
			const logBytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
			expect(state?.byteLength).toBeLessThan(logBytes);
		});

		it('leaves the document as it was when compacting an empty log', async () => {
			const key = await newKey();
			await storage.compact(key);
			expect(await storage.load(key)).toEqual({ state: null, updates: [] });
			await storage.append(key, new Editor().type(3));
			await storage.compact(key);
			const before = await storage.load(key);
			await storage.compact(key);
			expect((await storage.load(key)).state).toEqual(before.state);
		});

		it('loads updates appended after a compaction after the state, and compacts them too', async () => {
			const key = await newKey();
			const source = new Editor();
			await storage.append(key, source.type(4));
			await storage.compact(key);
			const later = [...source.type(2), source.set('status', 'done')];
			await storage.append(key, later);
			const stored = await storage.load(key);
			expect(stored.state).not.toBeNull();
			expect(stored.updates.map(bytes)).toEqual(later.map(bytes));
			expect(contentOf(stored)).toEqual(source.content());
			await storage.compact(key);
			expect(contentOf(await storage.load(key))).toEqual(source.content());
		});

		it('keeps updates whose dependencies are missing through a compaction', async () => {
			// Yjs holds such updates as pending; a compaction must carry them, not drop them.
			const key = await newKey();
			const source = new Editor();
			const [first, gap, last] = [source.type(1), source.type(1), source.type(1)].flat();
			await storage.append(key, [first!, last!]);
			await storage.compact(key);
			await storage.append(key, [gap!]);
			expect(contentOf(await storage.load(key))).toEqual(source.content());
		});

		it('stores appends to many documents made in one turn, each in its own order', async () => {
			const keys = await Promise.all([newKey(), newKey(), newKey()]);
			const editors = keys.map(() => new Editor());
			const rounds = [0, 1, 2].map(() => editors.map((editor) => editor.type(2)));
			for (const round of rounds) {
				await Promise.all(keys.map((key, i) => storage.append(key, round[i]!)));
			}
			for (const [i, key] of keys.entries()) {
				const stored = await storage.load(key);
				expect(stored.updates.map(bytes)).toEqual(rounds.flatMap((round) => round[i]!).map(bytes));
				expect(contentOf(stored)).toEqual(editors[i]!.content());
			}
		});

		it('compacts from a document that holds everything stored, as a single instance does', async () => {
			const key = await newKey();
			const source = new Editor();
			await storage.append(key, source.type(6));
			await storage.compact(key);
			await storage.append(key, [...source.erase(2), source.set('owner', 'sam')]);
			// The room's own document: it holds the state and the log already.
			const current = new Y.Doc();
			const before = await storage.load(key);
			for (const update of [before.state!, ...before.updates]) Y.applyUpdate(current, update);
			await storage.compact(key, current);
			const after = await storage.load(key);
			expect(after.updates).toEqual([]);
			expect(contentOf(after)).toEqual(source.content());
		});

		it('keeps rows appended after the delete when compacting from a current document', async () => {
			const key = await newKey();
			const source = new Editor();
			const first = source.type(3);
			await storage.append(key, first);
			const current = new Y.Doc();
			for (const update of first) Y.applyUpdate(current, update);
			// Accepted into the room's document, and being appended while the compaction runs.
			const late = [...source.type(2), source.set('status', 'done')];
			for (const update of late) Y.applyUpdate(current, update);
			await Promise.all([storage.append(key, late), storage.compact(key, current)]);
			const after = await storage.load(key);
			expect(contentOf(after)).toEqual(source.content());
		});

		it('loses no update appended by either instance while both compact', async () => {
			const key = await newKey();
			const source = new Editor();
			const other = harness.other;
			const work: Promise<void>[] = [];
			for (let round = 0; round < 8; round++) {
				work.push(storage.append(key, source.type(3)));
				work.push(other.compact(key));
				work.push(other.append(key, [source.set(`k${round}`, round), ...source.erase(1)]));
				work.push(storage.compact(key));
			}
			await Promise.all(work);
			expect(contentOf(await storage.load(key))).toEqual(source.content());
			await storage.compact(key);
			expect(contentOf(await storage.load(key))).toEqual(source.content());
			expect(await storage.logLength(key)).toBe(0);
		});
	});
}

/** A document being edited, handing out the update of every edit. */
class Editor {
	readonly doc = new Y.Doc();
	#text = this.doc.getText('text');
	#map = this.doc.getMap('fields');

	type(count: number): Uint8Array[] {
		return this.#capture(count, () => this.#text.insert(this.#text.length, 'x'));
	}

	erase(count: number): Uint8Array[] {
		return this.#capture(count, () => this.#text.delete(Math.max(0, this.#text.length - 1), 1));
	}

	set(field: string, value: string | number): Uint8Array {
		return this.#capture(1, () => this.#map.set(field, value))[0]!;
	}

	content() {
		return { text: this.#text.toString(), fields: this.#map.toJSON() };
	}

	#capture(count: number, edit: () => void): Uint8Array[] {
		const updates: Uint8Array[] = [];
		const onUpdate = (update: Uint8Array) => updates.push(update);
		this.doc.on('update', onUpdate);
		for (let i = 0; i < count; i++) edit();
		this.doc.off('update', onUpdate);
		return updates;
	}
}

function contentOf(stored: StoredDoc) {
	const doc = new Y.Doc();
	if (stored.state) Y.applyUpdate(doc, stored.state);
	for (const update of stored.updates) Y.applyUpdate(doc, update);
	return { text: doc.getText('text').toString(), fields: doc.getMap('fields').toJSON() };
}

const bytes = (update: Uint8Array) => Array.from(update);
