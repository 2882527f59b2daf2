import { TimelineRefusal, MAX_TEXT_LENGTH } from '@debrief/doc';

/** Plain words for a refused timeline write, shown next to the field that caused it. */
export function timelineRefusalText(reason: TimelineRefusal): string {
	switch (reason) {
		case TimelineRefusal.invalidAt:
			return 'Pick a date and time for this event.';
		case TimelineRefusal.unknownKind:
			return 'Pick a kind from the list.';
		case TimelineRefusal.emptyText:
			return 'Say what happened.';
		case TimelineRefusal.textTooLong:
			return `Keep it under ${MAX_TEXT_LENGTH} characters; link longer excerpts as evidence.`;
		case TimelineRefusal.invalidSource:
			return 'The evidence link should start with http:// or https://.';
		case TimelineRefusal.invalidAuthor:
			return 'Your display name is too long.';
		case TimelineRefusal.notFound:
			return 'Someone removed this event in the meantime.';
		case TimelineRefusal.newerSchema:
			return 'This board was updated by a newer version of Debrief. Reload the page to keep editing.';
		case TimelineRefusal.invalidId:
		case TimelineRefusal.duplicateId:
			return 'That event could not be restored.';
	}
}

/** Which form field a refusal points at, to focus it. */
export function timelineRefusalField(
	reason: TimelineRefusal
): 'time' | 'kind' | 'text' | 'source' | null {
	switch (reason) {
		case TimelineRefusal.invalidAt:
			return 'time';
		case TimelineRefusal.unknownKind:
			return 'kind';
		case TimelineRefusal.emptyText:
		case TimelineRefusal.textTooLong:
			return 'text';
		case TimelineRefusal.invalidSource:
			return 'source';
		default:
			return null;
	}
}
