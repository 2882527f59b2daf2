import { getMe, type User } from './api.ts';
import { colorForName } from './color.ts';

/** Who this browser is, for presence and as the author of what it writes. */
export interface Identity {
	name: string;
	color: string;
	/** The account id (guests who joined by invite have one too). */
	userId: string | null;
	isGuest: boolean;
}

/** Where we stand with the server's accounts. */
export const SessionState = {
	/** Not asked yet. */
	unknown: 'unknown',
	signedIn: 'signed-in',
	signedOut: 'signed-out'
} as const;
export type SessionState = (typeof SessionState)[keyof typeof SessionState];

/** Longest display name we accept (the server's limit). */
export const MAX_NAME_LENGTH = 80;

/**
 * The current person: `load()` asks `GET /api/me`, and the account's name is who we are on every
 * board. Components read `me.identity`.
 */
class Me {
	#state: SessionState = $state(SessionState.unknown);
	#user: User | null = $state(null);
	#loading: Promise<void> | null = null;

	identity: Identity | null = $derived.by(() => {
		const name = this.#user?.name ?? null;
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
		} catch {
			// 401, or the server is unreachable: pages that need a session send us to sign in.
			this.#user = null;
			this.#state = SessionState.signedOut;
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
}

/** The one identity of this tab (the app renders in the browser only: see routes/+layout.ts). */
export const me = new Me();
