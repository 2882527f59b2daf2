/**
 * Every HTTP call the web client makes. Components and state classes call these functions, never
 * `fetch` directly, so the wire format lives in one file. Loads pass SvelteKit's `fetch`.
 *
 * The types mirror the server's responses by hand for now; once `server/src/app.ts` exports
 * `AppType`, this file switches to `hc<AppType>` and the types come from the routes themselves.
 */

export const BoardStatus = { draft: 'draft', live: 'live', closed: 'closed' } as const;
export type BoardStatus = (typeof BoardStatus)[keyof typeof BoardStatus];

export const Severity = { SEV1: 'SEV1', SEV2: 'SEV2', SEV3: 'SEV3', SEV4: 'SEV4' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];
export const SEVERITIES: readonly Severity[] = Object.values(Severity);

export interface Board {
	id: string;
	title: string;
	severity: string | null;
	service: string | null;
	status: BoardStatus;
	revision: number;
	createdAt: string;
	updatedAt: string;
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
