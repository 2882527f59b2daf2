import { auditLog, boards, users } from '@debrief/db';
import type { BoardStatus, Db } from '@debrief/db';
import { and, desc, eq, lt } from 'drizzle-orm';

/** One thing that happened to a board's meeting, as the audit log keeps it. */
export interface AuditInput {
	boardId: string;
	/** Who did it; null for the server itself. */
	actorId: string | null;
	/** What, as a dotted verb: `agenda.next`, `lock`, `close`, ... */
	action: string;
	detail?: Record<string, unknown>;
}

/** An audit entry as the API shows it: who (by name, while the account exists), what, when. */
export interface AuditEntry {
	id: number;
	action: string;
	detail: Record<string, unknown>;
	at: string;
	actor: { userId: string; name: string } | null;
}

/** The board's row as the meeting sees it: status and the revision of the last close. */
export interface BoardMeetingFields {
	status: BoardStatus;
	revision: number;
}

/**
 * Records a meeting change, and with `board` moves the board's status and revision in the same
 * transaction, so `boards.status` never disagrees with what the audit log says happened.
 */
export async function recordMeetingChange(
	db: Db,
	entry: AuditInput,
	board?: BoardMeetingFields
): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.insert(auditLog).values({
			boardId: entry.boardId,
			actorId: entry.actorId,
			action: entry.action,
			detail: entry.detail ?? {}
		});
		if (board) {
			await tx
				.update(boards)
				.set({ status: board.status, revision: board.revision })
				.where(eq(boards.id, entry.boardId));
		}
	});
}

/** Most entries one page of the audit log returns. */
export const AUDIT_PAGE = 200;

/** The board's audit log, newest first; `before` (an entry id) pages further back. */
export async function listAudit(
	db: Db,
	boardId: string,
	options: { before?: number; limit?: number } = {}
): Promise<AuditEntry[]> {
	const limit = Math.min(options.limit ?? AUDIT_PAGE, AUDIT_PAGE);
	const rows = await db
		.select({
			id: auditLog.id,
			action: auditLog.action,
			detail: auditLog.detail,
			at: auditLog.at,
			actorId: auditLog.actorId,
			actorName: users.name
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorId))
		.where(
			options.before === undefined
				? eq(auditLog.boardId, boardId)
				: and(eq(auditLog.boardId, boardId), lt(auditLog.id, options.before))
		)
		.orderBy(desc(auditLog.id))
		.limit(limit);
	return rows.map((row) => ({
		id: row.id,
		action: row.action,
		detail: row.detail,
		at: row.at.toISOString(),
		actor:
			row.actorId && row.actorName !== null ? { userId: row.actorId, name: row.actorName } : null
	}));
}
