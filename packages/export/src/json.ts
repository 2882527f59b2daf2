import { deriveImpactTimes } from '@debrief/doc';
import { CONTENT_VERSION, type SnapshotContent } from './content.ts';

/**
 * The JSON export: the frozen content as stored, the digest that proves it, and the derived
 * impact figures so a consumer need not re-derive them. Its shape is published as a JSON Schema
 * (`schema/postmortem.schema.json`, also served at `/api/schemas/postmortem.json`).
 *
 * Keys are sorted at every depth and indented by two spaces: the bytes depend only on the data,
 * never on the order a database handed the keys back in.
 */

/** The `format` member of every JSON export. */
export const JSON_FORMAT = 'debrief.postmortem';

/** The `$id` of the published schema. */
export const JSON_SCHEMA_ID = 'urn:debrief:schema:postmortem:1';

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(value).sort()) {
		const v = (value as Record<string, unknown>)[key];
		if (v !== undefined) out[key] = sortKeys(v);
	}
	return out;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The JSON export of `content` (UTF-8, LF, trailing newline). */
export function renderJson(content: SnapshotContent, digest: string | null): string {
	const impact = deriveImpactTimes(content.timeline, content.overview.startedAt);
	const document = {
		format: JSON_FORMAT,
		version: CONTENT_VERSION,
		digest,
		impact: {
			start: iso(impact.start),
			detectedAt: iso(impact.detectedAt),
			mitigatedAt: iso(impact.mitigatedAt),
			resolvedAt: iso(impact.resolvedAt),
			timeToDetectMs: impact.timeToDetect,
			timeToMitigateMs: impact.timeToMitigate,
			timeToResolveMs: impact.timeToResolve
		},
		content
	};
	return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}
