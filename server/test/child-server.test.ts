import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { START_FLAGS, startFlags } from './child-server.ts';

describe('startFlags', () => {
	it('takes the Node flags before the loader, and nothing after it', () => {
		expect(startFlags('node --max-semi-space-size=2 --trace-gc --import tsx src/index.ts')).toEqual(
			['--max-semi-space-size=2', '--trace-gc']
		);
		expect(startFlags('node --import tsx src/index.ts --port 1')).toEqual([]);
	});

	it('refuses a start script that does not run node', () => {
		expect(() => startFlags('tsx src/index.ts')).toThrow(/does not run node/);
	});

	it("reads flags from the server's start script that this Node accepts", () => {
		// Node refuses a flag it does not know (exit 9), so a typo fails here, not in production.
		expect(
			execFileSync(process.execPath, [
				...START_FLAGS,
				'-e',
				'process.stdout.write("ok")'
			]).toString()
		).toBe('ok');
	});
});
