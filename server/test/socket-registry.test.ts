import { describe, expect, it } from 'vitest';
import { SocketRegistry } from '../src/sockets/sync.ts';

const peer = (closed: number[]) => ({
	id: 'p',
	canWrite: true,
	send: () => {},
	close: (code: number) => void closed.push(code),
	bufferedAmount: () => 0
});

describe('SocketRegistry', () => {
	it('closes the sockets of one member on one board only', () => {
		const registry = new SocketRegistry();
		const closed: number[] = [];
		const other: number[] = [];
		registry.add('b1', { userId: 'u1', sessionId: 's1', peer: peer(closed) });
		registry.add('b1', { userId: 'u2', sessionId: 's2', peer: peer(other) });
		registry.add('b2', { userId: 'u1', sessionId: 's1', peer: peer(other) });
		expect(registry.closeMember('b1', 'u1', 4403, 'removed')).toBe(1);
		expect(closed).toEqual([4403]);
		expect(other).toEqual([]);
	});

	it('closes the sockets of ended sessions on every board', () => {
		const registry = new SocketRegistry();
		const closed: number[] = [];
		registry.add('b1', { userId: 'u1', sessionId: 's1', peer: peer(closed) });
		registry.add('b2', { userId: 'u1', sessionId: 's1', peer: peer(closed) });
		registry.add('b2', { userId: 'u1', sessionId: 's2', peer: peer([]) });
		expect(registry.closeSessions(['s1'], 4401, 'signed out')).toBe(2);
		expect(closed).toEqual([4401, 4401]);
	});

	it('tells a socket still upgrading that its member or session changed meanwhile', () => {
		const registry = new SocketRegistry();
		const mark = registry.mark();
		expect(registry.changedSince(mark, 'b1', 'u1', 's1')).toBe(false);
		registry.closeMember('b1', 'u2', 4409, 'role changed');
		expect(registry.changedSince(mark, 'b1', 'u1', 's1')).toBe(false);
		registry.closeMember('b1', 'u1', 4409, 'role changed');
		expect(registry.changedSince(mark, 'b1', 'u1', 's1')).toBe(true);
		const later = registry.mark();
		expect(registry.changedSince(later, 'b1', 'u1', 's1')).toBe(false);
		registry.closeSessions(['s1'], 4401, 'signed out');
		expect(registry.changedSince(later, 'b9', 'u1', 's1')).toBe(true);
	});
});
