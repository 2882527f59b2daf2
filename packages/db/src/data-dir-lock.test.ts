import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

const dirs: string[] = [];
const fresh = () => {
	const dir = mkdtempSync(join(tmpdir(), 'debrief-lock-'));
	dirs.push(dir);
	return dir;
};
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
	it('refuses a second server on the same folder while the first is alive', () => {
		const dir = fresh();
		const release = lockDataDir(dir);
		// Our parent process is alive and is not us: it stands for the other server.
		expect(() => lockDataDir(dir, process.ppid)).toThrow(/Another Debrief server/);
		release();
		expect(() => lockDataDir(dir, process.ppid)()).not.toThrow();
	});

	it('takes over a pid file left by a server that was killed', () => {
		const dir = fresh();
		writeFileSync(join(dir, 'debrief.pid'), '2147483000');
		lockDataDir(dir);
		expect(readFileSync(join(dir, 'debrief.pid'), 'utf8')).toBe(String(process.pid));
	});
});
