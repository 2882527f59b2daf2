import { OVERVIEW_TEXTS, type EditableSectionId } from '@debrief/doc';
import { servicesOf, severityOf, titleOf, type SnapshotContent } from './content.ts';

/**
 * Search over frozen post-mortems: free text, service, severity, contributing-factor category.
 * Pure, so the server can run it over the snapshots a person may read and tests need no database.
 */

export interface SearchQuery {
	/** Words that must all appear (case-insensitive), anywhere in the document. */
	q?: string;
	service?: string;
	severity?: string;
	category?: string;
}

export interface SearchSnippet {
	section: EditableSectionId;
	text: string;
}

export interface SearchMatch {
	/** Up to three places where the first word appears, cut around it. */
	snippets: SearchSnippet[];
	/** Every factor category of the post-mortem, so recurring ones can be counted. */
	categories: string[];
}

function texts(content: SnapshotContent): SearchSnippet[] {
	const out: SearchSnippet[] = [{ section: 'overview', text: titleOf(content) }];
	for (const f of OVERVIEW_TEXTS) {
		const text = content.overview.texts[f];
		if (f !== 'title' && text) out.push({ section: 'overview', text });
	}
	for (const e of content.timeline) out.push({ section: 'timeline', text: e.text });
	for (const n of content.rca) out.push({ section: 'rca', text: n.text });
	for (const f of content.factors) out.push({ section: 'factors', text: f.text });
	for (const a of content.actions) out.push({ section: 'actions', text: a.title });
	for (const p of content.discussion.parking) out.push({ section: 'discussion', text: p.text });
	if (content.discussion.notes) out.push({ section: 'discussion', text: content.discussion.notes });
	return out;
}

function around(text: string, at: number, length: number): string {
	const start = Math.max(0, at - 50);
	const end = Math.min(text.length, at + length + 70);
	const flat = text.slice(start, end).replace(/\s+/g, ' ').trim();
	return `${start > 0 ? '…' : ''}${flat}${end < text.length ? '…' : ''}`;
}

/** Whether `content` matches `query`, and where; null when it does not. */
export function searchContent(content: SnapshotContent, query: SearchQuery): SearchMatch | null {
	const categories = [...new Set(content.factors.map((f) => f.category))].sort();
	if (query.severity && severityOf(content) !== query.severity) return null;
	if (query.category && !categories.includes(query.category)) return null;
	if (query.service) {
		const wanted = query.service.trim().toLowerCase();
		if (!servicesOf(content).some((s) => s.toLowerCase() === wanted)) return null;
	}
	const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return { snippets: [], categories };
	const all = texts(content);
	const lower = all.map((t) => t.text.toLowerCase());
	if (!words.every((w) => lower.some((t) => t.includes(w)))) return null;
	const first = words[0]!;
	const snippets: SearchSnippet[] = [];
	for (let i = 0; i < all.length && snippets.length < 3; i++) {
		const at = lower[i]!.indexOf(first);
		if (at >= 0)
			snippets.push({ section: all[i]!.section, text: around(all[i]!.text, at, first.length) });
	}
	return { snippets, categories };
}
