import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/**
 * A secret token for a session or an invite link: 20 random bytes (160 bits, the Lucia guide's
 * minimum), base32 lowercase, so it survives URLs, cookies and case-folding alike.
 */
export function generateToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * The hex SHA-256 of a token: what the database stores (session id, invite hash), so a leaked
 * database or a logged query holds nothing that opens a session or a board. A fast hash is
 * enough because the tokens are random, not chosen by people.
 */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
