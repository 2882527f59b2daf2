import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	customType,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';

/** A member's role on one board. Facilitators run the agenda; observers never write. */
export const BoardRole = {
	facilitator: 'facilitator',
	cofacilitator: 'cofacilitator',
	participant: 'participant',
	observer: 'observer'
} as const;
export type BoardRole = (typeof BoardRole)[keyof typeof BoardRole];
/** Every BoardRole, for validators and the check constraints. */
export const boardRoles = Object.values(BoardRole) as [BoardRole, ...BoardRole[]];

/** Where a board is in its life: prepared, in the meeting, or frozen into a snapshot. */
export const BoardStatus = {
	draft: 'draft',
	live: 'live',
	closed: 'closed'
} as const;
export type BoardStatus = (typeof BoardStatus)[keyof typeof BoardStatus];
/** Every BoardStatus, for validators and the check constraint. */
export const boardStatuses = Object.values(BoardStatus) as [BoardStatus, ...BoardStatus[]];

/** `'a', 'b'` for a CHECK (... in (...)): drizzle-kit needs literal SQL, not parameters. */
const sqlList = (values: readonly string[]) =>
	sql.raw(values.map((value) => `'${value}'`).join(', '));

/**
 * Normalises what the drivers give back for bytea: postgres.js a Buffer (often a view on a shared
 * pool), PGlite a Uint8Array. Callers get a plain Uint8Array that owns its memory, so Yjs and
 * structured clone see the same thing on both backends.
 */
export function toBytes(value: unknown): Uint8Array {
	if (value instanceof Uint8Array) {
		return value.constructor === Uint8Array && value.byteLength === value.buffer.byteLength
			? value
			: new Uint8Array(value);
	}
	// Text protocol fallback (a bytea selected through raw SQL on some paths): '\x' + hex.
	if (typeof value === 'string' && value.startsWith('\\x')) {
		return new Uint8Array(Buffer.from(value.slice(2), 'hex'));
	}
	throw new TypeError(`expected bytea, got ${typeof value}`);
}

/** pg-core has no bytea column; this one reads and writes plain Uint8Array on both drivers. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType() {
		return 'bytea';
	},
	fromDriver: toBytes
});

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
	timestamp({ withTimezone: true })
		.notNull()
		.defaultNow()
		.$onUpdate(() => new Date());

export const users = pgTable('users', {
	id: text().primaryKey(),
	// Unique as stored: the auth layer lowercases emails before they get here.
	email: text().unique(),
	name: text().notNull(),
	passwordHash: text(),
	isGuest: boolean().notNull().default(false),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/** Lucia-guide sessions: the id is the hex SHA-256 of the token, so a database leak holds no token. */
export const sessions = pgTable(
	'sessions',
	{
		id: text().primaryKey(),
		userId: text()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [index().on(t.userId)]
);

export const boards = pgTable(
	'boards',
	{
		id: text().primaryKey(),
		title: text().notNull(),
		severity: text(),
		service: text(),
		incidentStart: timestamp({ withTimezone: true }),
		incidentEnd: timestamp({ withTimezone: true }),
		status: text({ enum: boardStatuses }).notNull().default('draft'),
		// Number of the last closed snapshot; reopening works on revision + 1.
		revision: integer().notNull().default(0),
		createdBy: text().references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index().on(t.createdAt),
		check('boards_status_check', sql`${t.status} in (${sqlList(boardStatuses)})`)
	]
);

export const boardMembers = pgTable(
	'board_members',
	{
		boardId: text()
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		userId: text()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text({ enum: boardRoles }).notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.boardId, t.userId] }),
		// "Boards I belong to" reads by user; the primary key only serves reads by board.
		index().on(t.userId),
		check('board_members_role_check', sql`${t.role} in (${sqlList(boardRoles)})`)
	]
);

export const invites = pgTable(
	'invites',
	{
		id: text().primaryKey(),
		tokenHash: text().notNull().unique('invites_token_hash_unique'),
		boardId: text()
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		role: text({ enum: boardRoles }).notNull(),
		createdBy: text()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		revokedAt: timestamp({ withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index().on(t.boardId),
		check('invites_role_check', sql`${t.role} in (${sqlList(boardRoles)})`)
	]
);

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		boardId: text()
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		// Kept when the user goes: the entry still says what happened, just not by whom.
		actorId: text().references(() => users.id, { onDelete: 'set null' }),
		action: text().notNull(),
		detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		at: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.boardId, t.id)]
);

/** Compacted Yjs state of one section document (see doc_updates for what came after it). */
export const docStates = pgTable(
	'doc_states',
	{
		boardId: text()
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		section: text().notNull(),
		state: bytea().notNull(),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.boardId, t.section] })]
);

/** Append-only log of accepted Yjs updates since the last compaction; id gives the order. */
export const docUpdates = pgTable(
	'doc_updates',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		boardId: text()
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		section: text().notNull(),
		update: bytea().notNull(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.boardId, t.section, t.id)]
);

/**
 * Immutable record of a closed meeting. `content` is the plain (exportable) view of every section;
 * `states` holds each section's Yjs state, base64-encoded, keyed by section, so a revision can be
 * reopened exactly. `digest` is the hex SHA-256 of the canonical content, to prove it unchanged.
 */
export const snapshots = pgTable(
	'snapshots',
	{
		boardId: text()
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		revision: integer().notNull(),
		closedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		closedBy: text().references(() => users.id, { onDelete: 'set null' }),
		content: jsonb().$type<Record<string, unknown>>().notNull(),
		states: jsonb().$type<Record<string, string>>().notNull(),
		digest: text().notNull()
	},
	(t) => [primaryKey({ columns: [t.boardId, t.revision] })]
);

/** Where a follow-up stands; the same words as an action item's status. */
export const followUpStatuses = ['open', 'in-progress', 'blocked', 'done'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/**
 * An action item of a closed board, tracked after the meeting: owner, due date and status change
 * here while the snapshot stays frozen. One row per board and action id; each close refreshes it
 * from the new revision (see server/src/snapshots).
 */
export const followUps = pgTable(
	'follow_ups',
	{
		id: text().primaryKey(),
		boardId: text()
			.notNull()
			.references(() => boards.id, { onDelete: 'cascade' }),
		// The revision whose close last wrote this row.
		revision: integer().notNull(),
		actionId: text().notNull(),
		title: text().notNull(),
		owner: text().notNull().default(''),
		due: date({ mode: 'string' }),
		priority: text().notNull(),
		status: text({ enum: followUpStatuses }).notNull().default('open'),
		ticket: text().notNull().default(''),
		updatedBy: text().references(() => users.id, { onDelete: 'set null' }),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex().on(t.boardId, t.actionId),
		index().on(t.status, t.due),
		check('follow_ups_status_check', sql`${t.status} in (${sqlList(followUpStatuses)})`)
	]
);
