import { existsSync } from 'node:fs';

/** Flags for the system Chromium in containers and CI: no sandbox (root), no GPU, no phoning home. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

/** Where the system Chromium is expected: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function hasChromium(): boolean {
	return existsSync(chromiumPath());
}

/** Set by global setup when no browser could be found, so every spec skips instead of failing. */
export const SKIP_ENV = 'DEBRIEF_E2E_SKIP';

/** Env var holding this run's server data directory (set once in the config, read by teardown). */
export const DATA_DIR_ENV = 'DEBRIEF_E2E_DATA_DIR';
