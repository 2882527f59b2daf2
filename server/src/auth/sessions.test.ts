import { describe, expect, it } from 'vitest';
import { SESSION_LIFETIME_MS, sessionFreshness } from './sessions.ts';

describe('sessionFreshness', () => {
	const day = 24 * 60 * 60 * 1000;
	const now = Date.UTC(2026, 10, 21);
	it('keeps a session with more than 15 days left as it is', () => {
		expect(sessionFreshness(new Date(now + 16 * day), now)).toBe('fresh');
		expect(sessionFreshness(new Date(now + SESSION_LIFETIME_MS), now)).toBe('fresh');
	});
	it('renews a session with 15 days or less left', () => {
		expect(sessionFreshness(new Date(now + 15 * day), now)).toBe('renew');
		expect(sessionFreshness(new Date(now + 1000), now)).toBe('renew');
	});
	it('ends a session at its expiry', () => {
		expect(sessionFreshness(new Date(now), now)).toBe('expired');
		expect(sessionFreshness(new Date(now - 1), now)).toBe('expired');
	});
});
