import { describe, expect, it } from 'vitest';
import { fixtureContent } from './fixtures/board.ts';
import { largeContent } from './fixtures/large.ts';
import { renderHtml } from './html.ts';
import { wrap } from './svg.ts';

describe('HTML export', () => {
	const html = renderHtml(fixtureContent(), 'f'.repeat(64));

	it('is one self-contained page: no script, no external resource', () => {
		expect(html.startsWith('<!doctype html>')).toBe(true);
		expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
		expect(html).not.toMatch(/<script|<link |src="http/i);
		expect(html).toContain('@media print');
	});

	it('escapes what people wrote', () => {
		expect(html).toContain('Grace raises the pool to 60 &lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('Status page: &quot;Some payments fail&quot;<br>Updated at 14:30 too');
	});

	it('draws the timeline chart and one cause tree per top-level cause, as SVG', () => {
		expect(html.match(/<svg class="chart"/g)).toHaveLength(1);
		expect(html.match(/<svg class="tree"/g)).toHaveLength(2);
		expect(html).toContain('class="milestone-label"');
		expect(html).toMatch(/<g class="node root">[\s\S]*?The database connection pool was<\/text>/);
	});

	it('lists the cause tree with its evidence, and the footer with the digest', () => {
		expect(html).toContain('<a href="https://wiki.example.com/alerts/checkout">Alert rule</a>');
		expect(html).toContain(`<code>${'f'.repeat(64)}</code>`);
	});

	it('renders a board of 2,000 events and 300 causes without losing any', () => {
		const big = renderHtml(largeContent(2000, 300), null);
		expect(big.match(/<circle /g)).toHaveLength(2000);
		expect(big.match(/<g class="node/g)).toHaveLength(300);
	});

	it('wraps node text into at most four lines', () => {
		expect(wrap('short')).toEqual(['short']);
		const lines = wrap('word '.repeat(60));
		expect(lines).toHaveLength(4);
		expect(lines[3]!.endsWith('…')).toBe(true);
		expect(wrap('')).toEqual(['(untitled)']);
	});
});
