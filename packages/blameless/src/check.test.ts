import { describe, expect, it } from 'vitest';
import { checkText, createChecker } from './check.ts';
import { en } from './rules/en/index.ts';
import { Category, type Language, type Rule } from './types.ts';

const names = ['Sam Ortiz', 'Priya Raman', 'Will Turner'];
const check = createChecker({ names });
const flagged = (text: string) => check(text).map((f) => text.slice(f.start, f.end));

describe('checkText', () => {
	it('returns the span, category, rule, message and a question for each finding', () => {
		const text = "Honestly, Sam didn't follow the checklist.";
		const [f, ...rest] = check(text);
		expect(rest).toEqual([]);
		expect(text.slice(f!.start, f!.end)).toBe("Sam didn't follow");
		expect(f).toMatchObject({ category: Category.person, rule: 'blame.did-not' });
		expect(f!.message.length).toBeGreaterThan(0);
		expect(f!.question).toMatch(/\?$/);
	});

	it('does not flag the same grammar when a system is the subject', () => {
		for (const text of [
			"The deploy pipeline didn't run the checks.",
			'The alert failed to fire.',
			'The migration broke the orders index.',
			'The scheduler forgot about the drained node.',
			'The new pods came up, but they failed to pass their probes.',
			'It failed to reconnect after the partition.'
		]) {
			expect(check(text), text).toEqual([]);
		}
	});

	it('flags the same grammar when a person is the subject', () => {
		expect(flagged("The on-call didn't run the checks.")).toEqual(["The on-call didn't run"]);
		expect(flagged('Sam failed to escalate.')).toEqual(['Sam failed to']);
		expect(flagged('He broke the build.')).toEqual(['He broke']);
		expect(flagged('They failed to page anyone.')).toEqual(['They failed to']);
	});

	it('knows people by the names it is given, first or last, in any case', () => {
		expect(checkText('Priya broke checkout.')).toEqual([]);
		expect(flagged('Priya broke checkout.')).toEqual(['Priya broke']);
		expect(flagged('raman broke checkout.')).toEqual(['raman broke']);
	});

	it('leaves names used neutrally alone', () => {
		for (const text of ['Priya paged the on-call.', 'Sam rolled back at 14:20.']) {
			expect(check(text), text).toEqual([]);
		}
	});

	it('tells the name Will from the word will', () => {
		expect(flagged('Will skipped the checks.')).toEqual(['Will skipped']);
		expect(check('Will will write the update.')).toEqual([]);
		expect(check('the job will skipped')).toEqual([]);
	});

	it('ignores what is quoted or pasted from logs', () => {
		for (const text of [
			'The ticket said "Sam forgot to renew the cert" for a year.',
			'`ERROR deploy failed to acquire lock` in the worker logs.',
			'14:03:22 ERROR api: worker forgot lease'
		]) {
			expect(check(text), text).toEqual([]);
		}
	});

	it('finds several things in one text, in order, without overlaps', () => {
		const text = 'Obviously the config was wrong. We should have rolled back; human error.';
		expect(check(text).map((f) => f.category)).toEqual([
			Category.hindsight,
			Category.counterfactual,
			Category.humanError
		]);
	});

	it('keeps findings of different categories that partly overlap', () => {
		const text = 'The runbook was clear. Obviously Ana failed to follow the runbook.';
		const found = createChecker({ names: ['Ana Lima'] })(text);
		expect(found.map((f) => [text.slice(f.start, f.end), f.category])).toEqual([
			['Obviously Ana', Category.hindsight],
			['Ana failed to', Category.person]
		]);
	});

	it('lets the more specific rule speak for words another finding lies inside', () => {
		expect(check('Who caused this outage?').map((f) => f.rule)).toEqual(['who.caused']);
		expect(check('This should have been obvious to the reviewer.').map((f) => f.rule)).toEqual([
			'counterfactual.should-have-been'
		]);
	});

	it('borrows the subject of an earlier clause when a clause has none', () => {
		expect(flagged('Devs merged to main and skipped CI.')).toEqual(['skipped']);
		expect(check('The job merged the shards and skipped the last one.')).toEqual([]);
	});

	it('finds the doer of a relative clause whose object ends in a system noun', () => {
		expect(flagged("whoever set up this cron didn't run the tests")).toEqual([
			"whoever set up this cron didn't run"
		]);
		expect(check("the cron that Sam set up didn't run the tests")).toEqual([]);
	});

	it('reads a role that is also software as a system after a product or system name', () => {
		expect(check('The CloudNativePG operator failed to reconcile the cluster.')).toEqual([]);
		expect(check('The k8s operator failed to renew the lease.')).toEqual([]);
		expect(flagged('The operator failed to escalate.')).toEqual(['The operator failed to']);
		expect(flagged('At 02:00 the night operator failed to escalate.')).toEqual([
			'the night operator failed to'
		]);
		expect(flagged('The on-call operator failed to escalate.')).toEqual([
			'The on-call operator failed to'
		]);
	});

	it('reads a subject written like code as a tool', () => {
		expect(check('cert-manager forgot about the renewal after the upgrade.')).toEqual([]);
		expect(check('Cert-manager forgot about the renewal.')).toEqual([]);
		expect(flagged('Priya forgot about the renewal.')).toEqual(['Priya forgot about']);
	});

	it('takes the word after a title for a person, named on the board or not', () => {
		expect(flagged('Ms. Raman failed to escalate.')).toEqual(['Ms. Raman failed to']);
		expect(flagged('Dr. Okafor failed to escalate.')).toEqual(['Dr. Okafor failed to']);
		expect(check('Dr. Okafor paged the on-call.')).toEqual([]);
	});

	it('reads the subject across "not" ("the team could not be bothered to")', () => {
		expect(flagged("The platform team couldn't be bothered to read the RFC.")).toEqual([
			"The platform team couldn't be bothered to"
		]);
		expect(check("The job couldn't be bothered to retry.")).toEqual([]);
	});

	it('reads a role that names the system after it as that system, unless an object follows', () => {
		expect(check('The alert was ignored by the on-call bot for an hour.')).toEqual([]);
		expect(check('The page was missed by the support tool.')).toEqual([]);
		expect(flagged('The page was missed by the support team.')).toEqual([
			'was missed by the support team'
		]);
		expect(flagged("Why didn't the on-call check the lag?")).toEqual([
			"Why didn't the on-call check"
		]);
	});

	it('takes an unlisted capitalised word that the next clause calls he or she for a person', () => {
		expect(flagged("this one's on Gerhard, he pushed for the launch")).toEqual([
			"this one's on Gerhard"
		]);
		expect(check("this one's on Tuesday, he said")).toEqual([]);
		expect(check('The outage started in Frankfurt, she said.')).toEqual([]);
		expect(check("this one's on Gerhard")).toEqual([]);
	});

	it("takes an unlisted capitalised word owning a decision for a person, not a day's", () => {
		expect(flagged("The outage was caused by Teodora's decision to ship.")).toEqual([
			'caused by Teodora'
		]);
		expect(check("The outage was caused by Tuesday's decision to ship.")).toEqual([]);
		expect(check("The outage was caused by Kafka's rebalance.")).toEqual([]);
	});

	it('returns nothing for empty or blank text', () => {
		expect(check('')).toEqual([]);
		expect(check('  \n ')).toEqual([]);
	});

	it('gives the same answer every time (no state between calls)', () => {
		const text = 'Someone forgot to renew the domain.';
		expect(check(text)).toEqual(check(text));
	});
});

/** A language with one rule over the English words: each pattern feature tested on its own. */
function only(rule: Partial<Rule> & Pick<Rule, 'patterns'>) {
	const language: Language = {
		id: 'test',
		lexicon: en.lexicon,
		rules: [
			{
				id: 'test.rule',
				category: Category.person,
				subject: 'any',
				message: 'm',
				question: 'q?',
				examples: { flags: [], passes: [] },
				...rule
			}
		]
	};
	const check = createChecker({ names: ['Sam Ortiz'], language });
	return (text: string) => check(text).map((f) => text.slice(f.start, f.end));
}

describe('patterns and conditions', () => {
	it('matches <any> word and takes an optional slot only when the rest still matches', () => {
		const match = only({ patterns: ['a basic <any> <any>? would'] });
		expect(match('a basic dry run would have caught it')).toEqual(['a basic dry run would']);
		expect(match('a basic check would have caught it')).toEqual(['a basic check would']);
		expect(match('a basic check, would it')).toEqual([]);
	});

	it('matches the marks : and = when a pattern names them', () => {
		const match = only({ patterns: ['cause :|= <person>'] });
		expect(match("root cause: Sam's change")).toEqual(['cause: Sam']);
		expect(match('cause = Sam')).toEqual(['cause = Sam']);
		expect(match('cause Sam')).toEqual([]);
	});

	it('reads <named> as one particular person, not a role or I/we', () => {
		const match = only({ patterns: ['cause : <named>'] });
		expect(match("cause: Sam's change")).toEqual(['cause: Sam']);
		expect(match('cause: he skipped the canary')).toEqual(['cause: he']);
		expect(match("cause: the intern's script")).toEqual(['cause: the intern']);
		expect(match('cause: engineers had no way to see the lag')).toEqual([]);
		expect(match('cause: we had no alert')).toEqual([]);
	});

	it('lets # stand for any number in a word list', () => {
		const match = only({ patterns: ['if only'], notFollowedBy: ['#', 'one'] });
		expect(match('page if only 2 replicas are left')).toEqual([]);
		expect(match('page if only one replica is left')).toEqual([]);
		expect(match('if only we had waited')).toEqual(['if only']);
		expect(only({ patterns: ['after # pages'] })('after 3 pages')).toEqual(['after 3 pages']);
	});

	it('requires another pattern in the same sentence', () => {
		const match = only({ patterns: ['a basic'], requireInSentence: ['would|could not? have'] });
		expect(match("a basic dry run would've caught it")).toEqual(['a basic']);
		expect(match('we added a basic dry run. It would have helped.')).toEqual([]);
	});

	it('stays quiet when the word before the subject says the object came first', () => {
		const match = only({ patterns: ['missed'], subject: 'person', unlessBefore: ['anything'] });
		expect(match('add anything I missed')).toEqual([]);
		expect(match('I missed the page')).toEqual(['I missed']);
	});

	it('looks for a required word in the phrase that follows, not past it', () => {
		const match = only({ patterns: ['responsible for'], requireNext: ['outage', 'this'] });
		expect(match('responsible for the four-hour checkout outage')).toEqual(['responsible for']);
		expect(match('responsible for this')).toEqual(['responsible for']);
		expect(match('responsible for this one')).toEqual(['responsible for']);
		expect(match('responsible for this dashboard')).toEqual([]);
		expect(match('responsible for comms during the outage')).toEqual([]);
	});

	it('fires only at the end of a clause when asked to', () => {
		const match = only({ patterns: ['need a name'], atClauseEnd: true });
		expect(match('I need a name.')).toEqual(['need a name']);
		expect(match('I need a name, today')).toEqual(['need a name']);
		expect(match('we need a name for the cluster')).toEqual([]);
	});

	it('stays quiet where a safeguard is planned', () => {
		const match = only({ patterns: ['human error'], unlessPlanned: true });
		expect(match('Root cause: human error.')).toEqual(['human error']);
		expect(match('A prompt would prevent most human error here.')).toEqual([]);
		expect(match('AI: add a dry run so human error costs nothing')).toEqual([]);
		expect(match('AI: human error, again')).toEqual(['human error']);
	});

	it('lets an adverb sit before the second word, whichever words the pattern starts with', () => {
		const match = only({ patterns: ['was|were ignored by'] });
		expect(match('The page was ignored by Sam.')).toEqual(['was ignored by']);
		expect(match('The page was completely ignored by Sam.')).toEqual(['was completely ignored by']);
		expect(match('The page was acknowledged by Sam.')).toEqual([]);
	});

	it('matches <past> for a verb in the past or its participle, regular or not', () => {
		const match = only({ patterns: ['should have <past>'] });
		expect(match('should have canaried it')).toEqual(['should have canaried']);
		expect(match('should have run the backfill')).toEqual(['should have run']);
		expect(match('should have two replicas')).toEqual([]);
		expect(match('should have need')).toEqual([]);
	});

	it('stays quiet when a pattern it must not meet is in the sentence', () => {
		const match = only({
			patterns: ['was clear that'],
			unlessInSentence: ['nobody could have known']
		});
		expect(match('It was clear that the queue was backing up.')).toEqual(['was clear that']);
		expect(match('It was clear that nobody could have known.')).toEqual([]);
		expect(match('Nobody could have known. It was clear that it was late.')).toEqual([
			'was clear that'
		]);
	});

	it('fires for a person’s thing only under the possessed policy', () => {
		const match = only({ patterns: ['killed'], subject: 'possessed' });
		expect(match("Sam's hotfix killed the workers")).toEqual(["Sam's hotfix killed"]);
		expect(match('Sam killed the stuck query')).toEqual([]);
		expect(match('The OOM killer killed the sidecar')).toEqual([]);
	});
});
