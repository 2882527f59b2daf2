/**
 * Cross-site request check for state-changing requests and socket upgrades. Browsers always send
 * `Origin` on those; it must be our public origin (or, when none is configured, the origin the
 * request was addressed to). Requests without `Origin` come from non-browser clients, which
 * authenticate with a bearer token and carry no ambient cookie risk.
 */
export function isAllowedOrigin(
	origin: string | undefined,
	requestUrl: string,
	host: string | undefined,
	publicOrigin: string | null
): boolean {
	if (!origin) return true;
	if (publicOrigin) return origin === publicOrigin;
	const url = new URL(requestUrl);
	const own = host ? `${url.protocol}//${host}` : url.origin;
	return origin === own.replace(/^ws/, 'http');
}
