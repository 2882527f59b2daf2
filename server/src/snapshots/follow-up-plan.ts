import type { ActionItem } from '@debrief/doc';

/**
 * How a close refreshes the tracked follow-ups of a board: pure, so the rule is tested apart
 * from SQL. Owner, due date and status are edited on the follow-ups page after close; a later
 * close must not undo those edits with the values the room never touched. So a tracked field
 * takes the new snapshot's value only when the room changed it between the two revisions.
 */

/** The tracked part of a follow-up, as stored. */
export interface TrackedFollowUp {
	id: string;
	actionId: string;
	owner: string;
	/** `YYYY-MM-DD`, or '' for none. */
	due: string;
	status: string;
}

/** What a close writes: one row per action of the new revision, and the rows to drop. */
export interface FollowUpPlan {
	upsert: Array<{
		/** The existing row's id, or null for a new row. */
		id: string | null;
		actionId: string;
		title: string;
		owner: string;
		due: string;
		priority: string;
		status: string;
		ticket: string;
	}>;
	/** Rows whose action the room deleted: the agreed document no longer has them. */
	remove: string[];
}

/** The fields the follow-ups page edits after close. */
type Tracked = 'owner' | 'due' | 'status';

/**
 * Plans the follow-ups of `current` (the actions of the revision just closed), given the rows
 * tracked so far and the actions of the previous revision (null at the first close).
 */
export function planFollowUps(
	tracked: readonly TrackedFollowUp[],
	previous: readonly ActionItem[] | null,
	current: readonly ActionItem[]
): FollowUpPlan {
	const rows = new Map(tracked.map((r) => [r.actionId, r]));
	const before = new Map((previous ?? []).map((a) => [a.id, a]));
	const upsert: FollowUpPlan['upsert'] = current.map((action) => {
		const row = rows.get(action.id);
		const prev = before.get(action.id);
		const pick = (field: Tracked): string => {
			if (!row) return action[field];
			// The room changed it since the last close (or the action is new there): theirs wins.
			if (!prev || prev[field] !== action[field]) return action[field];
			return row[field];
		};
		return {
			id: row?.id ?? null,
			actionId: action.id,
			title: action.title,
			owner: pick('owner'),
			due: pick('due'),
			priority: action.priority,
			status: pick('status'),
			ticket: action.ticket
		};
	});
	const kept = new Set(current.map((a) => a.id));
	return { upsert, remove: tracked.filter((r) => !kept.has(r.actionId)).map((r) => r.id) };
}

/** A follow-up as the list orders it. */
export interface OrderedFollowUp {
	due: string;
	status: string;
	updatedAt: string;
	id: string;
}

/** True when the item is not done and its due date is before `today` (`YYYY-MM-DD`). */
export function isOverdue(item: Pick<OrderedFollowUp, 'due' | 'status'>, today: string): boolean {
	return item.status !== 'done' && item.due !== '' && item.due < today;
}

/**
 * The follow-ups page's order: overdue first (oldest due first), then the rest still open by due
 * date (no date last), then done ones, most recently changed first.
 */
export function orderFollowUps<T extends OrderedFollowUp>(items: readonly T[], today: string): T[] {
	const rank = (i: T) => (isOverdue(i, today) ? 0 : i.status === 'done' ? 3 : i.due ? 1 : 2);
	return [...items].sort((a, b) => {
		const r = rank(a) - rank(b);
		if (r !== 0) return r;
		if (rank(a) === 3) return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
		if (a.due !== b.due) return a.due < b.due ? -1 : 1;
		return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	});
}
