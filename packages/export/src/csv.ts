import { titleOf, type SnapshotContent } from './content.ts';
import { shorten } from './format.ts';

/**
 * Action items as CSV for an issue tracker's importer. Both Jira's and Linear's importers map
 * columns by header name: Jira reads `Summary`, Linear `Title`, so both are present (import maps
 * the one it knows and lets you skip the other). RFC 4180 quoting, CRLF line ends, and no BOM.
 */

/** The columns, in order. */
export const CSV_COLUMNS = [
	'Summary',
	'Title',
	'Description',
	'Assignee',
	'Due Date',
	'Priority',
	'Status',
	'Labels',
	'Ticket',
	'Action ID'
] as const;

/** Status names both trackers' default workflows use. */
const STATUS: Readonly<Record<string, string>> = {
	open: 'To Do',
	'in-progress': 'In Progress',
	blocked: 'Blocked',
	done: 'Done'
};
const PRIORITY: Readonly<Record<string, string>> = { high: 'High', medium: 'Medium', low: 'Low' };

/**
 * A spreadsheet opening the file would run a cell starting with `=`, `+`, `-`, `@` (or a tab or
 * carriage return before them) as a formula; a leading apostrophe makes it text (OWASP).
 */
function defused(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string): string {
	const v = defused(value);
	return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The action items of `content` as CSV, one row each, in the order the room added them. */
export function renderCsv(content: SnapshotContent): string {
	const title = titleOf(content);
	const nodes = new Map(content.rca.map((n) => [n.id, n.text]));
	const factors = new Map(content.factors.map((f) => [f.id, f.text]));
	const rows = content.actions.map((a) => {
		const addresses = a.addresses
			.map((id) => nodes.get(id) ?? factors.get(id))
			.filter((t): t is string => Boolean(t))
			.map((t) => `- ${shorten(t, 200)}`);
		const from = content.draft
			? `From the draft post-mortem "${title}".`
			: `From the post-mortem "${title}", revision ${content.revision}.`;
		const description = [from, ...(addresses.length ? ['Addresses:', ...addresses] : [])];
		return [
			a.title,
			a.title,
			description.join('\n'),
			a.owner,
			a.due,
			PRIORITY[a.priority] ?? a.priority,
			STATUS[a.status] ?? a.status,
			'postmortem',
			a.ticket,
			a.id
		];
	});
	return [[...CSV_COLUMNS], ...rows].map((r) => r.map(field).join(',') + '\r\n').join('');
}
