import { openDatabase } from '@debrief/db';
import type { Database } from '@debrief/db';

/** A backend the store's tests run on: PGlite always, Postgres when DATABASE_URL is set. */
export interface TestDatabase {
	name: string;
	/** False when the backend is not configured here; its suite is then skipped. */
	enabled: boolean;
	open(): Promise<Database>;
}

/** PGlite can take seconds to open on a 2-core machine. */
export const OPEN_TIMEOUT = 120_000;

let warned = false;

/** The backends to run against, warning once per file when Postgres is skipped. */
export function testDatabases(): TestDatabase[] {
	const url = process.env.DATABASE_URL;
	if (!url && !warned) {
		warned = true;
		console.warn(
			'Postgres store tests skipped: DATABASE_URL is not set ' +
				'(e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).'
		);
	}
	return [
		{ name: 'PGlite', enabled: true, open: () => openDatabase({ dataDir: 'memory://' }) },
		{
			name: 'Postgres',
			enabled: Boolean(url),
			open: () => openDatabase({ url: url ?? '', dataDir: 'memory://' })
		}
	];
}
