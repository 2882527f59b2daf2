import { describe, expect, it } from 'vitest';
import {
	answerReadyCheck,
	callNext,
	clearQueue,
	endReadyCheck,
	lowerHand,
	raiseHand,
	startReadyCheck,
	tallyReadyCheck
} from './meta-queue.ts';
import { MeetingRefusal, initialMeta, type MeetingResult, type MetaState } from './meta.ts';

const ada = { userId: 'u1', name: 'Ada' };
const bo = { userId: 'u2', name: 'Bo' };
const at = (actor: typeof ada, now = 0) => ({ actor, now });
const live: MetaState = { ...initialMeta(), status: 'live', current: 'rca' };

function must(r: MeetingResult): MetaState {
	if (!r.ok) throw new Error(r.reason);
	return r.state;
}

describe('speaking queue', () => {
	it('keeps hands in the order they went up, once per person', () => {
		let s = must(raiseHand(live, at(bo, 1000)));
		s = must(raiseHand(s, at(ada, 2000)));
		expect(must(raiseHand(s, at(bo, 3000)))).toBe(s);
		expect(s.queue.map((h) => h.name)).toEqual(['Bo', 'Ada']);
		expect(s.queue[0]?.at).toBe('1970-01-01T00:00:01.000Z');
	});

	it('calls the first hand, who then speaks and leaves the queue', () => {
		const s = must(callNext(must(raiseHand(must(raiseHand(live, at(bo))), at(ada)))));
		expect(s.speaking?.name).toBe('Bo');
		expect(s.queue.map((h) => h.name)).toEqual(['Ada']);
		expect(callNext(live)).toEqual({ ok: false, reason: MeetingRefusal.queueEmpty });
	});

	it('lowers one hand, and clears the queue and the speaker', () => {
		const s = must(raiseHand(must(raiseHand(live, at(bo))), at(ada)));
		expect(must(lowerHand(s, bo.userId)).queue.map((h) => h.name)).toEqual(['Ada']);
		expect(must(lowerHand(live, bo.userId))).toBe(live);
		const cleared = must(clearQueue(must(callNext(s))));
		expect(cleared.queue).toEqual([]);
		expect(cleared.speaking).toBeNull();
	});

	it('takes no hands once the meeting is closed', () => {
		expect(raiseHand({ ...live, status: 'closed' }, at(bo))).toEqual({
			ok: false,
			reason: MeetingRefusal.closed
		});
	});
});

describe('ready check', () => {
	it('collects one answer per person, which they may change', () => {
		let s = must(startReadyCheck(live, 'r1', at(ada)));
		s = must(answerReadyCheck(s, true, at(bo)));
		s = must(answerReadyCheck(s, false, at(ada)));
		expect(tallyReadyCheck(s)).toEqual({ ready: 1, notYet: 1 });
		s = must(answerReadyCheck(s, true, at(ada)));
		expect(tallyReadyCheck(s)).toEqual({ ready: 2, notYet: 0 });
		expect(must(endReadyCheck(s)).readyCheck).toBeNull();
	});

	it('refuses answers with no check open, and checks before the start', () => {
		expect(answerReadyCheck(live, true, at(bo))).toEqual({
			ok: false,
			reason: MeetingRefusal.noReadyCheck
		});
		expect(startReadyCheck(initialMeta(), 'r', at(ada))).toEqual({
			ok: false,
			reason: MeetingRefusal.notStarted
		});
	});
});
