import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentDigest, verifyDigest } from './canonical.ts';
import { renderCsv } from './csv.ts';
import { fixtureContent } from './fixtures/board.ts';
import { renderMarkdown } from './markdown.ts';
import { EXPORT_FORMATS, exportFilename, renderExport } from './render.ts';

/**
 * Golden files: the fixture board's Markdown and CSV, byte for byte. After an intended change of
 * layout, `UPDATE_GOLDEN=1 npx vitest run packages/export` rewrites them; review the diff.
 */
const golden = (name: string) => new URL(`./fixtures/golden/${name}`, import.meta.url);

function matchGolden(name: string, actual: string): void {
	const path = fileURLToPath(golden(name));
	if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
	expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** What a jsonb round trip does to key order: Postgres sorts keys by length, then bytes. */
function shuffleKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(shuffleKeys);
	if (value === null || typeof value !== 'object') return value;
	const keys = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
	return Object.fromEntries(
		keys.map((k) => [k, shuffleKeys((value as Record<string, unknown>)[k])])
	);
}

afterEach(() => {
	vi.useRealTimers();
});

describe('exports of the fixture board', () => {
	it('renders the post-mortem Markdown exactly as the golden file', async () => {
		const content = fixtureContent();
		matchGolden('checkout.md', renderMarkdown(content, await contentDigest(content)));
	});

	it('renders the action items CSV exactly as the golden file', () => {
		matchGolden('checkout.csv', renderCsv(fixtureContent()));
	});

	it('renders every format byte-identical a day later, from content whose keys came back reordered', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-03-02T16:05:00Z'));
		const content = fixtureContent();
		const digest = await contentDigest(content);
		const first = EXPORT_FORMATS.map((f) => renderExport(f, content, digest).body);

		vi.setSystemTime(new Date('2026-03-03T16:05:00Z'));
		const stored = JSON.parse(JSON.stringify(shuffleKeys(content))) as typeof content;
		expect(await verifyDigest(stored, digest)).toBe(true);
		const again = EXPORT_FORMATS.map((f) => renderExport(f, stored, digest).body);
		expect(again).toEqual(first);
	});

	it('does not depend on the machine’s time zone', async () => {
		const content = fixtureContent();
		const before = renderMarkdown(content, null);
		const zone = process.env.TZ;
		process.env.TZ = 'Pacific/Kiritimati';
		try {
			expect(renderMarkdown(content, null)).toBe(before);
		} finally {
			if (zone === undefined) delete process.env.TZ;
			else process.env.TZ = zone;
		}
	});

	it('marks a draft as a draft in every document format, and in the file name', () => {
		const content = fixtureContent({ draft: true, revision: 2 });
		expect(renderExport('md', content, null).body).toContain('> **DRAFT.**');
		expect(renderExport('html', content, null).body).toContain('<strong>DRAFT.</strong>');
		expect(renderExport('csv', content, null).body).toContain('From the draft post-mortem');
		expect(JSON.parse(renderExport('json', content, null).body).content.draft).toBe(true);
		expect(exportFilename(content, 'md')).toBe(
			'postmortem-checkout-returned-502s-for-41-minutes-r2-draft.md'
		);
	});

	it('names the file after the incident, ASCII only', () => {
		const content = fixtureContent();
		content.overview.texts.title = 'Ünïcode / outage: “quoted”';
		expect(exportFilename(content, 'csv')).toBe('postmortem-unicode-outage-quoted-r1-actions.csv');
		expect(renderExport('html', content, null).contentType).toBe('text/html; charset=utf-8');
	});
});
