import type * as Y from 'yjs';
import {
	readActions,
	readDiscussion,
	readFactors,
	readOverview,
	readRcaNodes,
	readTimeline,
	type ActionItem,
	type EditableSectionId,
	type Overview,
	type ParkedItem,
	type RcaNode,
	type Stage,
	type TimelineEntry
} from '@debrief/doc';

/**
 * The plain content of a board at one moment: what a snapshot freezes and every renderer reads.
 * Only data, no derived figures (impact times, the repaired cause tree): those are computed by
 * the renderers from this, so a snapshot stays the record of what the room wrote.
 */

/** Version of the content's shape (and of the JSON export). Bump with a migration note. */
export const CONTENT_VERSION = 1;

/** A person as the snapshot names them. */
export interface PersonRef {
	userId: string;
	name: string;
}

/** A member of the board at close, with their role, and whether they were connected. */
export interface Attendee extends PersonRef {
	role: string;
	present: boolean;
}

/** A contributing factor as frozen: the vote count, not who voted. */
export interface FrozenFactor {
	id: string;
	text: string;
	category: string;
	votes: number;
	causeIds: string[];
	author: string;
	createdAt: string;
}

/** The board's row: what the board list shows about the incident. */
export interface BoardInfo {
	id: string;
	title: string;
	severity: string;
	service: string;
}

/** Everything a snapshot holds in plain form; the digest is the SHA-256 of its canonical JSON. */
export interface SnapshotContent {
	version: typeof CONTENT_VERSION;
	board: BoardInfo;
	/** True for an export of the live board: not a record anyone agreed to. */
	draft: boolean;
	/** The revision this close made (for a draft: the revision the next close would make). */
	revision: number;
	/** When the meeting closed (a draft: when it was exported), ISO-8601 UTC. */
	closedAt: string;
	closedBy: PersonRef | null;
	overview: Overview;
	timeline: TimelineEntry[];
	/** Nodes as stored (flat, parent pointers), sorted by id; renderers build the tree. */
	rca: RcaNode[];
	factors: FrozenFactor[];
	actions: ActionItem[];
	discussion: { parking: ParkedItem[]; notes: string };
	agenda: Stage[];
	attendance: Attendee[];
}

/** The section documents a snapshot is read from. */
export type SectionDocs = Record<EditableSectionId, Y.Doc>;

/** What the caller knows about the close: the renderers never read a clock. */
export interface CloseInfo {
	board: BoardInfo;
	draft: boolean;
	revision: number;
	closedAt: string;
	closedBy: PersonRef | null;
	agenda: readonly Stage[];
	attendance: readonly Attendee[];
}

const ROLE_ORDER = ['facilitator', 'cofacilitator', 'participant', 'observer'];

/** Facilitator first, then by name; the id settles ties, so the order never depends on input. */
function byRoleThenName(a: Attendee, b: Attendee): number {
	const role = ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role);
	if (role !== 0) return role;
	if (a.name !== b.name) return a.name < b.name ? -1 : 1;
	return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

/** Reads every section through @debrief/doc's readers into one plain, storable object. */
export function readBoardContent(docs: SectionDocs, info: CloseInfo): SnapshotContent {
	const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	const content: SnapshotContent = {
		version: CONTENT_VERSION,
		board: { ...info.board },
		draft: info.draft,
		revision: info.revision,
		closedAt: info.closedAt,
		closedBy: info.closedBy ? { userId: info.closedBy.userId, name: info.closedBy.name } : null,
		overview: readOverview(docs.overview),
		timeline: readTimeline(docs.timeline),
		rca: readRcaNodes(docs.rca).sort(byId),
		factors: readFactors(docs.factors).map((f) => ({
			id: f.id,
			text: f.text,
			category: f.category,
			votes: f.votes,
			causeIds: f.causeIds,
			author: f.author,
			createdAt: f.createdAt
		})),
		actions: readActions(docs.actions),
		discussion: readDiscussion(docs.discussion),
		agenda: info.agenda.map((s) => ({ ...s })),
		attendance: [...info.attendance].map((a) => ({ ...a })).sort(byRoleThenName)
	};
	return storable(content);
}

// A NUL character or a lone surrogate is valid in a Yjs text but refused by Postgres jsonb;
// replacing them keeps the stored content (and so the digest) identical on both backends.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A deep copy whose strings survive a jsonb round trip unchanged. */
export function storable<T>(value: T): T {
	if (typeof value === 'string') return value.replace(UNSTORABLE, '\ufffd') as T;
	if (Array.isArray(value)) return value.map((v: unknown) => storable(v)) as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = storable(v);
		return out as T;
	}
	return value;
}

/** The incident's title: the overview's, else the board's. */
export function titleOf(content: SnapshotContent): string {
	return content.overview.texts.title.trim() || content.board.title;
}

/** The services it touched: the overview's list, else the board's service. */
export function servicesOf(content: SnapshotContent): string[] {
	if (content.overview.services.length > 0) return content.overview.services;
	return content.board.service ? [content.board.service] : [];
}

/** The severity: the overview's, else the board's. */
export function severityOf(content: SnapshotContent): string {
	return content.overview.severity || content.board.severity;
}
