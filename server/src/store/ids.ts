import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * A new random id: 12 lowercase base32 characters, 60 bits from crypto.getRandomValues. Short
 * enough for URLs, and collisions stay negligible at any number of boards we will ever hold.
 */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(8));
	return encodeBase32LowerCaseNoPadding(bytes).slice(0, 12);
}
