import { describe, expect, it } from 'vitest';
import { hashPassword, verifyDummyPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
	it('hash with Argon2id and the guide parameters, salted, and verify', async () => {
		const first = await hashPassword('correct horse battery staple');
		const second = await hashPassword('correct horse battery staple');
		expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(first).not.toBe(second);
		expect(first).not.toContain('correct horse');
		expect(await verifyPassword(first, 'correct horse battery staple')).toBe(true);
		expect(await verifyPassword(first, 'Correct horse battery staple')).toBe(false);
	});
	it('refuse a malformed stored hash instead of throwing', async () => {
		expect(await verifyPassword('not a hash', 'anything')).toBe(false);
	});
	it('spend a verification on unknown accounts and always refuse', async () => {
		expect(await verifyDummyPassword('anything')).toBe(false);
	});
});
