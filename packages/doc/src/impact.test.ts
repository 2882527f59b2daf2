import { describe, expect, it } from 'vitest';
import { deriveImpactTimes, formatDuration } from './impact.ts';
import type { TimelineKind } from './timeline.ts';

const ev = (id: string, at: string, kind: TimelineKind) => ({ id, at, kind });
const MIN = 60_000;

describe('impact times', () => {
	const events = [
		ev('deploy', '2026-03-01T14:00:00Z', 'action'),
		ev('alert', '2026-03-01T15:12:00+01:00', 'alert'), // 14:12Z
		ev('page', '2026-03-01T14:15:00Z', 'detection'),
		ev('rollback', '2026-03-01T14:31:00Z', 'mitigation'),
		ev('again', '2026-03-01T14:40:00Z', 'mitigation'),
		ev('fixed', '2026-03-01T15:05:00Z', 'resolution')
	];

	it('measures from the first event when the overview sets no start', () => {
		const t = deriveImpactTimes(events);
		expect(t.startSource).toBe('first-event');
		expect(t.start).toBe(Date.parse('2026-03-01T14:00:00Z'));
		expect(t.timeToDetect).toBe(12 * MIN);
		expect(t.timeToMitigate).toBe(31 * MIN);
		expect(t.timeToResolve).toBe(65 * MIN);
		expect(t.sources).toEqual({ detected: 'alert', mitigated: 'rollback', resolved: 'fixed' });
	});

	it('measures from the overview’s start when set, across zones', () => {
		const t = deriveImpactTimes(events, '2026-03-01T15:05:00+01:00'); // 14:05Z
		expect(t.startSource).toBe('overview');
		expect(t.timeToDetect).toBe(7 * MIN);
		expect(t.timeToResolve).toBe(60 * MIN);
	});

	it('ignores milestones before the start and lists them, never giving a negative time', () => {
		const t = deriveImpactTimes(events, '2026-03-01T14:20:00Z');
		expect(t.timeToDetect).toBeNull();
		expect(t.before).toEqual(['alert', 'page']);
		expect(t.timeToMitigate).toBe(11 * MIN);
	});

	it('leaves missing milestones empty and skips events without a valid time', () => {
		const t = deriveImpactTimes([
			ev('x', 'garbage', 'resolution'),
			ev('a', '2026-03-01T14:00:00Z', 'alert')
		]);
		expect(t.timeToDetect).toBe(0);
		expect(t.timeToMitigate).toBeNull();
		expect(t.timeToResolve).toBeNull();
	});

	it('has no start at all for an empty timeline', () => {
		const t = deriveImpactTimes([]);
		expect(t).toMatchObject({ start: null, startSource: 'none', timeToDetect: null });
	});

	it('formats durations the way people say them', () => {
		expect(formatDuration(45_000)).toBe('45 s');
		expect(formatDuration(12 * MIN)).toBe('12 min');
		expect(formatDuration(65 * MIN)).toBe('1 h 05 min');
		expect(formatDuration(51 * 60 * MIN)).toBe('2 d 3 h');
	});
});
