/**
 * A `?next=` target that stays on this site: a path starting with one slash. Anything else
 * (`//evil.example`, `https://…`, `/\evil`) falls back to `/`, so a crafted sign-in link cannot
 * send people elsewhere after they sign in.
 */
export function safeNext(raw: string | null | undefined): string {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
	return raw;
}

/** The sign-in page, coming back to `path` afterwards. */
export function signInHref(path: string): string {
	return path === '/' ? '/signin' : `/signin?next=${encodeURIComponent(path)}`;
}
