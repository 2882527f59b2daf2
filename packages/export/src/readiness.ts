import { causesWithoutAction, type EditableSectionId } from '@debrief/doc';
import type { SnapshotContent } from './content.ts';
import { shorten } from './format.ts';

/**
 * What to look at before closing: warnings, never blockers. The facilitator may close anyway;
 * the point is that nobody discovers a missing owner a month later.
 */

export const ReadinessCheck = {
	causeWithoutAction: 'cause-without-action',
	actionWithoutOwner: 'action-without-owner',
	actionWithoutDue: 'action-without-due',
	noDetection: 'no-detection',
	noResolution: 'no-resolution',
	emptySummary: 'empty-summary'
} as const;
export type ReadinessCheck = (typeof ReadinessCheck)[keyof typeof ReadinessCheck];

export interface ReadinessWarning {
	check: ReadinessCheck;
	section: EditableSectionId;
	/** The item it is about, to link to it; null for the section as a whole. */
	itemId: string | null;
	message: string;
}

const quote = (text: string) => `“${shorten(text || 'Untitled', 60)}”`;

/** The warnings for `content`, in the order the document reads. */
export function checkReadiness(content: SnapshotContent): ReadinessWarning[] {
	const out: ReadinessWarning[] = [];
	if (content.overview.texts.summary.trim() === '') {
		out.push({
			check: ReadinessCheck.emptySummary,
			section: 'overview',
			itemId: null,
			message: 'The summary is empty. A few sentences help everyone who was not in the room.'
		});
	}
	const kinds = new Set(content.timeline.map((e) => e.kind));
	if (!kinds.has('detection') && !kinds.has('alert')) {
		out.push({
			check: ReadinessCheck.noDetection,
			section: 'timeline',
			itemId: null,
			message: 'The timeline has no alert or detection event, so the time to detect is unknown.'
		});
	}
	if (!kinds.has('resolution')) {
		out.push({
			check: ReadinessCheck.noResolution,
			section: 'timeline',
			itemId: null,
			message: 'The timeline has no resolution event, so the time to resolve is unknown.'
		});
	}
	for (const cause of causesWithoutAction(content.rca, content.actions)) {
		out.push({
			check: ReadinessCheck.causeWithoutAction,
			section: 'rca',
			itemId: cause.id,
			message: `${quote(cause.text)} is a ${cause.isRootCause ? 'root cause' : 'cause'} that no action item addresses yet.`
		});
	}
	for (const action of content.actions) {
		if (action.status === 'done') continue;
		if (action.owner.trim() === '') {
			out.push({
				check: ReadinessCheck.actionWithoutOwner,
				section: 'actions',
				itemId: action.id,
				message: `${quote(action.title)} has no owner yet.`
			});
		}
		if (action.due === '') {
			out.push({
				check: ReadinessCheck.actionWithoutDue,
				section: 'actions',
				itemId: action.id,
				message: `${quote(action.title)} has no due date yet.`
			});
		}
	}
	return out;
}
