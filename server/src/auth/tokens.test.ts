import { describe, expect, it } from 'vitest';
import { generateToken, hashToken } from './tokens.ts';

describe('tokens', () => {
	it('are 160 random bits as 32 lowercase base32 characters', () => {
		const tokens = Array.from({ length: 200 }, generateToken);
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(new Set(tokens).size).toBe(tokens.length);
	});
	it('hash to hex SHA-256', () => {
		// SHA-256("abc"), from FIPS 180-2.
		expect(hashToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});
});
