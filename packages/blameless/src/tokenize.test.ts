import { describe, expect, it } from 'vitest';
import { quotedRanges, tokenize } from './tokenize.ts';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
	it('expands contractions into separate words with their own offsets', () => {
		const text = "Sam didn't follow; we should've known who's to blame";
		expect(words(text)).toEqual([
			'sam',
			'did',
			'not',
			'follow',
			';',
			'we',
			'should',
			'have',
			'known',
			'who',
			"'s",
			'to',
			'blame'
		]);
		const not = tokenize(text)[2]!;
		expect(text.slice(not.start, not.end)).toBe("n't");
	});

	it('reads contractions typed without the apostrophe like the written ones', () => {
		const text = 'on-call didnt check, we shouldve known, whos to blame';
		expect(words(text)).toEqual([
			'on-call',
			'did',
			'not',
			'check',
			',',
			'we',
			'should',
			'have',
			'known',
			',',
			'who',
			"'s",
			'to',
			'blame'
		]);
		const not = tokenize(text)[2]!;
		expect(text.slice(not.start, not.end)).toBe('nt');
		// Words that only look like one stay whole.
		expect(words('its well shed constructor')).toEqual(['its', 'well', 'shed', 'constructor']);
	});

	it('reads "because" typed fast as the word, with the written offsets', () => {
		const text = 'went dark bc of the push, b/c Sam, cuz why not';
		expect(words(text)).toEqual([
			'went',
			'dark',
			'because',
			'of',
			'the',
			'push',
			',',
			'because',
			'sam',
			',',
			'because',
			'why',
			'not'
		]);
		const bc = tokenize(text)[2]!;
		expect(text.slice(bc.start, bc.end)).toBe('bc');
		// Longer words that start the same way stay whole.
		expect(words('bcc the cuzco team')).toEqual(['bcc', 'the', 'cuzco', 'team']);
	});

	it('keeps = as a mark of its own', () => {
		expect(words('cause = Sam, pool=50')).toEqual(['cause', '=', 'sam', ',', 'pool', '=', '50']);
	});

	it('reads curly apostrophes like straight ones', () => {
		expect(words('She didn’t check Priya’s graph')).toEqual([
			'she',
			'did',
			'not',
			'check',
			'priya',
			"'s",
			'graph'
		]);
	});

	it('keeps hyphenated words, times and versions whole', () => {
		expect(words('on-call fat-fingered 14:02 v4.12')).toEqual([
			'on-call',
			'fat-fingered',
			'14:02',
			'v4.12'
		]);
	});

	it('reads shoulda, coulda and woulda as should/could/would have', () => {
		expect(words('shoulda paged, coulda waited, woulda helped')).toEqual([
			'should',
			'have',
			'paged',
			',',
			'could',
			'have',
			'waited',
			',',
			'would',
			'have',
			'helped'
		]);
		expect(words('a panda and a koala')).toEqual(['a', 'panda', 'and', 'a', 'koala']);
	});

	it('marks sentence ends and keeps commas as clause breaks', () => {
		const t = tokenize('Sam paged, then left.\nNext');
		expect(t.filter((x) => x.sentenceEnd).map((x) => x.text)).toEqual(['.', '\n']);
		expect(t.find((x) => x.text === ',')?.punct).toBe(true);
	});

	it('does not end a sentence at the full stop of a title', () => {
		const titles = new Set(['ms', 'dr']);
		expect(tokenize('Ms. Lindqvist, Dr. Chen.', titles).map((t) => t.text)).toEqual([
			'ms',
			'lindqvist',
			',',
			'dr',
			'chen',
			'.'
		]);
		expect(tokenize('I asked ms. then left', titles).filter((t) => t.sentenceEnd)).toHaveLength(1);
	});

	it('marks words written like code', () => {
		const text = 'cert-manager Cert-manager Jean-Luc billing_rw db-03 k8s on-call Sam 14:02';
		expect(tokenize(text).map((t) => t.ident)).toEqual([
			true,
			true,
			false,
			true,
			true,
			false,
			true,
			false,
			false
		]);
	});

	it('records capitalisation of the written word', () => {
		expect(tokenize('Will will').map((t) => t.cap)).toEqual([true, false]);
	});
});

describe('quotedRanges', () => {
	it('leaves out backticks, straight, curly and single quotes', () => {
		const text = 'a `x` b "y" c “z” d \'w w\' e';
		const quoted = quotedRanges(text).map(([s, e]) => text.slice(s, e));
		expect(quoted).toEqual(['`x`', '"y"', '“z”', "'w w'"]);
	});

	it('does not take apostrophes for quotes', () => {
		expect(quotedRanges("Sam's change and the devs' laptops, it's fine")).toEqual([]);
	});

	it('treats a pasted log line as quoted, but not prose that starts with "Error"', () => {
		const text = '14:03:22 ERROR api: upstream failed to respond\nError rate rose to 12%';
		const quoted = quotedRanges(text).map(([s, e]) => text.slice(s, e));
		expect(quoted).toEqual(['14:03:22 ERROR api: upstream failed to respond']);
	});

	it('recognises bracketed levels, klog and logfmt lines, and links', () => {
		for (const line of [
			'[WARN] replica failed to apply WAL',
			'E0302 14:05:11.123 kubelet: pod failed to pull image',
			'ts=1 level=error msg="worker forgot lease"',
			'see https://grafana.example.com/d/abc?who=broke'
		]) {
			expect(quotedRanges(line).length, line).toBe(1);
		}
	});

	it('quotes nothing when a quote is never closed on its line', () => {
		expect(quotedRanges('He said "we forgot\nand left')).toEqual([]);
	});
});
