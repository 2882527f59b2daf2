import { describe, expect, it } from 'vitest';
import { decodeFanout, encodeFanout } from './fanout.ts';
import type { FanoutMessage } from './fanout.ts';

describe('fan-out messages', () => {
	const messages: FanoutMessage[] = [
		{ kind: 'update', payload: new Uint8Array([1, 2, 3]) },
		{ kind: 'awareness', payload: new Uint8Array([4]) },
		{ kind: 'state', stateVector: new Uint8Array([0]), deleteDigest: new Uint8Array([9, 9]) }
	];
	it.each(messages)('round-trips a $kind message with its sender', (message) => {
		expect(decodeFanout(encodeFanout('instance-a', message))).toEqual({
			from: 'instance-a',
			message
		});
	});
	it('returns null for garbage instead of throwing', () => {
		expect(decodeFanout(new Uint8Array([200, 1]))).toBeNull();
		expect(decodeFanout(encodeFanout('x', messages[0]!).slice(0, 4))).toBeNull();
	});
});
