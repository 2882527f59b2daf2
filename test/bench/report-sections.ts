import type { TargetId } from './config.ts';
import type { FanoutResult } from './fanout.ts';
import type { Report } from './report.ts';

/** The ratio ours / reference, as text (— when either side is missing). */
export function ratio(ours: number | undefined, reference: number | undefined): string {
	if (ours === undefined || reference === undefined) return '—';
	if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference === 0) return '—';
	return (ours / reference).toFixed(2);
}

const OURS: TargetId[] = ['pglite', 'postgres'];
const SHORT: Record<TargetId, string> = {
	reference: 'reference',
	pglite: 'ours, PGlite',
	postgres: 'ours, Postgres'
};
/** A figure as text; — when missing (NaN becomes null in the JSON, so both count as missing). */
const fmt = (n: number | null | undefined) =>
	n === undefined || n === null || Number.isNaN(n) ? '—' : String(n);
const met = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'met' : 'not met');
/** A p99 ratio's range over redrawn runs, as text (see `ratioInterval`). */
const range = ({ low, high }: { low: number; high: number }) =>
	`${low.toFixed(2)}–${high.toFixed(2)}`;
const INTERVAL_NOTE =
	'middle 90% of 2,000 redraws; a ratio whose range straddles 1.00 is within run-to-run noise';

/** The issue's targets next to this run's figures. */
export function targetsSection(report: Report): string[] {
	const rows: string[] = [];
	const ours = OURS.filter((id) => report.targets[id]);
	for (const key of ['S1', 'S2', 'S3', 'S2p']) {
		const results = report.fanout[key]?.results;
		const ref = results?.reference;
		if (!results || !ref) continue;
		for (const id of ours) {
			const r = results[id];
			if (!r) continue;
			const q = r.latencyMs.p99 / ref.latencyMs.p99;
			const spread = r.p99RatioInterval ? `; runs redrawn: ${range(r.p99RatioInterval)}` : '';
			rows.push(
				`| ${key}: p99 ≤ reference, nothing lost | ${SHORT[id]}: p99 ${r.latencyMs.p99} vs ${ref.latencyMs.p99} ms (ratio ${q.toFixed(2)}${spread}), lost ${r.lost} | ${met(q <= 1 && r.lost === 0)} |`
			);
		}
	}
	for (const row of report.coldJoin) {
		const ref = row.results.reference?.warm.stateReceivedMs.p50;
		for (const id of ours) {
			const cold = row.results[id]?.cold?.stateReceivedMs.p50;
			if (ref === undefined || cold === undefined) continue;
			rows.push(
				`| S4 ${row.entries}: state received ≤ reference | ${SHORT[id]}: cold ${cold} vs ${ref} ms (ratio ${ratio(cold, ref)}) | ${met(cold <= ref)} |`
			);
		}
	}
	const refCapacity = report.capacity.reference?.capacityWriters;
	for (const id of ours) {
		const c = report.capacity[id];
		if (!c || refCapacity === undefined) continue;
		const known = refCapacity > 0 && (!c.clientBound || c.capacityWriters >= 2 * refCapacity);
		rows.push(
			`| S5: capacity ≥ 2 × reference | ${SHORT[id]}: ${c.capacityWriters} vs ${refCapacity} writers (ratio ${ratio(c.capacityWriters, refCapacity)})${c.clientBound ? ', load client saturated first' : ''} | ${known ? met(c.capacityWriters >= 2 * refCapacity) : '—'} |`
		);
	}
	for (const id of ours) {
		const churn = report.churn[id];
		if (!churn) continue;
		const counted = churn.rounds.filter((r) => r.round > 0);
		const worst = Math.max(...counted.map((r) => r.afterVsStartPercent));
		const rooms = Math.max(...counted.map((r) => r.roomsAfter ?? 0));
		rows.push(
			`| churn: RSS back within 10% of start after each round | ${SHORT[id]}: worst round ${worst}% vs start; rooms left after unload: ${rooms} | ${met(worst <= 10)} |`
		);
		rows.push(
			`| memory per idle loaded board / per connection (reported) | ${SHORT[id]}: ${churn.perLoadedBoardKiB} KiB / ${churn.perConnectionKiB} KiB | — |`
		);
	}
	const s6 = report.scaleOut;
	if (s6 && 'split' in s6) {
		rows.push(
			`| S6: cross-instance p99 ≤ 2 × single-instance p99 | ${fmt(s6.split.crossInstanceLatencyMs?.p99)} vs ${s6.single.latencyMs.p99} ms (ratio ${fmt(s6.crossVsSingleP99)}), lost ${s6.split.lost} | ${met(s6.crossVsSingleP99 <= 2 && s6.split.lost === 0)} |`
		);
	}
	for (const id of ours) {
		const stage = report.persistence[id]?.[0];
		if (!stage) continue;
		rows.push(
			`| S7: durable within 100 ms of acceptance at the S2 rate | ${SHORT[id]}: sampled lag p99 ${stage.persistLagMs.p99} ms, max ${stage.persistLagMs.max} ms | ${met(stage.persistLagMs.max <= 100)} |`
		);
	}
	if (rows.length === 0) return [];
	return [
		'## Targets of issue #9, this run',
		'',
		'| target | figure | |',
		'|---|---|---|',
		...rows,
		''
	];
}

const FANOUT_ROWS: Array<[string, (r: FanoutResult) => number | undefined, boolean]> = [
	['fan-out p50 ms', (r) => r.latencyMs.p50, true],
	['fan-out p95 ms', (r) => r.latencyMs.p95, true],
	['fan-out p99 ms', (r) => r.latencyMs.p99, true],
	['fan-out max ms', (r) => r.latencyMs.max, true],
	['presence p99 ms', (r) => r.presenceLatencyMs?.p99, true],
	['updates sent', (r) => r.updatesSent, false],
	['deliveries seen / expected', (r) => r.deliveriesSeen, false],
	['lost', (r) => r.lost, false],
	['connect p95 ms', (r) => r.connectMs.p95, true],
	['first sync p95 ms', (r) => r.firstSyncMs.p95, true],
	['server CPU %', (r) => r.serverCpuPercent, true],
	['server RSS peak MiB', (r) => r.serverRssMiB.peak, true],
	['server core: busy % (others %, steal %)', (r) => r.serverCores.busyPercent, false],
	['client CPU % (its own core)', (r) => r.client.cpuPercentMax, false],
	['client core busy %', (r) => r.clientCoresBusyPercent, false],
	['client event-loop delay p99 ms', (r) => r.client.eventLoopDelayP99Ms, false]
];

export function fanoutSection(report: Report): string[] {
	if (Object.keys(report.fanout).length === 0) return [];
	const out: string[] = ['## S1–S3: fan-out', ''];
	const ids = (Object.keys(report.targets) as TargetId[]).filter((id) => report.targets[id]);
	const ours = ids.filter((id) => id !== 'reference');
	const hasRef = ids.includes('reference');
	for (const { title, results } of Object.values(report.fanout).filter((v) => v !== undefined)) {
		const header = ids.flatMap((id) =>
			id !== 'reference' && hasRef ? [SHORT[id], 'ratio'] : [SHORT[id]]
		);
		out.push(
			`### ${title}`,
			'',
			`| figure | ${header.join(' | ')} |`,
			`|---|${header.map(() => '---').join('|')}|`
		);
		for (const [label, get, ratioed] of FANOUT_ROWS) {
			const values = ids.map((id) => (results[id] ? get(results[id]) : undefined));
			if (values.every((v) => v === undefined)) continue;
			const ref = hasRef && results.reference ? get(results.reference) : undefined;
			const cells = ids.flatMap((id, i) => {
				let cell = fmt(values[i]);
				const r = results[id];
				if (label.startsWith('deliveries') && r) cell += ` / ${r.deliveriesExpected}`;
				if (label.startsWith('server core') && r) {
					cell += ` (${r.serverCores.othersPercent}, ${r.serverCores.stealPercent})`;
				}
				if (id === 'reference' || !hasRef) return [cell];
				return [cell, ratioed ? ratio(values[i], ref) : ''];
			});
			out.push(`| ${label} | ${cells.join(' | ')} |`);
		}
		const verified = ids.map((id) => {
			const v = results[id]?.verify;
			return v
				? `${SHORT[id]}: ${v.missingMarkers === 0 ? 'complete' : `${v.missingMarkers} missing`}`
				: '';
		});
		const closes = ids
			.map((id) =>
				results[id] && Object.keys(results[id].closes).length
					? `${SHORT[id]} closed ${JSON.stringify(results[id].closes)}`
					: ''
			)
			.filter(Boolean);
		const perRun = ids
			.filter((id) => results[id]?.p99PerRun)
			.map((id) => `${SHORT[id]} ${results[id]!.p99PerRun!.join(' / ')}`);
		const intervals = ours
			.filter((id) => results[id]?.p99RatioInterval)
			.map((id) => `${SHORT[id]} ${range(results[id]!.p99RatioInterval!)}`);
		out.push(
			'',
			`Verified documents (full reader): ${verified.filter(Boolean).join('; ')}.${closes.length ? ` Sockets closed: ${closes.join('; ')}.` : ''}`,
			...(perRun.length
				? ['', `p99 of each run, ms, in the order they ran: ${perRun.join('; ')}.`]
				: []),
			...(intervals.length
				? [
						'',
						`p99 ratio with each server's runs drawn again with replacement (${INTERVAL_NOTE}): ${intervals.join('; ')}.`
					]
				: []),
			''
		);
	}
	return ours.length || hasRef ? out : [];
}

export function coldJoinSection(report: Report): string[] {
	if (report.coldJoin.length === 0) return [];
	const out = [
		'## S4: joining a section with many timeline entries',
		'',
		'Time from opening the socket until the joiner had received the whole state, and until it had applied it. Ours cold: the document was unloaded first and is read from the database.',
		'',
		'| entries | server | join | received p50 ms | received max ms | applied p50 ms | state KiB | entries read | received ratio |',
		'|---|---|---|---|---|---|---|---|---|'
	];
	for (const row of report.coldJoin) {
		const ref = row.results.reference?.warm.stateReceivedMs.p50;
		for (const [id, r] of Object.entries(row.results) as Array<
			[TargetId, NonNullable<(typeof row.results)[TargetId]>]
		>) {
			for (const [kind, f] of [
				['cold', r.cold],
				['warm', r.warm]
			] as const) {
				if (!f) continue;
				const q = id === 'reference' ? '' : ratio(f.stateReceivedMs.p50, ref);
				out.push(
					`| ${row.entries} | ${SHORT[id]} | ${kind} ×${f.joins} | ${f.stateReceivedMs.p50} | ${f.stateReceivedMs.max} | ${f.appliedMs.p50} | ${f.stateKiB} | ${f.entriesSeen} | ${q} |`
				);
			}
		}
	}
	const stalls = report.coldJoin.flatMap((row) =>
		OURS.flatMap((id) => {
			const cold = row.results[id]?.cold;
			return cold ? [`${SHORT[id]} ${row.entries}: ${cold.slowestMetricsWhileUnloadingMs} ms`] : [];
		})
	);
	return [
		...out,
		'',
		'The reference server keeps every document in memory until it exits, so it has no cold join to compare with.',
		...(stalls.length
			? [
					`Longest /metrics answer while our server unloaded (stored and freed) the document: ${stalls.join('; ')}.`
				]
			: []),
		''
	];
}

export function capacitySection(report: Report): string[] {
	const entries = Object.entries(report.capacity) as Array<
		[TargetId, NonNullable<Report['capacity'][TargetId]>]
	>;
	if (entries.length === 0) return [];
	const ref = report.capacity.reference?.capacityWriters;
	const out = [
		'## S5: capacity of one section (40 readers, 5 updates/s per writer)',
		'',
		'| server | writers at p99 ≤ 100 ms | ratio | stopped because |',
		'|---|---|---|---|',
		...entries.map(
			([id, c]) =>
				`| ${SHORT[id]} | ${c.capacityWriters} (${c.capacityWriters * c.ratePerWriter} updates/s) | ${id === 'reference' ? '' : ratio(c.capacityWriters, ref)} | ${c.stoppedBecause}${c.clientBound ? ' (client-bound)' : ''} |`
		),
		'',
		'| server | writers | updates/s | p50 ms | p99 ms | lost | server CPU % | client CPU % | client ELD p99 ms |',
		'|---|---|---|---|---|---|---|---|---|'
	];
	for (const [id, c] of entries) {
		for (const s of c.steps) {
			out.push(
				`| ${SHORT[id]} | ${s.writers} | ${s.updatesPerSecond} | ${s.p50} | ${s.p99} | ${s.lost} | ${s.serverCpuPercent} | ${s.clientCpuPercent} | ${s.clientEventLoopDelayP99Ms} |`
			);
		}
	}
	return [...out, ''];
}

export function churnSection(report: Report): string[] {
	const entries = Object.entries(report.churn) as Array<
		[TargetId, NonNullable<Report['churn'][TargetId]>]
	>;
	if (entries.length === 0) return [];
	const out = [
		'## Churn: rounds of short-lived boards, server memory',
		'',
		'Each board gets one socket that writes, then a second that follows; both leave; RSS is read 1 s after the rooms have unloaded. The bench forces nothing; our server itself collects garbage 0.5 s after its last room unloads when its heap holds 64 MiB or more past its last collection, as after a round of 1,000 boards (`server/src/rooms/reclaim.ts`); the reference server never does. Round 0 is a warm-up (compiled code, pools, caches); “after vs start” compares with RSS after it.',
		'',
		'| server | round | boards | RSS before MiB | 1 socket/board | 2 sockets/board | after | after vs start | rooms left | create boards ms |',
		'|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const [id, c] of entries) {
		for (const r of c.rounds) {
			out.push(
				`| ${SHORT[id]} | ${r.round === 0 ? '0 (warm-up)' : r.round} | ${c.boardsPerRound} | ${r.rssMiB.before} | ${r.rssMiB.oneSocket} | ${r.rssMiB.twoSockets} | ${r.rssMiB.after} | ${r.afterVsStartPercent}% | ${fmt(r.roomsAfter ?? undefined)} | ${r.createBoardsMs} |`
			);
		}
	}
	out.push(
		'',
		'| server | RSS before churn MiB | RSS after warm-up MiB | per loaded board KiB | per connection KiB |',
		'|---|---|---|---|---|'
	);
	for (const [id, c] of entries)
		out.push(
			`| ${SHORT[id]} | ${c.coldStartRssMiB} | ${c.startRssMiB} | ${c.perLoadedBoardKiB} | ${c.perConnectionKiB} |`
		);
	return [
		...out,
		'',
		`Each churn ran on a freshly started server, warmed up like the others. Per loaded board = RSS growth in round 0 with one socket per board, less one connection; per connection = growth from the second socket per board. RSS is coarse (the heap grows in steps), so these are estimates over ${report.config.churnBoards} boards. PGlite is left out by default: its embedded database shares our process and moves its RSS by a hundred MiB on its own.`,
		''
	];
}

export function scaleOutSection(report: Report): string[] {
	const s6 = report.scaleOut;
	if (!s6) return [];
	if ('skipped' in s6)
		return ['## S6: two instances with Redis', '', `Not run: ${s6.skipped}.`, ''];
	const row = (label: string, r: FanoutResult, cross = false) => {
		const l = cross ? r.crossInstanceLatencyMs : r.latencyMs;
		return `| ${label} | ${fmt(l?.p50)} | ${fmt(l?.p99)} | ${fmt(l?.max)} | ${r.deliveriesSeen} / ${r.deliveriesExpected} | ${r.serverCpuPercent} |`;
	};
	return [
		'## S6: two instances with Redis (Postgres log), S1 load',
		'',
		`${s6.single.runs} runs of each, interleaved (all on A, split, all on A, ...), pooled.`,
		'',
		'| clients | p50 ms | p99 ms | max ms | delivered / expected (whole run) | server CPU % (both) |',
		'|---|---|---|---|---|---|',
		row('all on instance A', s6.single),
		row('split, same instance', s6.split),
		row('split, across instances', s6.split, true),
		'',
		`Cross-instance p99 / single-instance p99: ${fmt(s6.crossVsSingleP99)}.${s6.note ? ` ${s6.note}.` : ''}`,
		''
	];
}

export function persistenceSection(report: Report): string[] {
	const entries = Object.entries(report.persistence) as Array<
		[TargetId, NonNullable<Report['persistence'][TargetId]>]
	>;
	if (entries.length === 0) return [];
	const out = [
		'## S7: persistence under sustained writes',
		'',
		'Lag = the server’s `debrief_persist_lag_ms` (age of the oldest accepted update not yet stored), sampled every 50 ms while sending.',
		'',
		'| server | load | offered/s | accepted/s | stored/s | lag p50 ms | lag p99 ms | lag max ms | samples | queue max | drain ms | fan-out p99 ms | sockets refused / closed |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const [id, stages] of entries) {
		for (const s of stages) {
			out.push(
				`| ${SHORT[id]} | ${s.label} | ${s.offeredPerSecond} | ${s.acceptedPerSecond} | ${s.persistedPerSecond} | ${s.persistLagMs.p50} | ${s.persistLagMs.p99} | ${s.persistLagMs.max} | ${s.samples} | ${s.queueDepthMax} | ${fmt(s.drainMs)} | ${fmt(s.fanoutP99Ms)} | ${s.connectFailures} / ${JSON.stringify(s.closes)} |`
			);
		}
	}
	return [...out, ''];
}
