import { describe, expect, it } from 'vitest';
import { parsePastedLines, PasteProblemReason } from './paste-import.ts';

const opts = { date: '2026-03-01', offsetMinutes: 60 };

describe('paste import: lines', () => {
	it('reads a clock time, a kind named by the first word, and keeps the text whole', () => {
		const r = parsePastedLines('14:02 alert fired on api p99', opts);
		expect(r.format).toBe('lines');
		expect(r.problems).toEqual([]);
		expect(r.events).toEqual([
			{
				line: 1,
				at: '2026-03-01T14:02:00+01:00',
				kind: 'alert',
				text: 'alert fired on api p99',
				source: ''
			}
		]);
	});

	it('understands labels, brackets, seconds, dates, zones, am/pm, bullets and trailing links', () => {
		const input = [
			'- [14:05:30] mitigation: rolled back deploy 4812 https://deploys.example.com/4812',
			'2026-03-01T13:10:00Z resolved: error rate back to normal',
			'[2026-03-01 13:20 UTC] comms | status page updated',
			'2:40 PM paged the database on-call',
			'14:41 [note] dashboards lag by a minute'
		].join('\n');
		const r = parsePastedLines(input, opts);
		expect(r.problems).toEqual([]);
		expect(r.events.map((e) => [e.line, e.at, e.kind, e.text, e.source])).toEqual([
			[
				1,
				'2026-03-01T14:05:30+01:00',
				'mitigation',
				'rolled back deploy 4812',
				'https://deploys.example.com/4812'
			],
			[2, '2026-03-01T13:10:00Z', 'resolution', 'error rate back to normal', ''],
			[3, '2026-03-01T13:20:00Z', 'communication', 'status page updated', ''],
			[4, '2026-03-01T14:40:00+01:00', 'alert', 'paged the database on-call', ''],
			[5, '2026-03-01T14:41:00+01:00', 'note', 'dashboards lag by a minute', '']
		]);
	});

	it('uses the default kind when no kind is named', () => {
		const r = parsePastedLines('09:00 Ana joined the bridge', { ...opts, defaultKind: 'action' });
		expect(r.events[0]).toMatchObject({ kind: 'action', text: 'Ana joined the bridge' });
	});

	it('rolls clock-only times past midnight, but not lines merely out of order', () => {
		const r = parsePastedLines('23:58 alert fired\n00:03 paged\n00:01 note from chat', opts);
		expect(r.events.map((e) => e.at)).toEqual([
			'2026-03-01T23:58:00+01:00',
			'2026-03-02T00:03:00+01:00',
			'2026-03-02T00:01:00+01:00'
		]);
	});

	it('reports malformed lines with their number and reason, and skips only blank lines', () => {
		const input = [
			'14:02 alert fired',
			'',
			'someone restarted the pods',
			'25:61 impossible time',
			'14:10',
			'14:11 note: ',
			'14:12 mitigation: scaled out',
			'2026-02-30 10:00 a day that does not exist',
			'   '
		].join('\n');
		const r = parsePastedLines(input, opts);
		expect(r.events.map((e) => e.line)).toEqual([1, 7]);
		expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
			[3, PasteProblemReason.noTime],
			[4, PasteProblemReason.badTime],
			[5, PasteProblemReason.emptyText],
			[6, PasteProblemReason.emptyText],
			[8, PasteProblemReason.badTime]
		]);
		expect(r.problems[0]!.raw).toBe('someone restarted the pods');
	});

	it('reports a line longer than an event may be', () => {
		const r = parsePastedLines(`14:02 ${'x'.repeat(6000)}`, opts);
		expect(r.problems).toMatchObject([{ line: 1, reason: PasteProblemReason.textTooLong }]);
	});
});

describe('paste import: CSV', () => {
	it('reads a header in any order, quotes, doubled quotes and line breaks inside quotes', () => {
		const input = [
			'kind,time,text,link',
			'alert,14:02,"api p99 above 2s, EU",https://grafana.example.com/d/api',
			'action,14:09,"Ana said ""roll back""\nand did",',
			'mitigation,2026-03-01T13:15:00Z,rollback done,'
		].join('\n');
		const r = parsePastedLines(input, opts);
		expect(r.format).toBe('csv');
		expect(r.problems).toEqual([]);
		expect(r.events).toEqual([
			{
				line: 2,
				at: '2026-03-01T14:02:00+01:00',
				kind: 'alert',
				text: 'api p99 above 2s, EU',
				source: 'https://grafana.example.com/d/api'
			},
			{
				line: 3,
				at: '2026-03-01T14:09:00+01:00',
				kind: 'action',
				text: 'Ana said "roll back"\nand did',
				source: ''
			},
			{ line: 5, at: '2026-03-01T13:15:00Z', kind: 'mitigation', text: 'rollback done', source: '' }
		]);
	});

	it('reads headerless rows in the order time,kind,text,link', () => {
		const r = parsePastedLines('14:02,alert,fired\n14:03,note,checked', opts);
		expect(r.format).toBe('csv');
		expect(r.events.map((e) => e.text)).toEqual(['fired', 'checked']);
	});

	it('reports rows with a bad time, an unknown kind, no text, a bad link or an open quote', () => {
		const input = [
			'time,kind,text,link',
			'soon,alert,x,',
			',alert,x,',
			'14:02,panic,x,',
			'14:03,note,,',
			'14:04,note,x,not-a-link',
			'14:05,note,fine,',
			'14:06,note,"never closed'
		].join('\n');
		const r = parsePastedLines(input, opts);
		expect(r.events.map((e) => e.line)).toEqual([7]);
		expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
			[2, PasteProblemReason.badTime],
			[3, PasteProblemReason.noTime],
			[4, PasteProblemReason.unknownKind],
			[5, PasteProblemReason.emptyText],
			[6, PasteProblemReason.badLink],
			[8, PasteProblemReason.badCsv]
		]);
	});

	it('treats a line with commas but no leading time-kind pair as a plain line', () => {
		const r = parsePastedLines('14:02 alert fired, then paged, then acked', opts);
		expect(r.format).toBe('lines');
		expect(r.events[0]!.text).toBe('alert fired, then paged, then acked');
	});
});
