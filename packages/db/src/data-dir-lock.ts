import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no lock of its own: two servers on one data folder corrupt it. The first takes a
 * pid file; a second one is refused with a message that says which process holds the folder. A
 * pid file left by a killed server (its process is gone) is taken over.
 */
export function lockDataDir(dataDir: string, pid = process.pid): () => void {
	const file = join(dataDir, 'debrief.pid');
	try {
		writeFileSync(file, String(pid), { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		const holder = Number(readFileSync(file, 'utf8').trim());
		if (holder && holder !== pid && isAlive(holder)) {
			throw new Error(
				`Another Debrief server (pid ${holder}) is using ${dataDir}. Stop it, or give this one ` +
					'its own DEBRIEF_DATA_DIR.',
				{ cause: error }
			);
		}
		writeFileSync(file, String(pid));
	}
	return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
