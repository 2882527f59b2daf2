/**
 * Every HTTP call the web client makes. Components and state classes call these functions, never
 * `fetch` directly, so the wire format lives in one file. Loads pass SvelteKit's `fetch`.
 * Same-origin requests carry the session cookie; the browser sends `Origin` on the state-changing
 * ones, which the server checks.
 *
 * The types mirror the server's OpenAPI schemas by hand; a generated client (`hc<AppType>` or the
 * OpenAPI document) can replace them without changing any caller.
 */

import type { AgendaAction } from '@debrief/doc';

export const BoardStatus = { draft: 'draft', live: 'live', closed: 'closed' } as const;
export type BoardStatus = (typeof BoardStatus)[keyof typeof BoardStatus];

export const Severity = { SEV1: 'SEV1', SEV2: 'SEV2', SEV3: 'SEV3', SEV4: 'SEV4' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];
export const SEVERITIES: readonly Severity[] = Object.values(Severity);

export const Role = {
	facilitator: 'facilitator',
	cofacilitator: 'cofacilitator',
	participant: 'participant',
	observer: 'observer'
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface Board {
	id: string;
	title: string;
	severity: string | null;
	service: string | null;
	status: BoardStatus;
	revision: number;
	createdAt: string;
	updatedAt: string;
	/** The caller's role on this board (servers with accounts). */
	role?: Role;
}

export interface User {
	id: string;
	name: string;
	email: string | null;
	isGuest: boolean;
}

export interface InviteLink {
	id: string;
	token: string;
	url: string;
	role: 'participant' | 'observer';
	expiresAt: string;
}

export interface InvitePreview {
	board: { id: string; title: string };
	role: Role;
	expiresAt: string;
}

export interface NewBoard {
	title: string;
	severity?: string;
	service?: string;
}

/** A non-2xx answer, with the server's `{ error }` message when it sent one. */
export class ApiError extends Error {
	readonly status: number;
	constructor(status: number, message: string) {
		super(message);
		this.name = 'ApiError';
		this.status = status;
	}
}

type Fetch = typeof fetch;

async function request<T>(f: Fetch, path: string, init?: RequestInit): Promise<T> {
	let res: Response;
	try {
		res = await f(path, {
			...init,
			headers: {
				accept: 'application/json',
				...(init?.body ? { 'content-type': 'application/json' } : {})
			}
		});
	} catch {
		// fetch rejects only when the request never got an answer.
		throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
	}
	if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
	if (res.status === 204) return undefined as T;
	return (await res.json()) as T;
}

async function errorMessage(res: Response): Promise<string> {
	try {
		const body: unknown = await res.json();
		if (body && typeof body === 'object' && 'error' in body) {
			const e = (body as { error: unknown }).error;
			if (typeof e === 'string') return e;
			if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string')
				return e.message;
		}
	} catch {
		// not JSON: fall through to the status text
	}
	return `${res.status} ${res.statusText || 'request failed'}`;
}

/** All boards the caller can see. */
export async function listBoards(f: Fetch = fetch): Promise<Board[]> {
	const body = await request<{ boards: Board[] }>(f, '/api/boards');
	return body.boards;
}

/** One board, or `ApiError` with status 404 when it does not exist. */
export function getBoard(id: string, f: Fetch = fetch): Promise<Board> {
	return request<Board>(f, `/api/boards/${encodeURIComponent(id)}`);
}

/** Creates a board; the caller becomes its facilitator once accounts exist. */
export function createBoard(input: NewBoard, f: Fetch = fetch): Promise<Board> {
	return request<Board>(f, '/api/boards', { method: 'POST', body: JSON.stringify(input) });
}

/** True when the error means "no valid session": the caller should sign in. */
export function isSignedOut(e: unknown): boolean {
	return e instanceof ApiError && e.status === 401;
}

/** The signed-in person; `ApiError` 401 when signed out, 404 on a server without accounts. */
export async function getMe(f: Fetch = fetch): Promise<User> {
	const body = await request<{ user: User }>(f, '/api/me');
	return body.user;
}

/** Creates an account and signs in (the server sets the session cookie). */
export async function signUp(input: {
	email: string;
	password: string;
	name: string;
}): Promise<User> {
	const body = await request<{ user: User }>(fetch, '/api/auth/signup', {
		method: 'POST',
		body: JSON.stringify(input)
	});
	return body.user;
}

/** Signs in (the server sets the session cookie). */
export async function signIn(input: { email: string; password: string }): Promise<User> {
	const body = await request<{ user: User }>(fetch, '/api/auth/login', {
		method: 'POST',
		body: JSON.stringify(input)
	});
	return body.user;
}

/** Ends this session and clears the cookie. */
export async function signOut(): Promise<void> {
	await request<void>(fetch, '/api/auth/logout', { method: 'POST' });
}

/** Makes an invite link for a board (facilitators). */
export function createInvite(
	boardId: string,
	role: InviteLink['role'],
	f: Fetch = fetch
): Promise<InviteLink> {
	return request<InviteLink>(f, `/api/boards/${encodeURIComponent(boardId)}/invites`, {
		method: 'POST',
		body: JSON.stringify({ role })
	});
}

/** What an invite link opens; 404 unknown, 410 expired or revoked. */
export function previewInvite(token: string, f: Fetch = fetch): Promise<InvitePreview> {
	return request<InvitePreview>(f, `/api/invites/${encodeURIComponent(token)}`);
}

/** Joins the board of an invite: as the signed-in person, or as a new guest named `name`. */
export async function acceptInvite(
	token: string,
	name?: string
): Promise<{ board: { id: string; title: string }; role: Role; user: User }> {
	return request(fetch, `/api/invites/${encodeURIComponent(token)}/accept`, {
		method: 'POST',
		body: JSON.stringify(name ? { name } : {})
	});
}

// --- The meeting (agenda, locks, queue, ready check): facilitators' calls and everyone's hand.

/** A queue action: your own hand, or (facilitators) anyone's, the next call, a clear. */
export type QueueAction =
	| { action: 'raise' }
	| { action: 'lower'; userId?: string }
	| { action: 'next' }
	| { action: 'clear' };

/** A ready check action: facilitators start and end it, everyone answers. */
export type ReadyCheckAction =
	{ action: 'start' } | { action: 'answer'; ready: boolean } | { action: 'end' };

const boardPath = (boardId: string, rest: string) =>
	`/api/boards/${encodeURIComponent(boardId)}${rest}`;

/** Runs one agenda action (facilitators); resolves when the server has applied it. */
export async function runAgenda(boardId: string, action: AgendaAction): Promise<void> {
	await request(fetch, boardPath(boardId, '/agenda'), {
		method: 'POST',
		body: JSON.stringify(action)
	});
}

/** Locks or unlocks a section (facilitators). */
export async function setSectionLocked(
	boardId: string,
	section: string,
	locked: boolean
): Promise<void> {
	await request(fetch, boardPath(boardId, `/locks/${encodeURIComponent(section)}`), {
		method: 'PUT',
		body: JSON.stringify({ locked })
	});
}

/** Closes the meeting (facilitators): every section locked; resolves to the revision. */
export async function closeMeeting(boardId: string): Promise<number> {
	const body = await request<{ revision: number }>(fetch, boardPath(boardId, '/close'), {
		method: 'POST',
		body: '{}'
	});
	return body.revision;
}

/** Reopens a closed meeting (facilitators). */
export async function reopenMeeting(boardId: string): Promise<void> {
	await request(fetch, boardPath(boardId, '/reopen'), { method: 'POST', body: '{}' });
}

/** Raises or lowers a hand, calls the next one, clears the queue. */
export async function runQueue(boardId: string, action: QueueAction): Promise<void> {
	await request(fetch, boardPath(boardId, '/queue'), {
		method: 'POST',
		body: JSON.stringify(action)
	});
}

/** Starts, answers or ends the ready check. */
export async function runReadyCheck(boardId: string, action: ReadyCheckAction): Promise<void> {
	await request(fetch, boardPath(boardId, '/ready-check'), {
		method: 'POST',
		body: JSON.stringify(action)
	});
}

/** A member of a board, as the members list shows them. */
export interface Member {
	userId: string;
	name: string;
	email: string | null;
	isGuest: boolean;
	role: Role;
}

/** The board's members (emails only for facilitators). */
export async function listMembers(boardId: string): Promise<Member[]> {
	const body = await request<{ members: Member[] }>(fetch, boardPath(boardId, '/members'));
	return body.members;
}

/**
 * Changes a member's role (facilitators). Giving `facilitator` hands the board off: the caller
 * becomes cofacilitator, and the server closes both people's sockets so they reconnect.
 */
export async function changeRole(boardId: string, userId: string, role: Role): Promise<Member[]> {
	const body = await request<{ members: Member[] }>(
		fetch,
		boardPath(boardId, `/members/${encodeURIComponent(userId)}`),
		{ method: 'PATCH', body: JSON.stringify({ role }) }
	);
	return body.members;
}

// --- Snapshots, exports, readiness, follow-ups and search (issue #6).

/** The formats a snapshot downloads as, in the order the UI offers them. */
export const EXPORT_FORMATS = [
	{ format: 'md', label: 'Markdown', hint: 'The post-mortem document' },
	{ format: 'html', label: 'HTML', hint: 'Print-ready page; print it to PDF' },
	{ format: 'json', label: 'JSON', hint: 'Everything, with a published schema' },
	{ format: 'csv', label: 'CSV', hint: 'Action items for Jira or Linear' }
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['format'];

export interface SnapshotSummary {
	revision: number;
	closedAt: string;
	closedBy: { userId: string; name: string } | null;
	digest: string;
}

/** A snapshot with its frozen content (typed loosely: the export renders it, not the UI). */
export interface Snapshot extends SnapshotSummary {
	verified: boolean;
	content: { board: { title: string }; overview: { texts: { title: string } } } & Record<
		string,
		unknown
	>;
}

export interface SnapshotChange {
	kind: 'added' | 'removed' | 'changed';
	id: string;
	label: string;
	fields: { field: string; before: unknown; after: unknown }[];
}

export interface SnapshotDiff {
	from: number;
	to: number;
	count: number;
	sections: { section: string; changes: SnapshotChange[] }[];
}

export interface ReadinessWarning {
	check: string;
	section: string;
	itemId: string | null;
	message: string;
}

export interface FollowUp {
	id: string;
	boardId: string;
	boardTitle: string;
	boardService: string | null;
	revision: number;
	actionId: string;
	title: string;
	owner: string;
	due: string;
	priority: string;
	status: 'open' | 'in-progress' | 'blocked' | 'done';
	ticket: string;
	updatedAt: string;
	overdue: boolean;
	canEdit: boolean;
}

export interface SearchQuery {
	q?: string;
	service?: string;
	severity?: string;
	category?: string;
}

export interface SearchResult {
	boardId: string;
	title: string;
	revision: number;
	closedAt: string;
	severity: string;
	services: string[];
	categories: string[];
	snippets: { section: string; text: string }[];
}

/** Where a snapshot's export downloads from (a plain link: the browser saves the file). */
export function snapshotExportUrl(
	boardId: string,
	revision: number,
	format: ExportFormat,
	inline = false
): string {
	return boardPath(boardId, `/snapshots/${revision}?format=${format}${inline ? '&inline=1' : ''}`);
}

/** Where a draft export of the live board downloads from. */
export function draftExportUrl(boardId: string, format: ExportFormat): string {
	return boardPath(boardId, `/export?format=${format}`);
}

/** The board's snapshots, newest first. */
export async function listSnapshots(boardId: string, f: Fetch = fetch): Promise<SnapshotSummary[]> {
	const body = await request<{ snapshots: SnapshotSummary[] }>(f, boardPath(boardId, '/snapshots'));
	return body.snapshots;
}

/** One snapshot with its content and whether its digest still verifies. */
export function getSnapshot(
	boardId: string,
	revision: number,
	f: Fetch = fetch
): Promise<Snapshot> {
	return request<Snapshot>(f, boardPath(boardId, `/snapshots/${revision}`));
}

/** What changed from revision − 1 to `revision`. */
export function getSnapshotDiff(
	boardId: string,
	revision: number,
	f: Fetch = fetch
): Promise<SnapshotDiff> {
	return request<SnapshotDiff>(f, boardPath(boardId, `/snapshots/${revision}/diff`));
}

/** Warnings to look at before closing (never blockers). */
export async function getReadiness(boardId: string): Promise<ReadinessWarning[]> {
	const body = await request<{ warnings: ReadinessWarning[] }>(
		fetch,
		boardPath(boardId, '/readiness')
	);
	return body.warnings;
}

/** Brings open follow-ups of earlier post-mortems on the same service into the discussion. */
export async function pullFollowUps(boardId: string): Promise<number> {
	const body = await request<{ added: number }>(fetch, boardPath(boardId, '/pull-follow-ups'), {
		method: 'POST',
		body: '{}'
	});
	return body.added;
}

/** Today in the viewer's zone, `YYYY-MM-DD`: what "overdue" is measured against. */
export function localToday(now = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Follow-ups across every board of the caller, overdue first. */
export async function listFollowUps(f: Fetch = fetch): Promise<FollowUp[]> {
	const body = await request<{ followUps: FollowUp[] }>(f, `/api/follow-ups?today=${localToday()}`);
	return body.followUps;
}

/** Changes a follow-up's status, owner or due date ('' clears the date). */
export function updateFollowUp(
	id: string,
	patch: { status?: FollowUp['status']; owner?: string; due?: string }
): Promise<FollowUp> {
	return request<FollowUp>(fetch, `/api/follow-ups/${encodeURIComponent(id)}`, {
		method: 'PATCH',
		body: JSON.stringify(patch)
	});
}

/** Searches the closed post-mortems of the caller's boards. */
export function searchPostmortems(
	query: SearchQuery,
	f: Fetch = fetch
): Promise<{ results: SearchResult[]; categories: Record<string, number> }> {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
	return request(f, `/api/search?${params}`);
}
