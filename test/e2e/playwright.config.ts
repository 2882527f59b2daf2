import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, DATA_DIR_ENV, chromiumPath } from './environment.ts';

/** Port of the server under test; a fixed, unusual one so a dev server on 3000 does not collide. */
const PORT = Number(process.env.E2E_PORT ?? 3107);
const ORIGIN = `http://localhost:${PORT}`;
const CI = process.env.CI === 'true';

// A fresh database per run. Set once: worker processes load this file again and inherit the env.
process.env[DATA_DIR_ENV] ??= mkdtempSync(join(tmpdir(), 'debrief-e2e-'));

/** The `test/` package directory: the root of every relative path below. */
const testDir = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
	testDir: '.',
	testMatch: '**/*.spec.ts',
	outputDir: 'results',
	globalSetup: './global-setup.ts',
	globalTeardown: './global-teardown.ts',
	// One worker: the tests share one server and its embedded database.
	workers: 1,
	fullyParallel: false,
	retries: CI ? 1 : 0,
	forbidOnly: CI,
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: ORIGIN,
		browserName: 'chromium',
		headless: true,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS }
	},
	// The real server by its binary (not through npx, so the pid Playwright kills holds the port).
	// It serves web/build, which the root `pnpm test` builds first.
	webServer: {
		command: '../node_modules/.bin/tsx ../server/src/index.ts',
		cwd: testDir,
		url: `${ORIGIN}/healthz`,
		env: {
			PORT: String(PORT),
			DEBRIEF_DATA_DIR: process.env[DATA_DIR_ENV],
			PUBLIC_ORIGIN: ORIGIN,
			LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn'
		},
		reuseExistingServer: false,
		// PGlite takes seconds to open on small machines.
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
