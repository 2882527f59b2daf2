import { rmSync } from 'node:fs';
import { DATA_DIR_ENV } from './environment.ts';

/** Removes the server's throwaway data directory (PGlite files) created for this run. */
export default function globalTeardown(): void {
	const dir = process.env[DATA_DIR_ENV];
	if (dir) rmSync(dir, { recursive: true, force: true });
}
