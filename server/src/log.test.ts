import { describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';

describe('createLogger', () => {
	it('keeps query parameters (hashes, emails) out of logged errors, and logs the cause', () => {
		const lines: string[] = [];
		const log = createLogger('info', {}, (line) => lines.push(line));
		const error = new Error(
			'Failed query: insert into users ...\nparams: id1,a@b.c,$argon2id$v=19$secret',
			{
				cause: new Error('duplicate key value violates unique constraint')
			}
		);
		log.error('unhandled error', { error });
		expect(lines[0]).not.toContain('argon2id');
		expect(lines[0]).not.toContain('a@b.c');
		expect(lines[0]).toContain('duplicate key value');
		expect(lines[0]).toContain('params: [redacted]');
	});
});
