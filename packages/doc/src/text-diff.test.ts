import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextDiff, diffText } from './text-diff.ts';

describe('diffText', () => {
	it('finds the single changed span', () => {
		expect(diffText('abcdef', 'abXYef')).toEqual({ index: 2, remove: 2, insert: 'XY' });
		expect(diffText('abc', 'abc')).toEqual({ index: 3, remove: 0, insert: '' });
		expect(diffText('', 'new')).toEqual({ index: 0, remove: 0, insert: 'new' });
		expect(diffText('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' });
	});

	it('never splits a surrogate pair', () => {
		// 😀 = \uD83D\uDE00, 😁 = \uD83D\uDE01: same high surrogate, different low one.
		const d = diffText('a😀b', 'a😁b');
		expect(d).toEqual({ index: 1, remove: 2, insert: '😁' });
	});

	it('applies to a Y.Text for any pair of strings', () => {
		const pairs = [
			['', ''],
			['hello', 'help'],
			['x😀y', 'xy'],
			['abc', 'zabcz'],
			['same', 'same'],
			['🙂🙂', '🙂🙃🙂']
		] as const;
		for (const [from, to] of pairs) {
			const doc = new Y.Doc();
			const text = doc.getText('t');
			text.insert(0, from);
			applyTextDiff(text, to);
			expect(text.toString()).toBe(to);
		}
	});
});
