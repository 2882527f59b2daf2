import * as Y from 'yjs';
import { EDITABLE_SECTIONS, MeetingStatus, type MetaState, type Person } from '@debrief/doc';
import type { Db } from '@debrief/db';
import {
	checkReadiness,
	contentDigest,
	readBoardContent,
	type ReadinessWarning,
	type SectionDocs,
	type SnapshotContent
} from '@debrief/export';
import type { Logger } from '../log.ts';
import type { RoomManager } from '../rooms/room-manager.ts';
import type { SocketRegistry } from '../sockets/sync.ts';
import { getBoard, listMembers } from '../store/index.ts';
import { applyFollowUpPlan, trackedFollowUps } from '../store/follow-ups.ts';
import { getSnapshot, insertSnapshot } from '../store/snapshots.ts';
import { planFollowUps } from './follow-up-plan.ts';

export interface SnapshotServiceOptions {
	rooms: RoomManager;
	db: Db;
	sockets: SocketRegistry;
	log: Logger;
	/** Server clock in epoch ms, for drafts (tests may pin it). */
	now?: () => number;
}

/** A snapshot just taken. */
export interface TakenSnapshot {
	revision: number;
	digest: string;
	/** False when this revision was already stored (a retried close): the first one stands. */
	stored: boolean;
}

/**
 * Freezes a board into a snapshot at close, and reads the live board for drafts and the
 * readiness check. The content comes from the section rooms (loaded if they were not): every
 * room is flushed first, so what is frozen is also what storage holds.
 */
export class SnapshotService {
	#options: SnapshotServiceOptions;

	constructor(options: SnapshotServiceOptions) {
		this.#options = options;
	}

	/** Every section's document, loaded and flushed to storage. */
	async #sections(boardId: string): Promise<SectionDocs> {
		const { rooms } = this.#options;
		const docs = await Promise.all(
			EDITABLE_SECTIONS.map(async (section) => {
				const key = { boardId, section };
				const room = rooms.room(key);
				await room.ready;
				await rooms.flush(key);
				return [section, room.doc] as const;
			})
		);
		return Object.fromEntries(docs) as SectionDocs;
	}

	async #content(
		boardId: string,
		meta: MetaState,
		close: { draft: boolean; revision: number; closedAt: number; closedBy: Person | null }
	): Promise<{ content: SnapshotContent; docs: SectionDocs }> {
		const { db, sockets } = this.#options;
		const [board, members, docs] = await Promise.all([
			getBoard(db, boardId),
			listMembers(db, boardId),
			this.#sections(boardId)
		]);
		if (!board) throw new Error(`no board ${boardId}`);
		const present = sockets.usersOn(boardId);
		const content = readBoardContent(docs, {
			board: {
				id: board.id,
				title: board.title,
				severity: board.severity ?? '',
				service: board.service ?? ''
			},
			draft: close.draft,
			revision: close.revision,
			closedAt: new Date(close.closedAt).toISOString(),
			closedBy: close.closedBy,
			agenda: meta.stages,
			attendance: members.map((m) => ({
				userId: m.userId,
				name: m.name,
				role: m.role,
				present: present.has(m.userId)
			}))
		});
		return { content, docs };
	}

	/**
	 * Takes the snapshot of a meeting that has just closed as `meta.revision` (every section is
	 * locked by then), stores it with each section's Yjs state and the digest, and refreshes the
	 * board's tracked follow-ups, in one transaction.
	 */
	async take(boardId: string, meta: MetaState, closedBy: Person): Promise<TakenSnapshot> {
		const { db, log } = this.#options;
		const revision = meta.revision;
		const { content, docs } = await this.#content(boardId, meta, {
			draft: false,
			revision,
			closedAt: meta.updatedAt,
			closedBy
		});
		const digest = await contentDigest(content);
		const states = Object.fromEntries(
			EDITABLE_SECTIONS.map((s) => [
				s,
				Buffer.from(Y.encodeStateAsUpdate(docs[s])).toString('base64')
			])
		);
		const previous = revision > 1 ? await getSnapshot(db, boardId, revision - 1) : null;
		const stored = await db.transaction(async (tx) => {
			const inserted = await insertSnapshot(tx, {
				boardId,
				revision,
				closedAt: new Date(meta.updatedAt),
				closedBy: closedBy.userId,
				content,
				states,
				digest
			});
			if (!inserted) return false;
			const plan = planFollowUps(
				await trackedFollowUps(tx, boardId),
				previous?.content.actions ?? null,
				content.actions
			);
			await applyFollowUpPlan(tx, boardId, revision, plan);
			return true;
		});
		log.info('snapshot taken', { board: boardId, revision, digest, stored });
		return { revision, digest, stored };
	}

	/** The live board as a draft export: the revision the next close would make, no digest. */
	async draft(boardId: string, meta: MetaState): Promise<SnapshotContent> {
		const closed = meta.status === MeetingStatus.closed;
		const { content } = await this.#content(boardId, meta, {
			draft: true,
			revision: closed ? meta.revision : meta.revision + 1,
			closedAt: this.#options.now?.() ?? Date.now(),
			closedBy: null
		});
		return content;
	}

	/** What the facilitator should look at before closing: warnings, never blockers. */
	async readiness(boardId: string, meta: MetaState): Promise<ReadinessWarning[]> {
		return checkReadiness(await this.draft(boardId, meta));
	}
}
