import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentDigest } from './canonical.ts';
import { fixtureContent } from './fixtures/board.ts';
import { JSON_FORMAT, JSON_SCHEMA_ID, renderJson } from './json.ts';
import { validateSchema } from './schema-check.ts';

const schema = JSON.parse(
	readFileSync(new URL('../schema/postmortem.schema.json', import.meta.url), 'utf8')
) as Record<string, unknown>;

describe('JSON export', () => {
	it('validates against the published schema, snapshot and draft alike', async () => {
		const content = fixtureContent();
		const exported = JSON.parse(renderJson(content, await contentDigest(content)));
		expect(validateSchema(schema, exported)).toEqual([]);
		const draft = JSON.parse(renderJson(fixtureContent({ draft: true, revision: 2 }), null));
		expect(validateSchema(schema, draft)).toEqual([]);
	});

	it('carries the format, version, digest and the derived impact times', async () => {
		const content = fixtureContent();
		const digest = await contentDigest(content);
		const exported = JSON.parse(renderJson(content, digest));
		expect(schema.$id).toBe(JSON_SCHEMA_ID);
		expect(exported).toMatchObject({ format: JSON_FORMAT, version: 1, digest });
		expect(exported.impact).toEqual({
			start: '2026-03-02T14:02:00.000Z',
			detectedAt: '2026-03-02T14:11:00.000Z',
			mitigatedAt: '2026-03-02T14:31:00.000Z',
			resolvedAt: '2026-03-02T14:43:00.000Z',
			timeToDetectMs: 9 * 60_000,
			timeToMitigateMs: 29 * 60_000,
			timeToResolveMs: 41 * 60_000
		});
	});

	it('fails the schema when a member is missing, misspelled or out of its vocabulary', async () => {
		const content = fixtureContent();
		const good = JSON.parse(renderJson(content, await contentDigest(content)));
		const missing = structuredClone(good);
		delete missing.content.actions[0].owner;
		expect(validateSchema(schema, missing)).toContainEqual({
			path: '/content/actions/0',
			message: 'missing required member "owner"'
		});
		const extra = structuredClone(good);
		extra.content.timeline[0].colour = 'red';
		expect(validateSchema(schema, extra).map((e) => e.path)).toContain(
			'/content/timeline/0/colour'
		);
		const unknown = structuredClone(good);
		unknown.content.actions[0].status = 'finished';
		expect(validateSchema(schema, unknown).map((e) => e.path)).toContain(
			'/content/actions/0/status'
		);
		expect(validateSchema(schema, { ...good, digest: 'abc' }).map((e) => e.path)).toContain(
			'/digest'
		);
	});

	it('sorts keys at every depth, so the bytes never depend on stored key order', () => {
		const text = renderJson(fixtureContent(), null);
		const keys = Object.keys(JSON.parse(text));
		expect(keys).toEqual([...keys].sort());
		expect(text.endsWith('}\n')).toBe(true);
	});
});
