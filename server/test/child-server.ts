import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Node flags of the server's `start` script (`node <flags> --import tsx src/index.ts`), so a
 * test or the bench runs the server as `pnpm start` does.
 */
export function startFlags(script: string): string[] {
	const words = script.trim().split(/\s+/);
	if (words[0] !== 'node') throw new Error(`the start script does not run node: ${script}`);
	const flags: string[] = [];
	for (const word of words.slice(1)) {
		if (word === '--import' || !word.startsWith('--')) break;
		flags.push(word);
	}
	return flags;
}

/** The flags of `server/package.json`'s start script, read once. */
export const START_FLAGS = startFlags(
	(
		JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
			scripts: { start: string };
		}
	).scripts.start
);

/** A free TCP port on loopback (asked of the OS, then released). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface ChildServer {
	url: string;
	process: ChildProcess;
	output: () => string;
	/** Resolves with the exit code or signal once the process has ended. */
	exited: Promise<number | string | null>;
}

/**
 * Starts the real server as its own process (not through npx or the tsx binary, so the pid we
 * kill is the one holding the port), and waits until /readyz answers.
 */
export async function startChildServer(
	env: Record<string, string>,
	port?: number
): Promise<ChildServer> {
	const listenPort = port ?? (await freePort());
	let output = '';
	// Node itself with tsx as a loader: the `tsx` binary would run the server in a child process,
	// and a SIGKILL would then hit the wrapper and leave the real server running.
	// DEBRIEF_CHILD_NODE_ARGS adds Node flags for profiling (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p").
	const extra = (process.env.DEBRIEF_CHILD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
	const args = [...START_FLAGS, ...extra, '--import', 'tsx', 'server/src/index.ts'];
	const child = spawn(process.execPath, args, {
		cwd: ROOT,
		// The test's own DATABASE_URL / REDIS_URL are not inherited: each test says what it runs on.
		env: { ...inherited(), PORT: String(listenPort), LOG_LEVEL: 'info', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | string | null>((resolve) =>
		child.once('exit', (code, signal) => resolve(code ?? signal))
	);
	const url = `http://127.0.0.1:${listenPort}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
		try {
			const response = await fetch(`${url}/readyz`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not become ready:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { url, process: child, output: () => output, exited };
}

function inherited(): NodeJS.ProcessEnv {
	const { DATABASE_URL: _database, REDIS_URL: _redis, ...rest } = process.env;
	return rest;
}
