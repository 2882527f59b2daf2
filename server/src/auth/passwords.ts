import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id (the library's default algorithm) with the parameters the Lucia guide recommends
 * (OWASP's minimum: 19 MiB, 2 passes, one lane).
 */
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

/** The PHC string of the password: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// A malformed stored hash is a refusal, not a crash of the sign-in route.
		return false;
	}
}

let dummy: Promise<string> | null = null;

/**
 * Verifies against a hash of nothing in particular, so that signing in with an unknown email
 * costs the same time as a wrong password and the timing does not tell which it was.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
	dummy ??= hashPassword('not the password of anyone');
	await verifyPassword(await dummy, password);
	return false;
}
