import * as Y from 'yjs';
import {
	claimNewId,
	byCreated,
	ID_PATTERN,
	isNewerSchema,
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
import { schemaVersion } from './schema.ts';

/**
 * Contributing factors: conditions that made the incident possible or worse, each in a category,
 * linked to the causes it fed, with dot votes to choose what to act on. `items: id -> Y.Map`;
 * votes are a map userId -> count, so two people voting at once never overwrite each other.
 */

/** Where a factor sits. */
export const FactorCategory = {
	process: 'process',
	tooling: 'tooling',
	monitoring: 'monitoring',
	testing: 'testing',
	communication: 'communication',
	capacity: 'capacity',
	dependency: 'dependency',
	other: 'other'
} as const;
/** One of the factor categories. */
export type FactorCategory = (typeof FactorCategory)[keyof typeof FactorCategory];
/** Every category, in picker order. */
export const FACTOR_CATEGORIES: readonly FactorCategory[] = Object.freeze(
	Object.values(FactorCategory)
);
const categorySet: ReadonlySet<string> = new Set(FACTOR_CATEGORIES);
/** True when `s` is a factor category. */
export function isFactorCategory(s: string): s is FactorCategory {
	return categorySet.has(s);
}

/** Dots each person may place across all factors (stacking on one is allowed). */
export const MAX_VOTES_PER_PERSON = 3;
/** Longest factor text. */
export const MAX_FACTOR_TEXT = 2000;

/** Plain view of a factor. */
export interface Factor {
	id: string;
	text: string;
	category: FactorCategory;
	/** Total dots. */
	votes: number;
	/** Dots per voter id. */
	voters: Record<string, number>;
	/** Root cause analysis nodes this factor fed. */
	causeIds: string[];
	author: string;
	createdAt: string;
}

/** Why a factor write was refused. */
export const FactorRefusal = {
	emptyText: 'empty-text',
	textTooLong: 'text-too-long',
	unknownCategory: 'unknown-category',
	noVotesLeft: 'no-votes-left',
	noVoteToTake: 'no-vote-to-take',
	invalidVoter: 'invalid-voter',
	invalidId: 'invalid-id',
	duplicateId: 'duplicate-id',
	notFound: 'not-found',
	newerSchema: 'newer-schema'
} as const;
/** One of the factor refusal reasons. */
export type FactorRefusal = (typeof FactorRefusal)[keyof typeof FactorRefusal];
/** Outcome of a factor write. */
export type FactorResult<T extends object = object> = WriteResult<FactorRefusal, T>;

const ITEMS = 'items';
const VERSION = schemaVersion.factors;
const itemsOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(ITEMS);

function readVotes(v: unknown): Record<string, number> {
	const out: Record<string, number> = {};
	if (!(v instanceof Y.Map)) return out;
	v.forEach((count: unknown, voter: string) => {
		if (typeof count === 'number' && Number.isInteger(count) && count > 0) out[voter] = count;
	});
	return out;
}

/** Every factor in the order they were raised. */
export function readFactors(doc: Y.Doc): Factor[] {
	const out: Factor[] = [];
	itemsOf(doc).forEach((map, id) => {
		if (!(map instanceof Y.Map)) return;
		const category = readString(map.get('category'));
		const voters = readVotes(map.get('votes'));
		out.push({
			id,
			text: readString(map.get('text')),
			category: isFactorCategory(category) ? category : FactorCategory.other,
			votes: Object.values(voters).reduce((a, b) => a + b, 0),
			voters,
			causeIds: readKeySet(map.get('causeIds')),
			author: readString(map.get('author')),
			createdAt: readString(map.get('createdAt'))
		});
	});
	return out.sort(byCreated);
}

/** Dots `voter` has left to place, given the factors as read. Never negative. */
export function votesLeft(factors: readonly Factor[], voter: string): number {
	const used = factors.reduce((sum, f) => sum + (f.voters[voter] ?? 0), 0);
	return Math.max(0, MAX_VOTES_PER_PERSON - used);
}

/** The shared text of a factor, for a live editor binding. */
export function factorText(doc: Y.Doc, id: string): Y.Text | null {
	const text = itemsOf(doc).get(id)?.get('text');
	return text instanceof Y.Text ? text : null;
}

function checkText(text: string): FactorRefusal | null {
	if (text.trim() === '') return FactorRefusal.emptyText;
	if (text.length > MAX_FACTOR_TEXT) return FactorRefusal.textTooLong;
	return null;
}

/** Adds a factor; `id`/`createdAt` only to restore one. */
export function addFactor(
	doc: Y.Doc,
	input: {
		id?: string;
		text: string;
		category?: string;
		causeIds?: readonly string[];
		author: string;
		createdAt?: string;
	},
	origin?: unknown
): FactorResult<{ id: string }> {
	const category = input.category ?? FactorCategory.other;
	const refusal = checkText(input.text);
	if (refusal) return { ok: false, reason: refusal };
	if (!isFactorCategory(category)) return { ok: false, reason: FactorRefusal.unknownCategory };
	const items = itemsOf(doc);
	const claim = claimNewId(doc, VERSION, items, input.id, FactorRefusal);
	if (!claim.ok) return claim;
	const id = claim.id;
	transactStamped(
		doc,
		VERSION,
		() => {
			const map = new Y.Map<unknown>();
			map.set('text', new Y.Text(input.text.trim()));
			map.set('category', category);
			map.set('votes', new Y.Map<number>());
			map.set('causeIds', keySetOf(input.causeIds ?? []));
			map.set('author', input.author.slice(0, 120));
			map.set('createdAt', input.createdAt ?? new Date().toISOString());
			items.set(id, map);
		},
		origin
	);
	return { ok: true, id };
}

/** Changes a factor's text (minimal edit), category or linked causes (only the difference). */
export function updateFactor(
	doc: Y.Doc,
	id: string,
	patch: { text?: string; category?: string; causeIds?: readonly string[] },
	origin?: unknown
): FactorResult {
	const refusal = patch.text !== undefined ? checkText(patch.text) : null;
	if (refusal) return { ok: false, reason: refusal };
	if (patch.category !== undefined && !isFactorCategory(patch.category)) {
		return { ok: false, reason: FactorRefusal.unknownCategory };
	}
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: FactorRefusal.newerSchema };
	const map = itemsOf(doc).get(id);
	if (!(map instanceof Y.Map)) return { ok: false, reason: FactorRefusal.notFound };
	transactStamped(
		doc,
		VERSION,
		() => {
			if (patch.text !== undefined) setText(map, 'text', patch.text.trim());
			if (patch.category !== undefined) setIfChanged(map, 'category', patch.category);
			if (patch.causeIds !== undefined) setKeySet(map, 'causeIds', patch.causeIds);
		},
		origin
	);
	return { ok: true };
}

/**
 * Adds (+1) or takes back (-1) one of `voter`'s dots on a factor. Adding is refused once the
 * voter has placed all their dots. Two offline tabs of one person could together overspend;
 * `votesLeft` then reads 0 and the count shows what was placed, which the room can see and fix.
 */
export function voteFactor(
	doc: Y.Doc,
	id: string,
	voter: string,
	delta: 1 | -1,
	origin?: unknown
): FactorResult<{ left: number }> {
	if (!ID_PATTERN.test(voter)) return { ok: false, reason: FactorRefusal.invalidVoter };
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: FactorRefusal.newerSchema };
	const map = itemsOf(doc).get(id);
	if (!(map instanceof Y.Map)) return { ok: false, reason: FactorRefusal.notFound };
	const factors = readFactors(doc);
	const left = votesLeft(factors, voter);
	const mine = factors.find((f) => f.id === id)?.voters[voter] ?? 0;
	if (delta > 0 && left === 0) return { ok: false, reason: FactorRefusal.noVotesLeft };
	if (delta < 0 && mine === 0) return { ok: false, reason: FactorRefusal.noVoteToTake };
	transactStamped(
		doc,
		VERSION,
		() => {
			let votes = map.get('votes');
			if (!(votes instanceof Y.Map)) {
				votes = new Y.Map<number>();
				map.set('votes', votes);
			}
			const v = votes as Y.Map<number>;
			if (mine + delta === 0) v.delete(voter);
			else v.set(voter, mine + delta);
		},
		origin
	);
	return { ok: true, left: left - delta };
}

/** Deletes a factor. */
export function removeFactor(doc: Y.Doc, id: string, origin?: unknown): FactorResult {
	if (isNewerSchema(doc, VERSION)) return { ok: false, reason: FactorRefusal.newerSchema };
	const items = itemsOf(doc);
	if (!items.has(id)) return { ok: false, reason: FactorRefusal.notFound };
	transactStamped(doc, VERSION, () => items.delete(id), origin);
	return { ok: true };
}

/** The shared types of the factors document (undo scope). */
export function factorTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
	return [itemsOf(doc) as Y.AbstractType<unknown>];
}

/** Calls `onChange` after any change to the factors; returns the unsubscribe. */
export function observeFactors(doc: Y.Doc, onChange: () => void): () => void {
	return observeType(itemsOf(doc) as Y.AbstractType<unknown>, onChange);
}
