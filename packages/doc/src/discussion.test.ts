import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	DiscussionRefusal,
	discussionNotesText,
	markParkedMoved,
	parkItem,
	readDiscussion,
	removeParkedItem,
	setDiscussionNotes,
	updateParkedItem
} from './discussion.ts';

function exchange(a: Y.Doc, b: Y.Doc): void {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('discussion', () => {
	it('parks a point with its author and the section it came from', () => {
		const doc = new Y.Doc();
		const r = parkItem(doc, {
			text: ' Do we page on saturation? ',
			author: 'Bo',
			from: 'timeline'
		});
		if (!r.ok) throw new Error(r.reason);
		expect(readDiscussion(doc).parking).toEqual([
			expect.objectContaining({
				id: r.id,
				text: 'Do we page on saturation?',
				author: 'Bo',
				from: 'timeline',
				movedTo: ''
			})
		]);
	});

	it('refuses empty points and unknown sections', () => {
		const doc = new Y.Doc();
		expect(parkItem(doc, { text: '', author: 'A' })).toEqual({
			ok: false,
			reason: DiscussionRefusal.emptyText
		});
		expect(parkItem(doc, { text: 'x', author: 'A', from: 'meta' })).toEqual({
			ok: false,
			reason: DiscussionRefusal.unknownSection
		});
	});

	it('edits, marks as moved into a section, and removes a point', () => {
		const doc = new Y.Doc();
		const r = parkItem(doc, { text: 'x', author: 'A' });
		if (!r.ok) throw new Error(r.reason);
		expect(updateParkedItem(doc, r.id, 'Check the canary length').ok).toBe(true);
		expect(markParkedMoved(doc, r.id, 'factors').ok).toBe(true);
		expect(readDiscussion(doc).parking[0]).toMatchObject({
			text: 'Check the canary length',
			movedTo: 'factors'
		});
		expect(markParkedMoved(doc, r.id, 'nowhere')).toEqual({
			ok: false,
			reason: DiscussionRefusal.unknownSection
		});
		expect(removeParkedItem(doc, r.id).ok).toBe(true);
		expect(readDiscussion(doc).parking).toEqual([]);
	});

	it('keeps two people’s notes typed at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		discussionNotesText(a).insert(0, 'Ana: more canary time. ');
		discussionNotesText(b).insert(0, 'Bo: staging lacks load. ');
		exchange(a, b);
		const notes = readDiscussion(a).notes;
		expect(notes).toContain('Ana: more canary time.');
		expect(notes).toContain('Bo: staging lacks load.');
		expect(setDiscussionNotes(a, notes + 'Agreed.').ok).toBe(true);
		expect(readDiscussion(a).notes.endsWith('Agreed.')).toBe(true);
	});
});
