import type { SnapshotContent } from './content.ts';
import { HTML_STYLE } from './html-style.ts';
import { causeTrees, escapeXml as esc, timelineChart } from './svg.ts';
import { documentView, type CauseNodeView, type DocumentView } from './view.ts';

/**
 * The post-mortem as one self-contained HTML page: inline styles, inline SVG drawings, no script,
 * no external resource (a Content-Security-Policy meta says so). A print stylesheet lays it out
 * for paper, so the browser's "Print to PDF" gives the document. Pure, like every renderer.
 */

const NOTHING = '<p class="none">Nothing recorded.</p>';

/** Free text as paragraphs: blank lines split paragraphs, single line breaks stay. */
function paragraphs(text: string): string {
	if (!text) return NOTHING;
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n{2,}/)
		.map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
}

function link(label: string, url: string): string {
	return url ? `<a href="${esc(url)}">${esc(label)}</a>` : esc(label);
}

function multiline(text: string): string {
	return esc(text).replace(/\r?\n/g, '<br>');
}

function header(v: DocumentView): string {
	const facts: Array<[string, string]> = [
		['Severity', v.severity || 'not set'],
		['Services', v.services.join(', ') || 'not set'],
		['Started', v.milestones[0]?.at || 'not known'],
		[
			'Revision',
			v.draft
				? `draft of revision ${v.revision}`
				: `${v.revision}, closed ${v.closedAt}${v.closedBy ? ` by ${v.closedBy}` : ''}`
		]
	];
	const banner = v.draft
		? `<p class="draft" role="note"><strong>DRAFT.</strong> Exported from the live board on ${esc(v.closedAt)}. Nothing here is agreed yet: the record is the snapshot stored when the meeting closes.</p>`
		: '';
	return [
		banner,
		`<header><p class="kicker">Post-mortem</p><h1>${esc(v.title)}</h1>`,
		`<dl class="facts">${facts.map(([k, val]) => `<div><dt>${k}</dt><dd>${esc(val)}</dd></div>`).join('')}</dl></header>`
	].join('\n');
}

function impact(v: DocumentView): string {
	const rows = v.milestones
		.map(
			(m) =>
				`<tr><th scope="row">${m.label}</th><td>${esc(m.at || 'not recorded')}</td><td>${esc(m.after)}</td></tr>`
		)
		.join('');
	const fields: Array<[string, string]> = [
		['Users', v.text('impactUsers')],
		['Services', v.text('impactServices')],
		['Customer effect', v.text('customerEffect')],
		['SLOs breached', v.text('sloBreached')],
		['Error budget', v.text('errorBudget')]
	];
	const notes = fields
		.filter(([, t]) => t)
		.map(([label, t]) => `<div><dt>${label}</dt><dd>${multiline(t)}</dd></div>`)
		.join('');
	return [
		'<section><h2>Impact</h2>',
		`<table class="impact"><thead><tr><th scope="col">Milestone</th><th scope="col">When</th><th scope="col">After the start</th></tr></thead><tbody>${rows}</tbody></table>`,
		notes ? `<dl class="notes">${notes}</dl>` : '',
		'</section>'
	].join('\n');
}

function timeline(v: DocumentView): string {
	if (v.timeline.length === 0) return `<section><h2>Timeline</h2>${NOTHING}</section>`;
	const rows = v.timeline
		.map(
			(e) =>
				`<tr><td class="time">${esc(e.time || 'no time')}</td><td><span class="kind k-${esc(e.kind)}">${esc(e.kindLabel)}</span></td><td>${multiline(e.text)}</td><td class="by">${esc(e.author)}</td><td>${e.source ? link('source', e.source) : ''}</td></tr>`
		)
		.join('\n');
	return [
		'<section><h2>Timeline</h2>',
		timelineChart(v),
		'<table class="timeline"><thead><tr><th scope="col">Time (UTC)</th><th scope="col">Kind</th><th scope="col">Event</th><th scope="col">By</th><th scope="col">Evidence</th></tr></thead><tbody>',
		rows,
		'</tbody></table></section>'
	].join('\n');
}

function causeList(nodes: CauseNodeView[]): string {
	if (nodes.length === 0) return '';
	const items = nodes.map((n) => {
		const evidence = n.evidence.length
			? `<ul class="evidence">${n.evidence.map((e) => `<li>Evidence: ${link(e.label, e.url)}</li>`).join('')}</ul>`
			: '';
		return `<li${n.isRootCause ? ' class="root"' : ''}><span class="node-kind">${esc(n.kindLabel)}</span> ${multiline(n.text || '(untitled)')}${evidence}${causeList(n.children)}</li>`;
	});
	return `<ul class="causes">${items.join('\n')}</ul>`;
}

function causes(v: DocumentView): string {
	if (v.causes.length === 0) return `<section><h2>Root causes</h2>${NOTHING}</section>`;
	const trees = causeTrees(v).map((svg) => `<figure class="tree-figure">${svg}</figure>`);
	return ['<section><h2>Root causes</h2>', ...trees, causeList(v.causes), '</section>'].join('\n');
}

function factors(v: DocumentView): string {
	if (v.factorGroups.length === 0) {
		return `<section><h2>Contributing factors</h2>${NOTHING}</section>`;
	}
	const groups = v.factorGroups.map((g) => {
		const items = g.factors.map((f) => {
			const votes =
				f.votes > 0
					? ` <span class="votes">${f.votes} ${f.votes === 1 ? 'vote' : 'votes'}</span>`
					: '';
			const fed = f.causes.length
				? `<div class="fed">Contributed to: ${esc(f.causes.join('; '))}</div>`
				: '';
			return `<li>${multiline(f.text)}${votes}${fed}</li>`;
		});
		return `<h3>${esc(g.label)}</h3><ul>${items.join('')}</ul>`;
	});
	return ['<section><h2>Contributing factors</h2>', ...groups, '</section>'].join('\n');
}

function actions(v: DocumentView): string {
	if (v.actions.length === 0) return `<section><h2>Action items</h2>${NOTHING}</section>`;
	const rows = v.actions.map(
		(a) =>
			`<tr><td>${a.n}</td><td>${multiline(a.title)}</td><td>${esc(a.owner) || '<span class="none">nobody yet</span>'}</td><td class="time">${esc(a.due) || '<span class="none">no date</span>'}</td><td>${esc(a.priority)}</td><td>${esc(a.status)}</td><td>${esc(a.addresses.join('; '))}</td><td>${a.ticket ? link('ticket', a.ticket) : ''}</td></tr>`
	);
	return [
		'<section><h2>Action items</h2>',
		'<table class="actions"><thead><tr><th scope="col">#</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Priority</th><th scope="col">Status</th><th scope="col">Addresses</th><th scope="col">Ticket</th></tr></thead><tbody>',
		rows.join('\n'),
		'</tbody></table></section>'
	].join('\n');
}

const section = (title: string, text: string) =>
	`<section><h2>${title}</h2>${paragraphs(text)}</section>`;

function subsections(title: string, parts: Array<[string, string]>): string {
	const inner = parts.map(([sub, text]) => `<h3>${sub}</h3>${paragraphs(text)}`).join('\n');
	return `<section><h2>${title}</h2>${inner}</section>`;
}

function rest(v: DocumentView): string {
	const open =
		v.openPoints.length > 0 || v.notes
			? `<section><h2>Open points</h2>${v.openPoints.length ? `<ul>${v.openPoints.map((p) => `<li>${multiline(p)}</li>`).join('')}</ul>` : ''}${v.notes ? paragraphs(v.notes) : ''}</section>`
			: '';
	const people = v.attendance.length
		? `<ul class="people">${v.attendance.map((a) => `<li>${esc(a.name)}, ${esc(a.role)}${a.present ? '' : ' <span class="none">(not connected at close)</span>'}</li>`).join('')}</ul>`
		: NOTHING;
	const what = v.draft
		? `Draft of revision ${v.revision}, exported ${esc(v.closedAt)}. Not a snapshot.`
		: `Revision ${v.revision}, closed ${esc(v.closedAt)}${v.closedBy ? ` by ${esc(v.closedBy)}` : ''}.`;
	const digest = v.digest ? ` SHA-256 of the content: <code>${esc(v.digest)}</code>` : '';
	return [
		open,
		`<section><h2>Attendance</h2>${people}</section>`,
		`<footer>${what}${digest}</footer>`
	].join('\n');
}

/** Renders the post-mortem as a print-ready HTML page. */
export function renderHtml(content: SnapshotContent, digest: string | null): string {
	const v = documentView(content, digest);
	const responders = v.responders.length
		? `<ul class="people">${v.responders.map((r) => `<li>${esc(r.name)}${r.role ? `, ${esc(r.role)}` : ''}</li>`).join('')}</ul>`
		: NOTHING;
	const body = [
		header(v),
		section('Summary', v.text('summary')),
		section('What happened', v.text('whatHappened')),
		impact(v),
		`<section><h2>Responders</h2>${responders}</section>`,
		timeline(v),
		causes(v),
		factors(v),
		section('Resolution', v.text('resolution')),
		subsections('Lessons learned', [
			['What went well', v.text('wentWell')],
			['What went wrong', v.text('wentWrong')],
			['Where we got lucky', v.text('lucky')]
		]),
		actions(v),
		subsections('Communication', [
			['Internal', v.text('commsInternal')],
			['External', v.text('commsExternal')]
		]),
		rest(v)
	];
	return [
		'<!doctype html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		'<meta name="color-scheme" content="light dark">',
		`<title>${esc(v.title)}${v.draft ? ' (draft)' : ''} · Post-mortem</title>`,
		`<style>${HTML_STYLE}</style>`,
		'</head>',
		`<body><main><article${v.draft ? ' class="is-draft"' : ''}>`,
		...body,
		'</article></main></body>',
		'</html>',
		''
	].join('\n');
}
