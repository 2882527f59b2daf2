import {
	FACTOR_CATEGORIES,
	buildRcaTree,
	deriveImpactTimes,
	formatDuration,
	parseZonedIso,
	type ImpactTimes,
	type OverviewText,
	type RcaNode,
	type RcaTreeNode
} from '@debrief/doc';
import { servicesOf, severityOf, titleOf, type SnapshotContent } from './content.ts';
import {
	CATEGORY_LABELS,
	KIND_LABELS,
	PRIORITY_LABELS,
	RCA_LABELS,
	STATUS_LABELS,
	formatUtc,
	formatUtcMs,
	labelOf,
	shorten
} from './format.ts';

/**
 * The post-mortem document as the renderers lay it out: content plus what is derived from it
 * (impact times, the repaired cause tree, evidence resolved to events, links between items), in
 * the order the document reads. Markdown and HTML both render this, so they never disagree.
 */

/** One figure of the impact: when, and how long after the start. */
export interface Milestone {
	label: string;
	at: string;
	after: string;
}

export interface EvidenceView {
	label: string;
	url: string;
}

export interface CauseNodeView {
	id: string;
	kindLabel: string;
	text: string;
	isRootCause: boolean;
	evidence: EvidenceView[];
	children: CauseNodeView[];
}

export interface FactorGroupView {
	category: string;
	label: string;
	factors: { id: string; text: string; votes: number; causes: string[] }[];
}

export interface ActionView {
	n: number;
	id: string;
	title: string;
	owner: string;
	due: string;
	priority: string;
	status: string;
	addresses: string[];
	ticket: string;
}

export interface DocumentView {
	title: string;
	draft: boolean;
	revision: number;
	closedAt: string;
	closedBy: string;
	digest: string | null;
	severity: string;
	services: string[];
	text: (field: OverviewText) => string;
	impact: ImpactTimes;
	milestones: Milestone[];
	responders: { name: string; role: string }[];
	timeline: {
		id: string;
		at: number | null;
		time: string;
		kind: string;
		kindLabel: string;
		text: string;
		source: string;
		author: string;
	}[];
	causes: CauseNodeView[];
	factorGroups: FactorGroupView[];
	actions: ActionView[];
	openPoints: string[];
	notes: string;
	attendance: { name: string; role: string; present: boolean }[];
}

/** Builds the document view of `content`; `digest` is shown in the footer when given. */
export function documentView(content: SnapshotContent, digest: string | null): DocumentView {
	const impact = deriveImpactTimes(content.timeline, content.overview.startedAt);
	const events = new Map(content.timeline.map((e) => [e.id, e]));
	const nodes = new Map(content.rca.map((n) => [n.id, n]));
	const factors = new Map(content.factors.map((f) => [f.id, f]));
	const nameOf = (id: string): string => {
		const node = nodes.get(id);
		if (node) return shorten(node.text || '(untitled)', 60);
		const factor = factors.get(id);
		return factor ? shorten(factor.text, 60) : '';
	};
	const tree = buildRcaTree(content.rca);
	const toView = (n: RcaTreeNode<RcaNode>): CauseNodeView => ({
		id: n.id,
		kindLabel: n.isRootCause ? 'Root cause' : labelOf(RCA_LABELS, n.kind),
		text: n.text,
		isRootCause: n.isRootCause,
		evidence: n.evidence.map((e) => {
			if (e.kind === 'link') return { label: e.note || e.url, url: e.url };
			const event = events.get(e.eventId);
			return event
				? { label: `${formatUtc(event.at)}: ${shorten(event.text, 100)}`, url: event.source }
				: { label: 'a timeline event since removed', url: '' };
		}),
		children: n.children.map(toView)
	});
	return {
		title: titleOf(content),
		draft: content.draft,
		revision: content.revision,
		closedAt: formatUtc(content.closedAt),
		closedBy: content.closedBy?.name ?? '',
		digest,
		severity: severityOf(content),
		services: servicesOf(content),
		text: (field) => content.overview.texts[field]?.trim() ?? '',
		impact,
		milestones: milestones(impact),
		responders: content.overview.responders.map((r) => ({ name: r.name, role: r.role })),
		timeline: content.timeline.map((e) => ({
			id: e.id,
			at: parseZonedIso(e.at),
			time: formatUtc(e.at),
			kind: e.kind,
			kindLabel: labelOf(KIND_LABELS, e.kind),
			text: e.text,
			source: e.source,
			author: e.author
		})),
		causes: tree.roots.map(toView),
		factorGroups: factorGroups(content, nameOf),
		actions: content.actions.map((a, i) => ({
			n: i + 1,
			id: a.id,
			title: a.title,
			owner: a.owner,
			due: a.due,
			priority: labelOf(PRIORITY_LABELS, a.priority),
			status: labelOf(STATUS_LABELS, a.status),
			addresses: a.addresses.map(nameOf).filter((s) => s !== ''),
			ticket: a.ticket
		})),
		openPoints: content.discussion.parking.filter((p) => p.movedTo === '').map((p) => p.text),
		notes: content.discussion.notes.trim(),
		attendance: content.attendance.map((a) => ({
			name: a.name,
			role: a.role,
			present: a.present
		}))
	};
}

function milestones(impact: ImpactTimes): Milestone[] {
	const row = (label: string, at: number | null, after: number | null): Milestone => ({
		label,
		at: at === null ? '' : formatUtcMs(at),
		after: after === null ? '' : formatDuration(after)
	});
	return [
		row('Started', impact.start, null),
		row('Detected', impact.detectedAt, impact.timeToDetect),
		row('Mitigated', impact.mitigatedAt, impact.timeToMitigate),
		row('Resolved', impact.resolvedAt, impact.timeToResolve)
	];
}

function factorGroups(content: SnapshotContent, nameOf: (id: string) => string): FactorGroupView[] {
	const groups: FactorGroupView[] = [];
	const known = new Set<string>(FACTOR_CATEGORIES);
	const categories = [
		...FACTOR_CATEGORIES,
		...new Set(content.factors.map((f) => f.category).filter((c) => !known.has(c)))
	];
	for (const category of categories) {
		const factors = content.factors
			.filter((f) => f.category === category)
			.map((f) => ({
				id: f.id,
				text: f.text,
				votes: f.votes,
				causes: f.causeIds.map(nameOf).filter((s) => s !== '')
			}));
		if (factors.length > 0) {
			groups.push({ category, label: labelOf(CATEGORY_LABELS, category), factors });
		}
	}
	return groups;
}
