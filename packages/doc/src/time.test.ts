import { describe, expect, it } from 'vitest';
import { formatZonedIso, parseZonedIso } from './time.ts';

describe('zoned ISO times', () => {
	it('formats an instant in a given offset and parses it back to the same instant', () => {
		const d = new Date('2026-03-01T14:02:05Z');
		expect(formatZonedIso(d, 60)).toBe('2026-03-01T15:02:05+01:00');
		expect(formatZonedIso(d, -330)).toBe('2026-03-01T08:32:05-05:30');
		expect(formatZonedIso(d, 0)).toBe('2026-03-01T14:02:05+00:00');
		expect(parseZonedIso(formatZonedIso(d, -330))).toBe(d.getTime());
	});

	it('refuses times without a zone or that do not exist', () => {
		expect(parseZonedIso('2026-03-01T14:02')).toBeNull();
		expect(parseZonedIso('2026-03-01')).toBeNull();
		expect(parseZonedIso('2026-13-01T00:00Z')).toBeNull();
		expect(parseZonedIso('2026-02-31T10:00:00Z')).toBeNull();
		expect(parseZonedIso('2028-02-29T10:00:00Z')).not.toBeNull();
		expect(parseZonedIso('2026-03-01T14:02Z')).toBe(Date.UTC(2026, 2, 1, 14, 2));
	});
});
