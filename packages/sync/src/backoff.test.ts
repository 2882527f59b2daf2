import { describe, expect, it } from 'vitest';
import { reconnectDelay, withJitteredReconnect } from './backoff.ts';

describe('reconnectDelay', () => {
	it('spreads clients across the whole window instead of one instant', () => {
		const delays = Array.from({ length: 200 }, (_, i) => reconnectDelay(0, 1012, () => i / 200));
		expect(Math.min(...delays)).toBe(100);
		expect(Math.max(...delays)).toBeGreaterThan(1900);
		expect(new Set(delays).size).toBeGreaterThan(150);
	});

	it('grows with the attempts and stays under the cap', () => {
		expect(reconnectDelay(0, null, () => 1)).toBe(200);
		expect(reconnectDelay(3, null, () => 1)).toBe(1600);
		expect(reconnectDelay(30, null, () => 1)).toBe(10_000);
	});
});

describe('withJitteredReconnect', () => {
	it('sets the provider ceiling when the socket closes, so its own timer waits that long', () => {
		const handlers: Array<(event: { code: number } | null) => void> = [];
		const provider = {
			wsUnsuccessfulReconnects: 2,
			maxBackoffTime: 2500,
			on: (_: string, h: (typeof handlers)[number]) => handlers.push(h)
		};
		withJitteredReconnect(provider, () => 0.5);
		handlers[0]!({ code: 1006 });
		expect(provider.maxBackoffTime).toBe(450);
	});
});
