import { colorForName } from './color.ts';

/** Who this browser is, for presence and as the author of what it writes. */
export interface Identity {
	name: string;
	color: string;
}

const NAME_KEY = 'debrief:name';
/** Longest display name we accept; matches @debrief/doc's author limit with room to spare. */
export const MAX_NAME_LENGTH = 60;

/**
 * The current person. Today a guest display name asked once and kept in localStorage; when
 * accounts arrive, `load()` asks `GET /api/me` first (through lib/api.ts) and falls back to the
 * stored guest name, and nothing that reads `me.identity` changes.
 */
class Me {
	#name = $state<string | null>(null);
	#loaded = $state(false);

	/** The identity, or null until a name is known (then the UI asks for one). */
	identity: Identity | null = $derived(
		this.#name === null ? null : { name: this.#name, color: colorForName(this.#name) }
	);

	/** True once `load()` has looked for a stored identity. */
	get loaded(): boolean {
		return this.#loaded;
	}

	async load(): Promise<void> {
		if (this.#loaded) return;
		this.#name = readStoredName();
		this.#loaded = true;
	}

	/** Sets and remembers the display name; returns false when it is empty or too long. */
	setName(raw: string): boolean {
		const name = raw.trim().replace(/\s+/g, ' ');
		if (name === '' || name.length > MAX_NAME_LENGTH) return false;
		try {
			localStorage.setItem(NAME_KEY, name);
		} catch {
			// Private mode or storage full: the name still holds for this tab.
		}
		this.#name = name;
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
