import { ApiError, getMe, type User } from './api.ts';
import { colorForName } from './color.ts';

/** Who this browser is, for presence and as the author of what it writes. */
export interface Identity {
	name: string;
	color: string;
	/** The account id; null for a name kept only in this browser (server without accounts). */
	userId: string | null;
	isGuest: boolean;
}

/** Where we stand with the server's accounts. */
export const SessionState = {
	/** Not asked yet. */
	unknown: 'unknown',
	signedIn: 'signed-in',
	signedOut: 'signed-out',
	/** The server has no accounts (`/api/me` is 404): a display name kept in localStorage. */
	local: 'local'
} as const;
export type SessionState = (typeof SessionState)[keyof typeof SessionState];

const NAME_KEY = 'debrief:name';
/** Longest display name we accept (the server's limit). */
export const MAX_NAME_LENGTH = 80;

/**
 * The current person. `load()` asks `GET /api/me`; with a session the account's name is used.
 * A server without accounts answers 404, and then a display name is asked once and kept in
 * localStorage. Components read `me.identity` and never care which.
 */
class Me {
	#state: SessionState = $state(SessionState.unknown);
	#user: User | null = $state(null);
	#localName: string | null = $state(null);
	#loading: Promise<void> | null = null;

	identity: Identity | null = $derived.by(() => {
		const name = this.#user?.name ?? (this.#state === SessionState.local ? this.#localName : null);
		if (!name) return null;
		return {
			name,
			color: colorForName(name),
			userId: this.#user?.id ?? null,
			isGuest: this.#user?.isGuest ?? true
		};
	});

	get state(): SessionState {
		return this.#state;
	}

	/** True once `load()` has an answer. */
	get loaded(): boolean {
		return this.#state !== SessionState.unknown;
	}

	/** Asks the server who we are (once; `refresh` to ask again, e.g. after signing out). */
	load(f: typeof fetch = fetch, refresh = false): Promise<void> {
		if (!this.#loading || refresh) this.#loading = this.#ask(f);
		return this.#loading;
	}

	async #ask(f: typeof fetch): Promise<void> {
		try {
			this.signedIn(await getMe(f));
		} catch (e) {
			if (e instanceof ApiError && e.status === 404) {
				this.#localName = readStoredName();
				this.#state = SessionState.local;
			} else {
				// 401, or the server is unreachable: pages that need a session send us to sign in.
				this.#user = null;
				this.#state = SessionState.signedOut;
			}
		}
	}

	/** Records the account after sign-in, sign-up or joining by invite. */
	signedIn(user: User): void {
		this.#user = user;
		this.#state = SessionState.signedIn;
		this.#loading = Promise.resolve();
	}

	signedOut(): void {
		this.#user = null;
		this.#state = SessionState.signedOut;
		this.#loading = Promise.resolve();
	}

	/** Local mode only: sets and remembers the display name; false when empty or too long. */
	setLocalName(raw: string): boolean {
		const name = raw.trim().replace(/\s+/g, ' ');
		if (name === '' || name.length > MAX_NAME_LENGTH) return false;
		try {
			localStorage.setItem(NAME_KEY, name);
		} catch {
			// Private mode or storage full: the name still holds for this tab.
		}
		this.#localName = name;
		return true;
	}
}

function readStoredName(): string | null {
	try {
		const v = localStorage.getItem(NAME_KEY)?.trim();
		return v ? v.slice(0, MAX_NAME_LENGTH) : null;
	} catch {
		return null;
	}
}

/** The one identity of this tab (the app renders in the browser only: see routes/+layout.ts). */
export const me = new Me();
