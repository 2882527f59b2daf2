/**
 * Canonical JSON and the content digest. Postgres `jsonb` does not keep key order (it sorts keys
 * by length, then bytes), so the digest cannot be taken over the JSON as written: it is taken over
 * this canonical form, which any reader can rebuild from the stored content and compare.
 */

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth, no whitespace, `undefined`
 * members left out. Two values with the same data give the same string, whatever their key order.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		const s = JSON.stringify(value);
		// JSON.stringify gives undefined for undefined/functions; an array slot holds null instead.
		return s === undefined ? 'null' : s;
	}
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Hex SHA-256 of the canonical JSON of `content` (Web Crypto: Node and browsers alike). */
export async function contentDigest(content: unknown): Promise<string> {
	const bytes = new TextEncoder().encode(canonicalJson(content));
	const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	let hex = '';
	for (const b of hash) hex += b.toString(16).padStart(2, '0');
	return hex;
}

/** True when `digest` is the digest of `content`: the stored snapshot is what was frozen. */
export async function verifyDigest(content: unknown, digest: string): Promise<boolean> {
	return (await contentDigest(content)) === digest;
}
