import { describe, expect, it } from 'vitest';
import { inviteExpiry, inviteStatus } from './invites.ts';

describe('invites', () => {
	const now = Date.UTC(2026, 10, 21, 12);
	it('expire after 7 days by default, or the hours asked for', () => {
		expect(inviteExpiry(now).toISOString()).toBe('2026-11-28T12:00:00.000Z');
		expect(inviteExpiry(now, 2).toISOString()).toBe('2026-11-21T14:00:00.000Z');
	});
	it('are active until they expire, and revoked once revoked, expired or not', () => {
		const expiresAt = new Date(now + 1000);
		expect(inviteStatus({ expiresAt, revokedAt: null }, now)).toBe('active');
		expect(inviteStatus({ expiresAt, revokedAt: null }, now + 1000)).toBe('expired');
		expect(inviteStatus({ expiresAt, revokedAt: new Date(now) }, now)).toBe('revoked');
		expect(inviteStatus({ expiresAt, revokedAt: new Date(now) }, now + 5000)).toBe('revoked');
	});
});
