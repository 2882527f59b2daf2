import { describe, expect, it } from 'vitest';
import { closeMeeting, diffLocks, reopenMeeting, setSectionLock } from './meta-locks.ts';
import { MeetingRefusal, initialMeta, isSectionLocked, type MetaState } from './meta.ts';
import { EDITABLE_SECTIONS } from './sections.ts';

const ada = { userId: 'u1', name: 'Ada' };
const bo = { userId: 'u2', name: 'Bo' };
const ctx = { actor: ada, now: Date.UTC(2026, 2, 1, 14) };
const live: MetaState = { ...initialMeta(), status: 'live', current: 'rca' };

function must(r: ReturnType<typeof setSectionLock>): MetaState {
	if (!r.ok) throw new Error(r.reason);
	return r.state;
}

describe('section locks', () => {
	it('locks a section with who and when, and unlocks it', () => {
		const locked = must(setSectionLock(live, 'rca', true, ctx));
		expect(locked.locks.rca).toEqual({ by: ada, at: '2026-03-01T14:00:00.000Z' });
		expect(isSectionLocked(locked, 'rca')).toBe(true);
		const unlocked = must(setSectionLock(locked, 'rca', false, ctx));
		expect(isSectionLocked(unlocked, 'rca')).toBe(false);
	});

	it('keeps the first locker when locked twice, and returns the same state', () => {
		const locked = must(setSectionLock(live, 'rca', true, ctx));
		const again = must(setSectionLock(locked, 'rca', true, { ...ctx, actor: bo }));
		expect(again).toBe(locked);
	});

	it('refuses to unlock a closed meeting (reopen first)', () => {
		const closed = must(closeMeeting(live, 1, ctx));
		expect(setSectionLock(closed, 'rca', false, ctx)).toEqual({
			ok: false,
			reason: MeetingRefusal.closed
		});
	});

	it('reports which sections a change locked and unlocked', () => {
		const before = must(setSectionLock(live, 'timeline', true, ctx));
		const after = must(
			setSectionLock(must(setSectionLock(before, 'timeline', false, ctx)), 'rca', true, ctx)
		);
		expect(diffLocks(before, after)).toEqual({ locked: ['rca'], unlocked: ['timeline'] });
	});
});

describe('close and reopen', () => {
	it('closes with every section locked, keeping earlier lockers, and nothing in progress', () => {
		const withLock = must(setSectionLock(live, 'timeline', true, { ...ctx, actor: bo }));
		const closed = must(closeMeeting({ ...withLock, queue: [{ ...bo, at: 'x' }] }, 3, ctx));
		expect(closed.status).toBe('closed');
		expect(closed.revision).toBe(3);
		expect(Object.keys(closed.locks).sort()).toEqual([...EDITABLE_SECTIONS].sort());
		expect(closed.locks.timeline?.by).toEqual(bo);
		expect(closed.current).toBeNull();
		expect(closed.queue).toEqual([]);
		expect(closeMeeting(closed, 4, ctx)).toEqual({
			ok: false,
			reason: MeetingRefusal.alreadyClosed
		});
	});

	it('reopens live with every section open', () => {
		const reopened = must(reopenMeeting(must(closeMeeting(live, 1, ctx)), ctx));
		expect(reopened.status).toBe('live');
		expect(reopened.locks).toEqual({});
		expect(reopened.revision).toBe(1);
		expect(reopenMeeting(live, ctx)).toEqual({ ok: false, reason: MeetingRefusal.notClosed });
	});
});
