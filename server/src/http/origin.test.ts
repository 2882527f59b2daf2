import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './origin.ts';

describe('isAllowedOrigin', () => {
	it('allows requests without an Origin (non-browser clients)', () => {
		expect(
			isAllowedOrigin(undefined, 'http://localhost:3000/api/boards', 'localhost:3000', null)
		).toBe(true);
	});
	it('allows the configured public origin only', () => {
		const url = 'http://10.0.0.1:3000/api/boards';
		expect(
			isAllowedOrigin('https://debrief.example', url, '10.0.0.1:3000', 'https://debrief.example')
		).toBe(true);
		expect(
			isAllowedOrigin('http://10.0.0.1:3000', url, '10.0.0.1:3000', 'https://debrief.example')
		).toBe(false);
	});
	it('without a public origin, allows the origin the request was sent to', () => {
		const url = 'http://localhost:3000/sync/b/timeline';
		expect(isAllowedOrigin('http://localhost:3000', url, 'localhost:3000', null)).toBe(true);
		expect(isAllowedOrigin('http://evil.example', url, 'localhost:3000', null)).toBe(false);
	});
});
