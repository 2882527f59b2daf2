import { MAX_PARKED_TEXT, SectionId, parkItem, readDiscussion, readOverview } from '@debrief/doc';
import type { Person } from '@debrief/doc';
import type { AppDeps } from '../deps.ts';
import { getBoard } from '../store/index.ts';
import { openFollowUpsElsewhere, type FollowUp } from '../store/follow-ups.ts';
import { latestServicesOf } from '../store/snapshots.ts';

/** A follow-up brought into the discussion. */
export interface PulledItem {
	followUpId: string;
	boardTitle: string;
	title: string;
}

export type PullResult = { ok: true; added: PulledItem[] } | { ok: false; reason: 'locked' };

const STATUS: Record<string, string> = {
	open: 'open',
	'in-progress': 'in progress',
	blocked: 'blocked'
};

/** The parked point for a follow-up: where it comes from and where it stands. */
export function followUpText(f: FollowUp): string {
	const who = f.owner ? `owner ${f.owner}` : 'no owner yet';
	const due = f.due ? `, due ${f.due}` : '';
	const head = `Still ${STATUS[f.status] ?? f.status} from “${f.boardTitle}” (revision ${f.revision}): `;
	const tail = ` (${who}${due})`;
	const room = MAX_PARKED_TEXT - head.length - tail.length;
	const title = f.title.length > room ? `${f.title.slice(0, room - 1)}…` : f.title;
	return `${head}${title}${tail}`;
}

/** A parked point's id for a follow-up: pulling twice never adds it twice. */
export const pulledId = (followUpId: string) => `follow-up-${followUpId}`;

/**
 * Brings the open follow-ups of the caller's earlier post-mortems on the same service into this
 * board's parking lot, as a server change on the discussion room (so everyone sees it at once and
 * the lock check and the write happen in one step). Services: the board's own, plus the overview's
 * list; an earlier board matches on its service or the services its latest snapshot names.
 */
export async function pullFollowUps(
	deps: AppDeps,
	boardId: string,
	actor: Person
): Promise<PullResult> {
	const { db } = deps.database;
	const board = await getBoard(db, boardId);
	const overview = deps.rooms.room({ boardId, section: SectionId.overview });
	await overview.ready;
	const services = new Set(
		[board?.service ?? '', ...readOverview(overview.doc).services]
			.map((s) => s.trim().toLowerCase())
			.filter(Boolean)
	);
	const candidates = await openFollowUpsElsewhere(db, actor.userId, boardId);
	const servicesByBoard = new Map<string, string[]>();
	const matching: FollowUp[] = [];
	for (const f of candidates) {
		if (!servicesByBoard.has(f.boardId)) {
			const named = await latestServicesOf(db, f.boardId);
			servicesByBoard.set(
				f.boardId,
				[f.boardService ?? '', ...named].map((s) => s.toLowerCase())
			);
		}
		if (servicesByBoard.get(f.boardId)!.some((s) => services.has(s))) matching.push(f);
	}
	matching.sort((a, b) =>
		a.boardTitle !== b.boardTitle
			? a.boardTitle.localeCompare(b.boardTitle)
			: (a.due || '9999') < (b.due || '9999')
				? -1
				: 1
	);

	const key = { boardId, section: SectionId.discussion };
	const room = deps.rooms.room(key);
	await room.ready;
	// Checked and written in one synchronous step: no lock can land in between.
	if (room.locked) return { ok: false, reason: 'locked' };
	const present = new Set(readDiscussion(room.doc).parking.map((p) => p.id));
	const fresh = matching.filter((f) => !present.has(pulledId(f.id)));
	room.applyServerChange((doc) => {
		for (const f of fresh) {
			parkItem(doc, { id: pulledId(f.id), text: followUpText(f), author: 'Follow-ups', from: '' });
		}
	});
	await deps.rooms.flush(key);
	deps.log.info('follow-ups pulled', { board: boardId, by: actor.userId, added: fresh.length });
	return {
		ok: true,
		added: fresh.map((f) => ({ followUpId: f.id, boardTitle: f.boardTitle, title: f.title }))
	};
}
