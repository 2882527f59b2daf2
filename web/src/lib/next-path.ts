import { resolve } from '$app/paths';
import type { PathnameWithSearchOrHash, ResolvedPathname } from '$app/types';

/**
 * A `?next=` target that stays on this site: a path starting with one slash. Anything else
 * (`//evil.example`, `https://…`, `/\\evil`) falls back to `/`, so a crafted sign-in link cannot
 * send people elsewhere after they sign in. Pass the result through `resolve()`.
 */
export function safeNext(raw: string | null | undefined): PathnameWithSearchOrHash {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
	// Checked above to be a same-site path (the app has no base path, so resolve() keeps it as is).
	return raw as PathnameWithSearchOrHash;
}

/** The sign-in page, coming back to `path` afterwards. */
export function signInHref(path: string): ResolvedPathname {
	return path === '/' ? resolve('/signin') : resolve(`/signin?next=${encodeURIComponent(path)}`);
}
