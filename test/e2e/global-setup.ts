import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath, hasChromium, SKIP_ENV } from './environment.ts';

/**
 * Makes sure the system Chromium exists. On a fresh Debian machine where we are root, installs
 * Debian's package (after `apt-get update`, which a fresh image needs). Without a browser, every
 * e2e test is skipped with a loud message locally, and the run fails in CI, where a skipped
 * browser suite would look like a green one.
 */
export default function globalSetup(): void {
	if (hasChromium()) return;

	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get') && !process.env.CHROMIUM_PATH) {
		console.log('[e2e] Chromium not found; installing Debian’s chromium package…');
		try {
			const opts = {
				stdio: 'inherit' as const,
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
			};
			execFileSync('apt-get', ['update'], opts);
			execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], opts);
		} catch (error) {
			console.error('[e2e] installing chromium failed:', error);
		}
	}
	if (hasChromium()) return;

	const message = `No Chromium at ${chromiumPath()} (set CHROMIUM_PATH, or install Debian's chromium).`;
	if (process.env.CI === 'true') throw new Error(`[e2e] ${message} Failing because CI=true.`);
	const bar = '!'.repeat(78);
	console.warn(`\n${bar}\n!!  E2E TESTS SKIPPED: ${message}\n${bar}\n`);
	// Workers inherit the environment set here; specs read it to skip.
	process.env[SKIP_ENV] = '1';
}
