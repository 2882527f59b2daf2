/** The answer of a limiter: go ahead, or wait this many seconds. */
export type LimitCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface FailureLimiterOptions {
	/** Failures tolerated per key within the window. */
	max: number;
	windowMs: number;
	now?: () => number;
}

/**
 * Counts failures per key (an email, an address) in a fixed window that starts at the first
 * failure. In memory: one process serves a board's sign-ins, and a restart forgetting the
 * counts only gives an attacker one more window, which the per-address limit still bounds.
 */
export class FailureLimiter {
	#windows = new Map<string, { count: number; resetAt: number }>();
	#options: Required<FailureLimiterOptions>;
	#lastSweep = 0;

	constructor(options: FailureLimiterOptions) {
		this.#options = { ...options, now: options.now ?? Date.now };
	}

	check(key: string): LimitCheck {
		const window = this.#current(key);
		if (!window || window.count < this.#options.max) return { ok: true };
		const waitMs = window.resetAt - this.#options.now();
		return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
	}

	fail(key: string): void {
		const window = this.#current(key);
		if (window) window.count += 1;
		else
			this.#windows.set(key, { count: 1, resetAt: this.#options.now() + this.#options.windowMs });
		this.#sweep();
	}

	/** Forgets the key's failures (a successful sign-in for that account). */
	reset(key: string): void {
		this.#windows.delete(key);
	}

	#current(key: string) {
		const window = this.#windows.get(key);
		if (window && window.resetAt <= this.#options.now()) {
			this.#windows.delete(key);
			return undefined;
		}
		return window;
	}

	/** Drops ended windows now and then, so a spray of random emails cannot grow memory forever. */
	#sweep(): void {
		const now = this.#options.now();
		if (this.#windows.size < 10_000 || now - this.#lastSweep < 60_000) return;
		this.#lastSweep = now;
		for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
	}
}

/** Limits on sign-in failures: per account, and per address across accounts. */
export interface SignInLimits {
	byAccount: FailureLimiter;
	byAddress: FailureLimiter;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export function createSignInLimits(now?: () => number): SignInLimits {
	return {
		byAccount: new FailureLimiter({ max: 10, windowMs: FIFTEEN_MINUTES, now }),
		byAddress: new FailureLimiter({ max: 50, windowMs: FIFTEEN_MINUTES, now })
	};
}

/**
 * Limits on invite links: probing for tokens (unknown links, per address), and guest accounts
 * made through one link (per invite, not per address: behind a proxy a whole 200-person review
 * shares one address, while a leaked link must not mint accounts without end).
 */
export interface InviteLimits {
	probes: FailureLimiter;
	guestsPerInvite: FailureLimiter;
}

export function createInviteLimits(now?: () => number): InviteLimits {
	return {
		probes: new FailureLimiter({ max: 50, windowMs: FIFTEEN_MINUTES, now }),
		guestsPerInvite: new FailureLimiter({ max: 300, windowMs: FIFTEEN_MINUTES, now })
	};
}
