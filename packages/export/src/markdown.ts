import type { SnapshotContent } from './content.ts';
import { documentView, type CauseNodeView, type DocumentView } from './view.ts';

/**
 * The post-mortem as Markdown, laid out as the document people circulate: summary, what happened,
 * impact (with the derived times), responders, timeline table, cause tree as a nested list with
 * its evidence, contributing factors, resolution, lessons, action items table, communication.
 * Pure: the same content and digest give the same bytes.
 */

const NOTHING = '_Nothing recorded._';

/** Escapes what could start raw HTML; the rest of the writer's text keeps its Markdown. */
function inline(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(/<(?=[A-Za-z/!?])/g, '\\<');
}

/** One table cell: no pipes or line breaks may leak into the table's structure. */
function cell(text: string): string {
	return inline(text).replace(/\|/g, '\\|').replace(/\n+/g, '<br>').trim();
}

/** A link destination that no character of the URL can end early. */
function destination(url: string): string {
	return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function link(label: string, url: string): string {
	const text = inline(label).replace(/[[\]]/g, '\\$&');
	return url ? `[${text}](${destination(url)})` : text;
}

/** A block of free text, or the quiet placeholder when nobody wrote it. */
function block(text: string): string {
	return text ? inline(text) : NOTHING;
}

/** A list item whose later lines stay inside the item. */
function item(text: string, indent = ''): string {
	return `${indent}- ${inline(text).replace(/\n/g, `\n${indent}  `)}`;
}

function table(head: string[], rows: string[][]): string {
	const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
	return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function causes(nodes: CauseNodeView[], depth: number): string[] {
	const indent = '  '.repeat(depth);
	const out: string[] = [];
	for (const n of nodes) {
		out.push(
			item(
				`**${n.kindLabel}${n.kindLabel.endsWith('?') ? '' : ':'}** ${n.text || '(untitled)'}`,
				indent
			)
		);
		for (const e of n.evidence) out.push(`${indent}  - Evidence: ${link(e.label, e.url)}`);
		out.push(...causes(n.children, depth + 1));
	}
	return out;
}

function header(v: DocumentView): string[] {
	const out = [`# ${inline(v.title)}`, ''];
	if (v.draft) {
		out.push(
			`> **DRAFT.** Exported from the live board on ${v.closedAt}. Nothing here is agreed yet:`,
			'> the record is the snapshot stored when the meeting closes.',
			''
		);
	}
	const closed = v.draft
		? `draft of revision ${v.revision}`
		: `${v.revision}, closed ${v.closedAt}${v.closedBy ? ` by ${cell(v.closedBy)}` : ''}`;
	out.push(
		table(
			['Incident', ''],
			[
				['Severity', cell(v.severity || 'not set')],
				['Services', cell(v.services.join(', ') || 'not set')],
				['Started', v.milestones[0]?.at || 'not known'],
				['Revision', closed]
			]
		),
		''
	);
	return out;
}

function impact(v: DocumentView): string[] {
	const rows = v.milestones.map((m) => [m.label, m.at || 'not recorded', m.after]);
	const out = ['## Impact', '', table(['Milestone', 'When', 'After the start'], rows), ''];
	const fields: Array<[string, string]> = [
		['Users', v.text('impactUsers')],
		['Services', v.text('impactServices')],
		['Customer effect', v.text('customerEffect')],
		['SLOs breached', v.text('sloBreached')],
		['Error budget', v.text('errorBudget')]
	];
	for (const [label, text] of fields) if (text) out.push(`**${label}:** ${inline(text)}`, '');
	return out;
}

function timeline(v: DocumentView): string[] {
	if (v.timeline.length === 0) return ['## Timeline', '', NOTHING, ''];
	const rows = v.timeline.map((e) => [
		e.time || 'no time',
		e.kindLabel,
		cell(e.text),
		cell(e.author),
		e.source ? link('source', e.source) : ''
	]);
	return ['## Timeline', '', table(['Time (UTC)', 'Kind', 'Event', 'By', 'Evidence'], rows), ''];
}

function factors(v: DocumentView): string[] {
	const out = ['## Contributing factors', ''];
	if (v.factorGroups.length === 0) return [...out, NOTHING, ''];
	for (const g of v.factorGroups) {
		out.push(`### ${g.label}`, '');
		for (const f of g.factors) {
			const votes = f.votes > 0 ? ` (${f.votes} ${f.votes === 1 ? 'vote' : 'votes'})` : '';
			const fed = f.causes.length > 0 ? `. Contributed to: ${f.causes.join('; ')}` : '';
			out.push(item(`${f.text}${votes}${fed}`));
		}
		out.push('');
	}
	return out;
}

function actions(v: DocumentView): string[] {
	if (v.actions.length === 0) return ['## Action items', '', NOTHING, ''];
	const rows = v.actions.map((a) => [
		String(a.n),
		cell(a.title),
		cell(a.owner) || 'nobody yet',
		a.due || 'no date',
		a.priority,
		a.status,
		cell(a.addresses.join('; ')),
		a.ticket ? link('ticket', a.ticket) : ''
	]);
	const head = ['#', 'Action', 'Owner', 'Due', 'Priority', 'Status', 'Addresses', 'Ticket'];
	return ['## Action items', '', table(head, rows), ''];
}

function section(title: string, text: string): string[] {
	return [`## ${title}`, '', block(text), ''];
}

function subsections(title: string, parts: Array<[string, string]>): string[] {
	const out = [`## ${title}`, ''];
	for (const [sub, text] of parts) out.push(`### ${sub}`, '', block(text), '');
	return out;
}

function footer(v: DocumentView): string[] {
	const out = ['## Attendance', ''];
	if (v.attendance.length === 0) out.push(NOTHING);
	for (const a of v.attendance) {
		out.push(item(`${a.name}, ${a.role}${a.present ? '' : ' (not connected at close)'}`));
	}
	out.push('', '---', '');
	const what = v.draft
		? `Draft of revision ${v.revision}, exported ${v.closedAt}. Not a snapshot.`
		: `Revision ${v.revision}, closed ${v.closedAt}${v.closedBy ? ` by ${inline(v.closedBy)}` : ''}.`;
	out.push(v.digest ? `${what} SHA-256 of the content: \`${v.digest}\`` : what, '');
	return out;
}

/** Renders the post-mortem document as Markdown (UTF-8 text, LF line ends). */
export function renderMarkdown(content: SnapshotContent, digest: string | null): string {
	const v = documentView(content, digest);
	const lines = [
		...header(v),
		...section('Summary', v.text('summary')),
		...section('What happened', v.text('whatHappened')),
		...impact(v),
		'## Responders',
		'',
		...(v.responders.length === 0
			? [NOTHING]
			: v.responders.map((r) => item(r.role ? `${r.name}, ${r.role}` : r.name))),
		'',
		...timeline(v),
		'## Root causes',
		'',
		...(v.causes.length === 0 ? [NOTHING] : causes(v.causes, 0)),
		'',
		...factors(v),
		...section('Resolution', v.text('resolution')),
		...subsections('Lessons learned', [
			['What went well', v.text('wentWell')],
			['What went wrong', v.text('wentWrong')],
			['Where we got lucky', v.text('lucky')]
		]),
		...actions(v),
		...subsections('Communication', [
			['Internal', v.text('commsInternal')],
			['External', v.text('commsExternal')]
		]),
		...openPoints(v),
		...footer(v)
	];
	return lines.join('\n');
}

function openPoints(v: DocumentView): string[] {
	if (v.openPoints.length === 0 && !v.notes) return [];
	const out = ['## Open points', ''];
	for (const p of v.openPoints) out.push(item(p));
	if (v.openPoints.length > 0) out.push('');
	if (v.notes) out.push(inline(v.notes), '');
	return out;
}
