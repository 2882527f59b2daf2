import { parseZonedIso } from './time.ts';
import type { TimelineEntry, TimelineKind } from './timeline.ts';

/**
 * Time to detect, mitigate and resolve, derived from the timeline so nobody types them twice.
 *
 * - **start**: the incident start set in the overview, else the earliest timeline event.
 * - **detected**: the first `alert` or `detection` event at or after the start.
 * - **mitigated**: the first `mitigation` event at or after the start.
 * - **resolved**: the first `resolution` event at or after the start.
 *
 * Events before the start do not count (a "resolution" of an earlier incident pasted in by
 * mistake must not produce a negative duration); they are reported in `before` so the page can say
 * so instead of hiding them.
 */
export interface ImpactTimes {
	/** Epoch ms of the start, or null without a start nor any dated event. */
	start: number | null;
	/** Where the start came from. */
	startSource: 'overview' | 'first-event' | 'none';
	detectedAt: number | null;
	mitigatedAt: number | null;
	resolvedAt: number | null;
	/** Durations from the start, in ms; null when the milestone is missing. */
	timeToDetect: number | null;
	timeToMitigate: number | null;
	timeToResolve: number | null;
	/** Ids of milestone events dated before the start (ignored above). */
	before: string[];
	/** Ids of the events each milestone came from, to link to them. */
	sources: { detected: string | null; mitigated: string | null; resolved: string | null };
}

const DETECT: ReadonlySet<TimelineKind> = new Set(['alert', 'detection']);

/** Derives the impact times from the timeline and the overview's incident start ('' for none). */
export function deriveImpactTimes(
	entries: readonly Pick<TimelineEntry, 'id' | 'at' | 'kind'>[],
	incidentStart = ''
): ImpactTimes {
	const dated = entries
		.map((e) => ({ e, ms: parseZonedIso(e.at) }))
		.filter((x): x is { e: (typeof entries)[number]; ms: number } => x.ms !== null)
		.sort((a, b) => a.ms - b.ms);
	const explicit = incidentStart === '' ? null : parseZonedIso(incidentStart);
	const start = explicit ?? dated[0]?.ms ?? null;
	const startSource = explicit !== null ? 'overview' : start !== null ? 'first-event' : 'none';

	const before: string[] = [];
	const first = (match: (k: TimelineKind) => boolean): { id: string; ms: number } | null => {
		for (const { e, ms } of dated) {
			if (!match(e.kind)) continue;
			if (start !== null && ms < start) continue;
			return { id: e.id, ms };
		}
		return null;
	};
	if (start !== null) {
		for (const { e, ms } of dated) {
			const milestone = DETECT.has(e.kind) || e.kind === 'mitigation' || e.kind === 'resolution';
			if (milestone && ms < start) before.push(e.id);
		}
	}
	const detected = first((k) => DETECT.has(k));
	const mitigated = first((k) => k === 'mitigation');
	const resolved = first((k) => k === 'resolution');
	const since = (m: { ms: number } | null): number | null =>
		m && start !== null ? m.ms - start : null;
	return {
		start,
		startSource,
		detectedAt: detected?.ms ?? null,
		mitigatedAt: mitigated?.ms ?? null,
		resolvedAt: resolved?.ms ?? null,
		timeToDetect: since(detected),
		timeToMitigate: since(mitigated),
		timeToResolve: since(resolved),
		before,
		sources: {
			detected: detected?.id ?? null,
			mitigated: mitigated?.id ?? null,
			resolved: resolved?.id ?? null
		}
	};
}

/** A duration as people say it: "45 s", "12 min", "1 h 05 min", "2 d 3 h". */
export function formatDuration(ms: number): string {
	const s = Math.round(Math.max(0, ms) / 1000);
	if (s < 60) return `${s} s`;
	const min = Math.floor(s / 60);
	if (min < 60) return `${min} min`;
	const h = Math.floor(min / 60);
	if (h < 48) return `${h} h ${String(min % 60).padStart(2, '0')} min`;
	return `${Math.floor(h / 24)} d ${h % 24} h`;
}
