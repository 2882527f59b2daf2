import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit.ts';

describe('FailureLimiter', () => {
	const clock = () => {
		let now = 1_000_000;
		return { now: () => now, advance: (ms: number) => (now += ms) };
	};

	it('lets a key through until it reaches the limit, then says how long to wait', () => {
		const time = clock();
		const limiter = new FailureLimiter({ max: 3, windowMs: 60_000, now: time.now });
		for (let i = 0; i < 3; i++) {
			expect(limiter.check('ada@example.test')).toEqual({ ok: true });
			limiter.fail('ada@example.test');
		}
		time.advance(15_500);
		expect(limiter.check('ada@example.test')).toEqual({ ok: false, retryAfterSeconds: 45 });
		expect(limiter.check('bob@example.test')).toEqual({ ok: true });
	});

	it('opens again once the window has passed', () => {
		const time = clock();
		const limiter = new FailureLimiter({ max: 1, windowMs: 60_000, now: time.now });
		limiter.fail('k');
		expect(limiter.check('k').ok).toBe(false);
		time.advance(60_000);
		expect(limiter.check('k').ok).toBe(true);
	});

	it('forgets a key on reset', () => {
		const limiter = new FailureLimiter({ max: 1, windowMs: 60_000 });
		limiter.fail('k');
		limiter.reset('k');
		expect(limiter.check('k').ok).toBe(true);
	});
});
