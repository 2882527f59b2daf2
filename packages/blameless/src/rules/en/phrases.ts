import { Category, type Rule } from '../../types.ts';

/**
 * Nouns that make "error" part of a compound, the name of a thing: "user error rate", "operator
 * error loop", "human error category".
 */
const errorCompounds = [
	'rate',
	'rates',
	'budget',
	'budgets',
	'count',
	'counts',
	'page',
	'pages',
	'message',
	'messages',
	'code',
	'codes',
	'ratio',
	'spike',
	'spikes',
	'log',
	'logs',
	'handling',
	'handler',
	'handlers',
	'loop',
	'loops',
	'state',
	'states',
	'path',
	'paths',
	'condition',
	'conditions',
	'event',
	'events',
	'status',
	'backoff',
	'retry',
	'retries',
	'class',
	'classes',
	'type',
	'types',
	'field',
	'fields',
	'label',
	'labels',
	'metric',
	'metrics',
	'threshold',
	'thresholds',
	'category',
	'categories',
	'taxonomy',
	'bucket',
	'buckets',
	'response',
	'responses',
	'reporting',
	'tracking',
	'dialog',
	'banner',
	'toast',
	'string',
	'strings',
	'callback',
	'hook',
	'hooks'
];

/** Labels that end the inquiry: human error, carelessness. */
export const humanErrorRules: readonly Rule[] = [
	{
		id: 'human.error',
		category: Category.humanError,
		patterns: [
			'human|operator|user|pilot|people|personnel error|errors|mistake|mistakes|failure',
			'a|the|just people|human problem|issue'
		],
		subject: 'any',
		notFollowedBy: errorCompounds,
		unlessPlanned: true,
		message: 'A label that ends the inquiry',
		question: 'Which part of the system made this error possible, and easy to make?',
		examples: {
			flags: [
				'Root cause: human error.',
				"It's a people problem, not a tooling problem.",
				'This was operator error during the failover.',
				'Recording this as human error on the deploy side.'
			],
			passes: [
				'The user error rate on the login page doubled.',
				'Operator error loop: the Strimzi operator retried the reconcile every 30s.',
				'Operator errors piled up in the log while the Strimzi operator retried.',
				'AI: reduce the chance of operator mistakes by defaulting the region selector.',
				'A confirm prompt on the delete command would prevent most operator errors.',
				'TODO add a dry-run default so human error on the CLI costs nothing.'
			]
		}
	},
	{
		id: 'human.careless',
		category: Category.humanError,
		patterns: [
			'careless|carelessness|negligence|negligent|negligently|sloppy|sloppiness|lazy|laziness|reckless|recklessness|incompetent|incompetence|inattentive|inattention|clueless'
		],
		subject: 'any',
		notFollowedBy: ['<termsOfArt>'],
		unlessPlanned: true,
		message: 'A judgement of care or skill',
		question: 'What about the work made care hard here: time, tools, information?',
		examples: {
			flags: ['The outage came down to carelessness.', 'The engineer was sloppy with the script.'],
			passes: [
				'The script ran without a dry-run flag.',
				"Cassandra's sloppy quorum let writes land on hinted handoff nodes.",
				'Lazy loading of the config hid the error until the first request.',
				'A typed confirmation prevents careless deletes of a namespace.'
			]
		}
	},
	{
		id: 'human.attention',
		category: Category.humanError,
		patterns: [
			'not|no paying attention',
			'lack of attention|care|focus|judgment|judgement|concentration|vigilance|diligence|rigor|rigour|discipline',
			'lapse|lapses in|of attention|concentration|focus|judgment|judgement|care|vigilance|diligence|rigor|rigour|discipline|professionalism|oversight',
			'asleep at the wheel|switch',
			'poor|bad|questionable|faulty judgment|judgement|decision-making',
			'did not care',
			'between keyboard and chair',
			'pebkac|pebcak|id10t'
		],
		subject: 'any',
		message: 'Attention, put on a person',
		question: 'What was competing for attention, and what would have drawn it here?',
		examples: {
			flags: [
				"Someone wasn't paying attention.",
				'The problem was between keyboard and chair.',
				'The incident was caused by a lapse in attention from the engineer on shift.',
				'The certificate stayed in service owing to a lapse in diligence within the team.'
			],
			passes: [
				'The alert needed attention from two teams.',
				'The cert lapsed at midnight because the renewal job was disabled.'
			]
		}
	},
	{
		id: 'human.error-by',
		category: Category.humanError,
		patterns: [
			'error|errors|mistake|mistakes|failure|oversight|lapse|misjudgment|misjudgement|slip|slip-up|typo|typos|goof|misstep by <person>',
			'error|errors|mistake|mistakes|failure|oversight|lapse|misjudgment|misjudgement|negligence on the part of <person>'
		],
		subject: 'any',
		unlessPlanned: true,
		message: 'A mistake, put on a person',
		question: 'Which part of the system made this mistake possible, and easy to make?',
		examples: {
			flags: [
				'This incident is attributable to an error by the on-call engineer.',
				'The root cause was a failure by Mei to renew the certificate.',
				'Owing to an oversight by the release manager, the flag was left on.',
				'typo by Sam in the DNS record took down email'
			],
			passes: [
				'The failure by the replica to catch up went unnoticed for an hour.',
				'There was an error by the time we rolled back, a 502 from the edge.',
				'Huge effort on the part of the DB team to restore by 06:00.'
			]
		}
	},
	{
		id: 'human.fat-finger',
		category: Category.humanError,
		patterns: [
			'fat-finger|fat-fingers|fatfinger|fatfingers|fat-fingering',
			'fat finger|fingers|fingering',
			'layer 8|eight issue|issue|problem|problems|error|bug',
			'wetware|meatware'
		],
		subject: 'any',
		unlessPlanned: true,
		message: 'A label that ends the inquiry',
		question: 'Which part of the system made this slip possible, and easy to make?',
		examples: {
			flags: [
				'pipeline died bc of a fat-finger in the cron expression',
				'It was a fat finger on the load balancer console.',
				'classic layer 8 issue'
			],
			passes: ['A typed confirmation guards against fat-fingers on the console.']
		}
	},
	{
		id: 'human.just-a-slip',
		category: Category.humanError,
		patterns: [
			'just|merely|purely|simply|only a|an? typo|slip|slip-up|goof|mistake|oversight|fat-finger',
			'pure|plain typo|slip|slip-up|goof|mistake|oversight',
			'nothing more|else to it'
		],
		subject: 'any',
		// "Nothing more to it" ends the inquiry only after a slip; "only a typo check" is a tool.
		requireInSentence: ['typo|typos|slip|slip-up|goof|mistake|mistakes|oversight|fat-finger'],
		notFollowedBy: ['check', 'checker', 'checks', 'fix', 'correction', 'linter'],
		unlessPlanned: true,
		message: 'A label that ends the inquiry',
		question: 'Which part of the system made this slip possible, and easy to make?',
		examples: {
			flags: ['Just a typo, nothing more to it, moving on.', 'It was a pure oversight.'],
			passes: [
				'The fix was just a typo correction in the zone file.',
				'The change was small, nothing more to it than a version bump.'
			]
		}
	},
	{
		id: 'human.silly-mistake',
		category: Category.humanError,
		patterns: [
			'rookie|silly|dumb|stupid|amateur|amateurish|boneheaded|idiotic|careless|typical mistake|mistakes|error|errors|blunder|move'
		],
		subject: 'any',
		unlessPlanned: true,
		message: 'A mistake, judged',
		question: 'What made this mistake easy to make?',
		examples: {
			flags: ['It was a rookie mistake.', 'Dumb mistake: wrong region in the command.'],
			passes: [
				'The error message was misleading.',
				'Add a schema check to catch silly mistakes in the zone file.'
			]
		}
	}
];

/** What should or could have happened, instead of what made sense then. */
export const counterfactualRules: readonly Rule[] = [
	{
		id: 'counterfactual.should-have',
		category: Category.counterfactual,
		patterns: [
			// A verb after "should have" makes it a counterfactual; a noun makes it a requirement
			// ("each region should have two replicas"). "Should had" and "should of" are typed fast.
			'should|ought not? to? have|of|had <past>',
			'should|ought not? to? have|of|had been more|less careful|cautious|thorough|attentive|diligent|vigilant|proactive|alert|responsive|disciplined'
		],
		// "Operators should have read access": a permission, not a verb.
		notFollowedBy: ['access', 'permission', 'permissions', 'rights', 'privileges', 'only'],
		// People, or no subject ("should have canaried it first"); an unknown noun only with a
		// human action ("the new hire should have asked"), a system never ("the retry should have").
		subject: 'human-action',
		message: 'Counterfactual',
		question: 'What did people know and see at that moment, before the outcome was known?',
		examples: {
			flags: [
				'We should have rolled back sooner.',
				'Should have checked the dashboards first.',
				'he should of checked the lag first',
				'should have canaried the new model on 5% of traffic first',
				'The team should had tested on the old devices.',
				'the SRE should have throttled the backfill',
				'We should have run the backfill in batches.',
				'The reviewer should have been more careful.'
			],
			passes: [
				'The cache should have expired after five minutes.',
				'We should have a second approver for config changes.',
				'Nobody should have to page three teams to restart a pod.',
				'Each region should have two healthy replicas before we shift traffic back.',
				'Every consumer should have at most 50 messages in flight.',
				'p99 should have stayed under 300ms with the new pool size.',
				'The model should have flagged those transactions, so we are retraining it.',
				'The on-call should have been paged at 02:00, but the alert went to the old rotation.',
				'We should have had a second approver.',
				'Operators should have read access to the console by default.'
			]
		}
	},
	{
		id: 'counterfactual.must-have',
		category: Category.counterfactual,
		// "In my opinion the team must have verified": "must have" for "should have", common in a
		// second language. Without an opinion it is a deduction ("Sam must have restarted it").
		patterns: ['must have <past>'],
		subject: 'human-action',
		requireInSentence: ['in my|our opinion|view', 'imo|imho', 'ideally', 'by rights'],
		message: 'Counterfactual',
		question: 'What did people know and see at that moment, before the outcome was known?',
		examples: {
			flags: [
				'In my opinion the team must have verified the SSO metadata before doing the switch.',
				'imo the on-call must have escalated after the second page'
			],
			passes: [
				'Sam must have restarted the pod before the page; the uptime says 02:01.',
				'In my opinion the model must have drifted after the holiday traffic.'
			]
		}
	},
	{
		id: 'counterfactual.should-have-happened',
		category: Category.counterfactual,
		patterns: [
			'rollback|revert|failover|escalation|cutover|mitigation|decision should|ought not? to? have|of|had happened|occurred|started|begun|come|gone',
			// "The deploy should never have gone out": a change that should not have shipped.
			'deploy|release|change|push|rollout|pr|hotfix|migration|build|patch|update should|ought not|never to? have|of gone|shipped|merged|happened|run|started|left|landed|reached|been'
		],
		subject: 'any',
		// "The failover should have started on its own": the system was expected to act.
		unlessNext: ['automatically', 'own', 'itself', 'automatic'],
		message: 'Counterfactual',
		question: 'What did people know and see at that moment, before the outcome was known?',
		examples: {
			flags: [
				'rollback shouldve happened at 02:10 not 03:40',
				'The escalation should have come sooner.',
				'the deploy should never have gone out on a Friday'
			],
			passes: [
				'The failover should have happened automatically when the health check failed.',
				'The rollback should have started on its own after the canary failed.',
				'The deploy should have gone out at 14:00; the pipeline queued it behind a slow build.'
			]
		}
	},
	{
		id: 'counterfactual.should-have-been',
		category: Category.counterfactual,
		patterns: [
			'should|ought not? to? have been caught|noticed|spotted|seen|merged|approved|escalated|known|flagged|reviewed|obvious|clear|avoided|prevented',
			'should|ought not? to? have been <humanVerbs>|batched|canaried|staged|pinned|throttled|triggered|scheduled|postponed|paused|halted|run|done|renewed|rotated|drained|cancelled|canceled|aborted'
		],
		// "This should have been caught in review"; a person who should have been paged or told
		// was let down by the system, not at fault.
		subject: 'not-person',
		message: 'Counterfactual',
		question: 'What would have had to be true for this to be caught then?',
		examples: {
			flags: [
				'This should have been caught in code review.',
				"migration should've been batched",
				'the failover should have been triggered manually at 02:00, not 03:30'
			],
			passes: [
				'The index rebuild should have run off-peak.',
				'The on-call should have been paged at 02:00.',
				'Sam should have been told about the freeze, but the announcement went to the old list.'
			]
		}
	},
	{
		id: 'counterfactual.could-have',
		category: Category.counterfactual,
		patterns: ['could not? have|of'],
		subject: 'person',
		unlessNext: ['used', 'been'],
		// "Nobody could have known" clears the people involved.
		unlessSubject: ['nobody', 'noone', 'one'],
		message: 'Counterfactual',
		question: 'What made the path they took the sensible one at the time?',
		examples: {
			flags: ['Sam could have prevented this.', 'They could have just restarted the service.'],
			passes: [
				'The retry storm could have taken down the database.',
				'Dmitri could have used a clearer runbook.',
				'Nobody could have known the flag was shared.',
				'No one could have predicted the failover order.'
			]
		}
	},
	{
		id: 'counterfactual.if-only',
		category: Category.counterfactual,
		patterns: ['if only'],
		subject: 'any',
		// "page if only one replica is left": a condition on a number, not a wish about the past.
		notFollowedBy: ['<quantities>'],
		message: 'Counterfactual',
		question: 'What did they know then, and what made their choice make sense?',
		examples: {
			flags: ['If only the canary had run longer.', 'if only, if only: the graph was right there'],
			passes: [
				'Page if only one replica is left in the pool.',
				'Alert if only 2 nodes report healthy.'
			]
		}
	},
	{
		id: 'counterfactual.if-person-had',
		category: Category.counterfactual,
		patterns: ["if <person> had|would|did|were|only|'d", 'had <person> <humanVerbs>'],
		subject: 'any',
		// "if you'd like to help", "if we had more replicas": a wish or a condition, not a verdict.
		notFollowedBy: [
			'like',
			'prefer',
			'rather',
			'mind',
			'a',
			'an',
			'more',
			'no',
			'enough',
			'any',
			'some',
			'access',
			'time'
		],
		message: 'Counterfactual',
		question: 'What did they know then, and what made their choice make sense?',
		examples: {
			flags: [
				'If only we had load tested it.',
				'If Sam had waited for the canary we would not be here.',
				'Had Ravi checked the disk, we would be fine.',
				"if she'd waited for the canary we wouldnt be writing this doc"
			],
			passes: [
				'If the alert had fired at 5%, we would have had more time.',
				"If you'd like to help with the follow-ups, ping me.",
				'If we had more replicas, the failover would be automatic.'
			]
		}
	},
	{
		id: 'counterfactual.avoidable',
		category: Category.counterfactual,
		patterns: [
			'could|would not? have been avoided|prevented|averted',
			'is|was|were avoidable|preventable'
		],
		subject: 'any',
		message: 'Counterfactual',
		question: 'What would have had to be true, at the time, for this to go differently?',
		examples: {
			flags: [
				'Could have been avoided entirely with a five minute check of the cert expiry.',
				'This was entirely avoidable.'
			],
			passes: ['The p99 spike could have been GC, checking heap graphs now.']
		}
	},
	{
		id: 'counterfactual.would-not-have-happened',
		category: Category.counterfactual,
		patterns: [
			'would not|never have|of happened|happend|occurred if <person>',
			'never would have|of happened|happend|occurred if <person>',
			'none of this|it would have happened'
		],
		subject: 'any',
		message: 'Counterfactual',
		question: 'What in the system let one action decide the outcome?',
		examples: {
			flags: [
				'It would not have happened if Tomás had followed the runbook.',
				'None of this would have happened with a second pair of eyes.',
				'would never have happend if people actually used the deploy checklist'
			],
			passes: ['It would not have happened if the alert had fired.']
		}
	},
	{
		id: 'counterfactual.would-have-prevented',
		category: Category.counterfactual,
		patterns: [
			'what would|could have|of prevented|avoided|stopped|caught|saved',
			'reading|checking|looking|testing|asking|waiting|following|paying|verifying|double-checking|glancing|listening <any>? <any>? <any>? would|could have|of prevented|avoided|caught|saved|stopped'
		],
		subject: 'any',
		message: 'Counterfactual',
		question: 'What would have had to be true, at the time, for this to go differently?',
		examples: {
			flags: [
				"ya know what would've prevented this? reading the docs",
				'Double-checking the region flag would have prevented the whole thing.'
			],
			passes: [
				'A circuit breaker would have limited the retry storm; adding one is AI-3.',
				'What would have helped the on-call see the lag sooner?'
			]
		}
	},
	{
		id: 'counterfactual.known-better',
		category: Category.counterfactual,
		patterns: [
			'known|know better',
			'thought|thinks|figured <person> knew|knows better',
			'a|any more careful|experienced|senior|competent engineer|person|operator|developer would',
			'a|any more|less careful|experienced|senior|competent|attentive|thorough|diligent <any> would|could have|of'
		],
		subject: 'any',
		message: 'Counterfactual',
		question: 'What would anyone in that seat have seen, with what they knew then?',
		examples: {
			flags: [
				'He should know better by now.',
				'A more careful engineer would have waited.',
				'A more careful reviewer would have caught the missing index.',
				'Marco thought he knew better than the runbook.'
			],
			passes: [
				'Grace knew the cluster better than anyone.',
				'Sam knew better than to restart the primary, so he waited.'
			]
		}
	}
];

/** Hindsight that makes the moment look easy. */
export const hindsightRules: readonly Rule[] = [
	{
		id: 'hindsight.obviously',
		category: Category.hindsight,
		patterns: ['obviously|evidently'],
		subject: 'any',
		pastOnly: true,
		message: 'Hindsight',
		question: 'It is clear now; what made it hard to see at the time?',
		examples: {
			flags: ['Obviously the config was wrong.'],
			passes: ['We obviously need better alerting on the queue.']
		}
	},
	{
		id: 'hindsight.obvious',
		category: Category.hindsight,
		patterns: [
			"is|was|were|'s|been|seemed|looked obvious|evident",
			"is|was|were|'s|been crystal clear",
			'plain|clear as day',
			'plain to see',
			'signs|signals|warnings were|was all? there',
			'clearly|obviously|plainly too good to be true',
			"is|'s|was|were right there|here",
			"is|was|'s literally in|on|there|right|written|documented|step",
			'common sense says|dictates|tells',
			'staring us|them|him|her|me|everyone|everybody|you in the face',
			'literally the very? first|second|top line|step|thing|sentence|paragraph|item|bullet|result in|of|on',
			'worth their|his|her salt'
		],
		subject: 'any',
		message: 'Hindsight',
		question: 'It is clear now; what made it hard to see at the time?',
		examples: {
			flags: [
				'It was obvious the disk would fill up.',
				'The answer was right there in the logs the whole time.',
				'The signs were there for weeks.',
				'the offline metrics were clearly too good to be true',
				'in hindsight the fix was painfully obvious: raise the connection limit',
				"it's literally in the runbook, step 3",
				"common sense says you don't restart the primary at peak",
				"literally the first line in the runbook is 'check the disk', come on",
				'the answer was staring us in the face for an hour'
			],
			passes: [
				'It is not obvious from the console which region a command targets.',
				'The log literally fills up in seconds at debug level.',
				'Literally the first thing we did was page the DB team.'
			]
		}
	},
	{
		id: 'hindsight.just-had-to',
		category: Category.hindsight,
		patterns: [
			'just|only|simply had|needed to',
			'simply reading|checking|looking|following|asking|waiting'
		],
		subject: 'not-self',
		message: 'Hindsight makes it sound easy',
		question: 'What made this harder in the moment than it sounds now?',
		examples: {
			flags: ['He just had to wait for the migration.', 'They simply had to restart the worker.'],
			passes: [
				'We just had to wait for DNS caches to expire.',
				'The fix just had to wait for the CDN purge to finish.'
			]
		}
	},
	{
		id: 'hindsight.all-it-took',
		category: Category.hindsight,
		patterns: ['all <person> had|needed to', 'all it took|takes'],
		subject: 'any',
		message: 'Hindsight makes it sound easy',
		question: 'What made this harder in the moment than it sounds now?',
		examples: {
			flags: ['All they had to do was read the alert.', 'All it took was one look at the logs.'],
			passes: ['All pods had to be restarted.']
		}
	},
	{
		id: 'hindsight.anyone-would',
		category: Category.hindsight,
		patterns: [
			'anyone|anybody|everyone|everybody would|could have',
			'anyone|anybody|everyone|everybody with eyes|a|half|two <any>? <any>? would|could',
			'any of us|them|you would|could have',
			'any competent|decent|half-decent|good|reasonable|sane|sensible|experienced|careful engineer|developer|dev|operator|person|sre|admin would|could'
		],
		subject: 'any',
		message: 'Hindsight: “anyone would have”',
		question: 'What did the people there actually see, and in what order?',
		examples: {
			flags: [
				'Anyone would have seen that the limit was too low.',
				'Anybody with eyes could see the queue backing up.'
			],
			passes: ['Any retries would have made it worse.']
		}
	},
	{
		id: 'hindsight.anyone-could-see',
		category: Category.hindsight,
		patterns: ['anyone|anybody|everyone|everybody could see|tell|spot'],
		subject: 'any',
		// What they could see is a trend or a fact ("the disk was filling up"), not a screen.
		requireLater: ['<trends>'],
		message: 'Hindsight: “anyone could see”',
		question: 'What did the people there actually see, and in what order?',
		examples: {
			flags: [
				'anyone could see the disk was filling up',
				'Everyone could see the memory climbing for days.'
			],
			passes: ['Everyone could see the shared screen during the bridge.']
		}
	},
	{
		id: 'hindsight.small-effort',
		category: Category.hindsight,
		patterns: [
			'a|one <minimizers>',
			'a|one five|two|ten|one|thirty|# minute|min|second|sec|line',
			'one look|glance'
		],
		subject: 'any',
		// "A canary would have caught this" plans a safeguard; "a basic dry run would have" sneers.
		// "We should have a quick way to roll back" is a wish: the counterfactual needs a verb.
		requireInSentence: [
			'would|could|should not? have|of <humanVerbs>|caught|found|shown|told|saved|stopped|prevented|avoided|surfaced|revealed|been|taken|given'
		],
		message: 'Hindsight makes it sound easy',
		question: 'What made this step harder, or less obvious, at the time than it sounds now?',
		examples: {
			flags: [
				"a basic dry run would've caught the typo in the zone file",
				'One look at the dashboard would have shown the lag.'
			],
			passes: [
				'A canary would have caught this, so we are adding one.',
				'We added a basic dry run to the deploy script.',
				'We should have a quick way to roll back config changes.'
			]
		}
	},
	{
		id: 'hindsight.not-hard',
		category: Category.hindsight,
		patterns: ["it|this|that is|was|'s not that? hard|difficult|complicated"],
		subject: 'any',
		// Said on its own it is a verdict; "it's not hard to roll back: one button" is information.
		notFollowedBy: ['to', 'for', 'because', 'when', 'once', 'if', 'since', 'with', 'but'],
		message: 'Hindsight makes it sound easy',
		question: 'What made this harder in the moment than it sounds now?',
		examples: {
			flags: [
				"you simply have to check replica lag before promoting, it's not hard",
				"honestly it isn't hard, just read the alert"
			],
			passes: [
				"It's not hard to roll back: one button in the deploy tool.",
				'The runbook is not hard to follow once you find it.'
			]
		}
	},
	{
		id: 'hindsight.not-that-hard',
		category: Category.hindsight,
		patterns: ["it|this|that is|was|'s not that hard|difficult|complicated to"],
		subject: 'any',
		// "it's not that hard to see why the alert looked like noise" is empathy, not a sneer.
		unlessNext: ['see', 'understand', 'imagine', 'why', 'how', 'miss', 'confuse', 'mix'],
		message: 'Hindsight makes it sound easy',
		question: 'What made this harder in the moment than it sounds now?',
		examples: {
			flags: ["honestly it's not that hard to read a graph"],
			passes: ["It's not that hard to see why the alert looked like noise."]
		}
	},
	{
		id: 'hindsight.common-sense',
		category: Category.hindsight,
		patterns: [
			"is|was|'s|are|basic|just|simple|plain|use|used|using|lacked|lack|lacking|no|some|any common sense",
			"is|was|'s|are not rocket|brain science|surgery"
		],
		subject: 'any',
		message: 'Hindsight makes it sound easy',
		question: 'What made this less obvious in the moment than it sounds now?',
		examples: {
			flags: [
				"it's basically common sense not to run a migration at peak",
				'Use some common sense before touching prod.',
				"It isn't rocket science to check the expiry date."
			],
			passes: ['Common sense defaults would have helped.']
		}
	},
	{
		id: 'hindsight.literally-said',
		category: Category.hindsight,
		patterns: ['literally|plainly said|says|told|tells|showed|shows|spelled|screamed|pointed'],
		subject: 'any',
		message: 'Hindsight',
		question: 'It is clear now; what made it hard to see at the time?',
		examples: {
			flags: ['just read the error message, it literally said disk full'],
			passes: ['The error said disk full, but it was the third of forty lines.']
		}
	},
	{
		id: 'hindsight.before-anyone',
		category: Category.hindsight,
		patterns: [
			'well|long before anyone|anybody|someone|somebody acted|noticed|did|looked|reacted|responded|moved|bothered|cared|checked'
		],
		subject: 'any',
		message: 'Hindsight',
		question: 'What did people see in those minutes, and what were they busy with?',
		examples: {
			flags: ['it was clear that the queue was backing up well before anyone acted'],
			passes: ['The queue backed up for 20 minutes before the alert fired.']
		}
	},
	{
		id: 'hindsight.how-could',
		category: Category.hindsight,
		patterns: [
			'how could|can <person> miss|ignore|forget|overlook|not',
			'how did|do <person> miss|ignore|forget|overlook'
		],
		subject: 'any',
		message: 'Hindsight',
		question: 'What did they see at that moment, and what would have made this stand out?',
		examples: {
			flags: ['How could anyone miss a red dashboard?', 'how did the on-call miss that'],
			passes: ['How could the on-call have known the flag was shared?']
		}
	},
	{
		id: 'hindsight.easy-to',
		category: Category.hindsight,
		patterns: [
			'easy|trivial|simple to catch|spot|avoid|prevent|see|notice',
			'easy|simple|basic|obvious mistake|mistakes|blunder'
		],
		subject: 'any',
		message: 'Hindsight makes it sound easy',
		question: 'What made this hard to see from inside the incident?',
		examples: {
			flags: ['This was easy to catch.', 'It was an easy mistake to avoid.'],
			passes: ['It is easy to run the script against prod because the default context is prod.']
		}
	},
	{
		id: 'hindsight.no-brainer',
		category: Category.hindsight,
		patterns: [
			'no-brainer|nobrainer|no-brainers',
			'no brainer',
			'trivially|laughably|ridiculously|embarrassingly|stupidly|absurdly easy|simple|obvious|trivial|fixable|avoidable|preventable'
		],
		subject: 'any',
		// "Adding a canary is a no-brainer" argues for a plan; said of the past, it is hindsight.
		// "Rolling back was a no-brainer once we saw the errors" tells a decision and its reason.
		pastOnly: true,
		unlessExplained: true,
		unlessNext: ['to', 'once', 'after', 'when', 'for'],
		message: 'Hindsight makes it sound easy',
		question: 'What made this harder in the moment than it sounds now?',
		examples: {
			flags: [
				'a total no-brainer, the alert text said exactly what was wrong',
				'the fix was trivially easy, one line in the helm values'
			],
			passes: [
				'Adding a canary to every service is a no-brainer.',
				'With the flag, rolling back is trivially easy.',
				'Rolling back was a no-brainer once we saw the error rate.',
				'The rollback was trivially easy thanks to the flag.'
			]
		}
	},
	{
		id: 'hindsight.was-clear',
		category: Category.hindsight,
		patterns: ['it|this was|were clear|evident|apparent|plain that|from'],
		subject: 'any',
		unlessExplained: true,
		// Clear that something happened is a finding; clear while nobody acted is hindsight.
		requireInSentence: [
			'nobody|noone had|has? <omissionPast>|acted|intervened|moved|did|saw|cared|read',
			'no one had|has? <omissionPast>|acted|intervened|moved|did|saw|cared|read',
			'before anyone|anybody|someone'
		],
		message: 'Hindsight',
		question: 'What did people see in those minutes, and what were they busy with?',
		examples: {
			flags: [
				'It was clear that the queue was backing up from 01:00 onwards and nobody acted on it.'
			],
			passes: [
				'It was clear from the graphs that the failover had worked.',
				'It was clear that nobody could have known the flag was shared.'
			]
		}
	},
	{
		id: 'hindsight.clear-that',
		category: Category.hindsight,
		patterns: [
			'it|this was|were clear|evident|apparent that',
			'it|this was|were clear|evident|apparent the|nobody|someone|somebody|anyone|everyone|he|she|they'
		],
		subject: 'any',
		unlessExplained: true,
		// "By 10:05 it was clear that only EU was affected" tells when the diagnosis landed;
		// "it was clear that we had to fail over" a decision; "nobody could have known" clears people.
		unlessInSentence: [
			'by|at|after|around|within|until|from #',
			'by|from then|now|noon|midnight|morning|evening|lunch',
			'by|at|from that|this point|time|stage',
			'once|when|after|eventually|soon|quickly|finally|later|minutes|seconds|hours|graphs|logs|traces|dashboard|dashboards',
			'could not? have|of known|predicted|foreseen|guessed',
			// "it was clear that the rollback had worked" is a finding.
			'worked|fixed|recovered|resolved|helped|succeeded|healthy|stable|stabilised|stabilized',
			'so|and|then we|i'
		],
		unlessNext: ['we', 'our', 'us'],
		message: 'Hindsight',
		question: 'What did people see in those minutes, and what were they busy with?',
		examples: {
			flags: [
				'It was clear that the model was overfitting; the offline metrics were too good to be true.',
				'It was clear the cache was going to fall over.'
			],
			passes: [
				'By 10:05 it was clear that the outage only affected EU merchants.',
				'It was clear that we had to fail over.',
				'It was clear that the rollback had worked.',
				'It was clear that nobody could have known the flag was shared.',
				'Once the traces came in it was clear that the gateway was the bottleneck.'
			]
		}
	},
	{
		id: 'hindsight.of-course',
		category: Category.hindsight,
		patterns: [
			'of course <any>? <any>? <any>? <fellOver>',
			'of course nobody|noone|no',
			'unsurprisingly nobody|noone|no',
			'surprise surprise'
		],
		subject: 'any',
		pastOnly: true,
		message: 'Hindsight',
		question: 'It is clear now; what made it hard to see at the time?',
		examples: {
			flags: [
				'Of course the cert expired, the reminder emails were sitting there for weeks.',
				'Of course the disk filled up, nobody had set a retention policy.',
				'unsurprisingly nobody checked the replica'
			],
			passes: [
				'Of course, we kept the customer updated every 30 minutes.',
				'Of course the failover worked once the DNS TTL ran out.'
			]
		}
	},
	{
		id: 'hindsight.asking-for-trouble',
		category: Category.hindsight,
		patterns: [
			'asking|begging for trouble|disaster|problems',
			'recipe for disaster',
			'accident|disaster|incident|outage waiting to happen',
			'bound to happen|fail|break|blow',
			'only|just a matter of time',
			'always going to fail|break|happen|blow|end',
			'saw|seen this|it|that coming',
			'told you|them|him|her|everyone|everybody so',
			'is|was|were entirely|totally|completely? predictable|foreseeable'
		],
		subject: 'any',
		// "Skipping the canary is asking for trouble" argues about a plan; said of the past it is
		// hindsight.
		pastOnly: true,
		message: 'Hindsight',
		question: 'It is clear now; what made it hard to see at the time?',
		examples: {
			flags: [
				'Needless to say, a Friday release of the payments app was asking for trouble.',
				'That was a disaster waiting to happen.',
				'we all saw this coming'
			],
			passes: [
				'Skipping the canary on a Friday is asking for trouble.',
				'It is only a matter of time before the disk fills; AI-4 adds an alert.'
			]
		}
	},
	{
		id: 'hindsight.needless-to-say',
		category: Category.hindsight,
		patterns: ['needless to say'],
		subject: 'any',
		pastOnly: true,
		requireLater: [
			'<fellOver>',
			'trouble',
			'disaster',
			'wrong',
			'terrible',
			'awful',
			'bad',
			'mess'
		],
		message: 'Hindsight',
		question: 'It is clear now; what made it hard to see at the time?',
		examples: {
			flags: ['Needless to say, deploying during the sale was a terrible idea.'],
			passes: ['Needless to say, the team worked through the night to restore service.']
		}
	},
	{
		id: 'hindsight.how-hard',
		category: Category.hindsight,
		patterns: [
			'is|was it really|honestly|seriously|truly? that|so hard|difficult|tough|complicated to',
			'how hard|difficult is|can it be? to',
			'how hard|difficult could it be'
		],
		subject: 'any',
		// "How hard is it to add a canary stage?" asks about effort; "to see why" is empathy.
		unlessNext: [
			'see',
			'understand',
			'imagine',
			'why',
			'how',
			'miss',
			'confuse',
			'mix',
			'add',
			'build',
			'make',
			'set',
			'automate',
			'write',
			'change',
			'migrate',
			'implement',
			'support',
			'move',
			'fix',
			'estimate'
		],
		message: 'Hindsight makes it sound easy',
		question: 'What made this harder in the moment than it sounds now?',
		examples: {
			flags: [
				'Was it really that hard to glance at the disk graph before starting the migration?',
				'How hard is it to read the runbook?'
			],
			passes: [
				'How hard is it to add a canary stage to this pipeline?',
				'Was it hard to find the right dashboard during the incident?'
			]
		}
	},
	{
		id: 'hindsight.bad-from-the-start',
		category: Category.hindsight,
		patterns: [
			'a|an bad|terrible|awful|dumb|stupid|horrible|poor|obvious idea|call|choice|decision|design|mistake from|since day one|1',
			'a|an bad|terrible|awful|dumb|stupid|horrible|poor|obvious idea|call|choice|decision|design|mistake from|since the start|beginning|get-go|outset|off'
		],
		subject: 'any',
		message: 'Hindsight',
		question: 'It is clear now; what made it look like a good idea at the time?',
		examples: {
			flags: [
				'Clearly the new shard key was a bad idea from day one.',
				'honestly that cache layer was a terrible call from the start'
			],
			passes: [
				'Canarying every release was a good idea from day one.',
				'The bad idea list from the start of the retro is in the doc.'
			]
		}
	},
	{
		id: 'hindsight.clearly-judged',
		category: Category.hindsight,
		// "Clearly the shard key was a bad idea": a verdict that only the outcome makes clear.
		patterns: ['clearly|obviously|evidently'],
		subject: 'any',
		pastOnly: true,
		requireInSentence: [
			'a|an bad|terrible|awful|dumb|stupid|horrible|poor|wrong idea|call|choice|decision|move|mistake'
		],
		message: 'Hindsight',
		question: 'It is clear now; what made it look like a good idea at the time?',
		examples: {
			flags: ['Clearly moving the DNS on a Friday was a bad call.'],
			passes: [
				'The graph clearly shows the spike; a bad call would be to fail over now.',
				'Clearly documented rollback steps were a good idea.'
			]
		}
	},
	{
		id: 'hindsight.clearly',
		category: Category.hindsight,
		patterns: ['clearly|obviously <person>'],
		subject: 'any',
		pastOnly: true,
		message: 'Hindsight',
		question: 'It is clear now; what made it hard to see at the time?',
		examples: {
			flags: ['Clearly nobody looked at the graphs.'],
			passes: ['The graph clearly shows the spike at 14:02.']
		}
	}
];

/** Looking for a culprit. */
export const whoCausedRules: readonly Rule[] = [
	{
		id: 'who.caused',
		category: Category.whoCaused,
		patterns: [
			'who|whoever caused|broke|botched|nuked|wrecked',
			'who|whoever screwed|screwd|messed|messd up',
			'who|whoever took|brought down',
			'who|whoever did this|that',
			'who|whoever pushed|deployed|merged|shipped the|a|an? <badChange>',
			"who is|'s|was|were? to blame",
			'who|whoever touched|tampered|fiddled|meddled',
			'which engineer|developer|person|team|one caused|broke|pushed|screwed|messed',
			"which <person> is|'s|was|were to blame",
			'which engineer|engineers|developer|dev|person|idiot|genius approved|merged|touched|signed|okayed|deployed|shipped|pushed|let',
			// "which person did break the pipeline", "who did cause it": the question form.
			'who|whoever did|does|do break|cause|nuke|wreck|screw|mess|botch|delete|drop',
			'which <person> did|does|do break|cause|nuke|wreck|screw|mess|botch|delete|drop|push|merge|approve',
			'which <person> caused|broke|nuked|wrecked|botched|approved|merged|deployed|shipped|pushed',
			"who|whoever is|'s|was|were at fault",
			// Shipping a bad change, where shipping alone is a duty ("responsible for deploying").
			"who|whoever is|'s|was|were responsible|accountable for pushing|shipping|deploying|merging|releasing|rolling <any>? <badChange>"
		],
		subject: 'any',
		message: 'Looking for a culprit',
		question: 'Instead of who: what made this possible, and what would stop it next time?',
		examples: {
			flags: [
				'Who caused this outage?',
				"Who's to blame for the data loss?",
				'whos to blame for the flag getting flipped in prod',
				'Need to find out who touched the load balancer config.',
				'in the retro I want a name: which engineer approved that PR?',
				'Can somebody tell me which person did break the pipeline yesterday?',
				'I need to know which individual approved the firewall change.',
				'who was at fault here?',
				'Who is responsible for pushing an untested model to production traffic?'
			],
			passes: [
				'Who was on call for payments that night?',
				'Who owns the billing service?',
				'Which engineer is on call tonight?',
				'Which team did the rollback?',
				"Which engineer reviewed the PR? We'd like their view on the test gap."
			]
		}
	},
	{
		id: 'who.approved',
		category: Category.whoCaused,
		patterns: [
			'who|whoever approved|okayed|greenlit|allowed|authorized|authorised|signed|rubber-stamped'
		],
		subject: 'any',
		// Who approved a change is a timeline fact; who approved it during a freeze is a hunt.
		requireLater: ['<riskyTiming>'],
		message: 'Looking for a culprit',
		question: 'Instead of who: what made approving this look reasonable at the time?',
		examples: {
			flags: [
				'who signed off on a deploy during the change freeze?',
				'Who approved this without a review?'
			],
			passes: ['Who approved the change request?', 'Who signed off on the release notes?']
		}
	},
	{
		id: 'who.which-of-you',
		category: Category.whoCaused,
		// "which one of you deployed on a friday": a question put to the people in the room, about
		// a risky or harmful act (not "which of you deployed the fix? thanks").
		patterns: [
			"which one|ones|person|engineer|dev|developer? of you|y'all|yall caused|broke|pushed|deployed|merged|shipped|approved|touched|nuked|screwed|messed|deleted|dropped|disabled"
		],
		subject: 'any',
		requireLater: ['<riskyTiming>', '<harms>', '<incident>', 'this', 'that', 'it', 'prod'],
		unlessInSentence: ['thank|thanks|kudos|great|nice'],
		message: 'Looking for a culprit',
		question: 'Instead of who: what made this possible, and what would stop it next time?',
		examples: {
			flags: ['which one of you deployed on a friday', 'ok which of you pushed this'],
			passes: [
				'Which one of you is on call tonight?',
				'Which of you deployed the fix? Thanks!',
				'Which one of you approved the comms draft? Looks good.'
			]
		}
	},
	{
		id: 'who.approved-harm',
		category: Category.whoCaused,
		patterns: [
			// Who approved a change is a timeline fact; who approved the change that wiped the
			// index asks for the person behind the harm (like "responsible for the model that").
			'who|whoever approved|okayed|greenlit|authorized|authorised|signed|merged|deployed|pushed|shipped|reviewed <any> <any>? <any>? <any>? that|which <didHarm>',
			'who|whoever approved|okayed|greenlit|authorized|authorised|signed|merged|deployed|pushed|shipped|reviewed <any> <any>? <any>? <any>? that|which took|brought|knocked <any> <any>? <any>? down|out'
		],
		subject: 'any',
		// Asking to learn from them, or a clean-up ("the PR that dropped the unused index").
		unlessInSentence: [
			'ask|thank|thanks|notes|route|learn',
			'unused|stale|orphaned|obsolete|dead|old|duplicate'
		],
		message: 'Looking for a culprit',
		question: 'Instead of who: what made approving this look reasonable at the time?',
		examples: {
			flags: [
				'Can someone tell me who approved the change that wiped the search index?',
				'who merged the PR that took the checkout db down',
				'Who signed off on the migration that dropped the orders table?'
			],
			passes: [
				'Who approved the change that added the new index? Their notes would help.',
				'Who reviewed the fix that stopped the crash loop?',
				'Who reviewed the PR that dropped the unused index? Want to ask about the plan.'
			]
		}
	},
	{
		id: 'who.even',
		category: Category.whoCaused,
		patterns: [
			'who|whoever actually|even|really|seriously|honestly approved|reviewed|merged|pushed|deployed|touched|signed|okayed|thought|allowed|shipped|tested|checked',
			'who|whoever the hell|heck|fuck|f|fk|fck|frick|freaking|fricking approved|reviewed|merged|pushed|deployed|touched|signed|okayed|thought|allowed|shipped|disabled|deleted|did|wrote|ran',
			'who|whoever on earth approved|reviewed|merged|pushed|deployed|touched|signed|okayed|thought|allowed|shipped|disabled|deleted|did|wrote|ran',
			'which|what genius|idiot|clown|muppet|moron|numpty|dumbass'
		],
		subject: 'any',
		message: 'Looking for a culprit',
		question: 'Instead of who: what made this possible, and what would stop it next time?',
		examples: {
			flags: [
				'ok but who actually approved this deploy??',
				'who even reviewed this?',
				'who the hell approved this',
				'which genius disabled the alert'
			],
			passes: ['Who reviewed the change before it went out?']
		}
	},
	{
		id: 'who.let',
		category: Category.whoCaused,
		patterns: [
			'who|whoever let|allowed <any> <any>? <any>? <lapses>',
			'who|whoever allowed <any> <any>? <any>? to <lapses>',
			"who|whoever is|'s|was|were responsible|accountable for letting|allowing <any> <any>? <any>? <any>? <lapses>",
			// Letting something slip through, or a bad change ship: "who let the expired cert ship"
			// (not "who let the canary ship first").
			'who|whoever let|allowed <any> <any>? <any>? slip|sail',
			'who|whoever let|allowed this|that|it ship',
			'who|whoever let|allowed <any>? <badChange> <any>? <any>? ship|go|out|through|into'
		],
		subject: 'any',
		unlessNext: ['over', 'open', 'closed', 'fast', 'safely', 'gracefully'],
		message: 'Looking for a culprit',
		question:
			'Instead of who: what let this lapse go unnoticed, and what would catch it next time?',
		examples: {
			flags: [
				'who let the cert expire?',
				"Who's accountable for letting the backup job silently fail for a month?",
				'Who let the expired cert ship inside the firmware image??',
				'who let this slip through review'
			],
			passes: [
				'Who let the vendor into the bridge?',
				'Who let the primary fail over?',
				'Who let the support team know the fix had shipped?',
				'Who let the canary ship to 5% first? That saved us.'
			]
		}
	},
	{
		id: 'who.responsible',
		category: Category.whoCaused,
		patterns: [
			"who|whoever is|'s|was|were responsible|accountable for",
			"who|whoever is|'s|was|were|will|gets|got be? on the hook for",
			"which <person> is|'s|was|were responsible|accountable for",
			"which <person> is|'s|was|were|will|gets|got be? on the hook for"
		],
		subject: 'any',
		// Harm in any form: the outage, missing the SLA, the missed SLA, the botched deploy.
		requireNext: ['<incident>', '<culpritActs>', '<harms>', '<blamedPassive>', 'breached'],
		// "Who is responsible for renewing the cert going forward?" asks for an owner.
		unlessInSentence: [
			'going forward',
			'from now|here on',
			'in the? future',
			'next time|incident|outage|quarter|release|sprint'
		],
		message: 'Looking for a culprit',
		question: 'Instead of who: what made this possible, and what would stop it next time?',
		examples: {
			flags: [
				'Who is responsible for the downtime?',
				'who is responsible for the cert expiring??',
				'Leadership wants to know who is accountable for this.',
				'Leadership would like to understand who is accountable for the four-hour checkout outage.',
				"I'd like to know which engineer is responsible for skipping the review.",
				"who's on the hook for this one",
				'We need to find out who is responsible for the vendor API key leak before the call.',
				'I want to know who is accountable for the missed SLA with the hospital group.',
				'Who is responsible for the botched cutover last night?'
			],
			passes: [
				'Who is responsible for the billing service?',
				'Who is accountable for the comms plan?',
				'Which team is responsible for renewing the wildcard cert going forward?',
				"Who's on the hook for the postmortem doc?",
				'Who is responsible for this alert? It pages the wrong team.',
				'Which service is responsible for the 5xx spike?',
				'Who is responsible for outage comms in the next incident?',
				'Who is accountable for the data loss runbook going forward?',
				'Who is responsible for the missed-page escalation policy?',
				'Who is responsible for deploying the payments service?'
			]
		}
	},
	{
		id: 'who.responsible-for-what-happened',
		category: Category.whoCaused,
		patterns: [
			"who|whoever is|'s|was|were responsible|accountable for <any> <any>? <any>? <any>? that|which|who <past>",
			"which <person> is|'s|was|were responsible|accountable for <any> <any>? <any>? <any>? that|which|who <past>"
		],
		subject: 'any',
		// "Who is responsible for the service that paged us? Need to route this": an owner.
		unlessInSentence: [
			'going forward',
			'from now|here on',
			'in the? future',
			'next time',
			'owns|owner|owners|route|routing|contact|reach|ping|thank|thanks'
		],
		message: 'Looking for a culprit',
		question: 'Instead of who: what made this possible, and what would stop it next time?',
		examples: {
			flags: [
				'Who is accountable for the credit model that declined every loan application on Tuesday?',
				"Who's accountable for the payouts that went out twice?"
			],
			passes: [
				'Who is responsible for the service that handles refunds?',
				'Who is responsible for the cron that rotated the keys from now on?',
				'Who is responsible for the service that paged us, so we can route this to its owner?'
			]
		}
	},
	{
		id: 'who.at-fault',
		category: Category.whoCaused,
		patterns: [
			'individual|individuals|party|parties|person|persons|people|engineer|engineers|culprit|culprits|team at fault'
		],
		subject: 'any',
		// "No single person was at fault" clears people.
		unlessInSentence: ['no|not|nobody|none|nor|never'],
		message: 'Looking for a culprit',
		question: 'Instead of who: what made this possible, and what would stop it next time?',
		examples: {
			flags: [
				'The final report must identify the individual at fault for the storage outage.',
				'We must find the person at fault.'
			],
			passes: ['There was no single person at fault here.', 'Each party at the table agreed.']
		}
	},
	{
		id: 'who.was-responsible',
		category: Category.whoCaused,
		patterns: [
			'who|whoever was|were responsible|accountable for',
			'which <person> was|were responsible|accountable for'
		],
		subject: 'any',
		// "Who approved the change?" is a timeline fact; who *was responsible for* approving it hunts.
		requireNext: ['<signoffs>'],
		message: 'Looking for a culprit',
		question: 'Instead of who: what made approving this look reasonable at the time?',
		examples: {
			flags: ['can someone tell me straight who was responsible for approving the schema change'],
			passes: [
				'Who is responsible for approving schema changes?',
				'Who was responsible for comms during the incident?',
				'Who was responsible for deploying the hotfix? Want to thank them.'
			]
		}
	},
	{
		id: 'who.whose-call',
		category: Category.whoCaused,
		patterns: ["whose call|decision|idea was|is|'s it to"],
		subject: 'any',
		// Whose call it was to fail over is a timeline fact; whose call it was to ship on a Friday
		// during the freeze is a hunt.
		requireLater: ['<riskyTiming>'],
		message: 'Looking for a culprit',
		question: 'Instead of whose: what made this look like a reasonable call at the time?',
		examples: {
			flags: ['Whose call was it to ship on a Friday?'],
			passes: ['Whose call was it to fail over? Their notes would help the timeline.']
		}
	},
	{
		id: 'who.individual',
		category: Category.whoCaused,
		patterns: [
			'individual|individuals|party|parties|culprit|culprits responsible|accountable',
			'the responsible individual|individuals|party|parties'
		],
		subject: 'any',
		// "the individual responsible", "the responsible party": the words of a search for one.
		notFollowedBy: ['for'],
		message: 'Looking for a culprit',
		question: 'Instead of who: what made this possible, and what would stop it next time?',
		examples: {
			flags: [
				'We need to identify the individual responsible.',
				'The responsible party will be contacted by HR.'
			],
			passes: ['Each party at the table agreed on the timeline.']
		}
	},
	{
		id: 'who.name',
		category: Category.whoCaused,
		patterns: [
			'give|gave|giving|hand|handed|get|got them|him|her|leadership|management|execs a name|names',
			'give|gave|giving|hand|handed|get|got the customer|customers|client|board|execs|exec|vp|cto|ceo a name|names'
		],
		subject: 'any',
		// "We need a name for the new cluster" names a thing; a name wanted on its own is a person's.
		atClauseEnd: true,
		message: 'Looking for a culprit',
		question: 'Instead of a name: what would we tell them about how this happened?',
		examples: {
			flags: [
				'the customer is asking and I need to give them a name',
				'just give leadership a name and move on'
			],
			passes: [
				'Give the alert a name people can search for.',
				'Get them a name for the bridge channel so they can join.',
				'Can you give me a name? I will add them to the invite.'
			]
		}
	},
	{
		id: 'who.name-of',
		category: Category.whoCaused,
		patterns: [
			'name|names of the|that? person|persons|people|engineer|engineers|individual|dev|developer|guy|one who|that caused|broke|botched|screwed|messed|nuked|wrecked|did|made|pushed|deployed|merged|approved'
		],
		subject: 'any',
		// The name of whoever did the harm or the mistake, not of whoever made the fix.
		requireNext: [
			'<harms>',
			'<incident>',
			'<badChange>',
			'mistake',
			'mistakes',
			'error',
			'errors',
			'this',
			'that',
			'it',
			'prod',
			'production',
			'up'
		],
		message: 'Looking for a culprit',
		question: 'Instead of a name: what would we tell them about how this happened?',
		examples: {
			flags: [
				'For the customer report we need the name of the person who did the mistake.',
				'send me the names of the engineers who caused the outage'
			],
			passes: [
				'The name of the person who made the fix is in the timeline.',
				'Add the names of the people who joined the bridge.'
			]
		}
	},
	{
		id: 'who.want-name',
		category: Category.whoCaused,
		patterns: ['want|wants|need|needs|wanted|needed a name|names'],
		// People want a culprit's name; "the new service still needs a name" wants a label.
		subject: 'person',
		atClauseEnd: true,
		message: 'Looking for a culprit',
		question: 'Instead of a name: what would we tell them about how this happened?',
		examples: {
			flags: ['In the retro I want a name.', 'Leadership needs a name, today.'],
			passes: ['We need a name for the new cluster.', 'The new service still needs a name.']
		}
	},
	{
		id: 'who.whose-fault',
		category: Category.whoCaused,
		patterns: [
			'whose fault|mistake|screwup|screw-up|blunder',
			'whose bright|brilliant|great|genius|clever|smart? idea',
			'who|whoever thought|decided it|this|that was|would be? a good|great|smart|brilliant idea',
			'which engineer|engineers|developer|dev|person|team|genius thought|decided it|this|that was|would be? a good|great|smart|brilliant idea',
			'whose change|commit|deploy|pr|push broke|caused|took|brought',
			'whose <changeNouns> was|is it|this that|which? caused|broke|took|brought|killed|triggered|started|tanked',
			'take|takes|taking|took the blame|fall',
			'name|names of whoever'
		],
		subject: 'any',
		message: 'Looking for a culprit',
		question: 'Instead of who: what made this possible, and what would stop it next time?',
		examples: {
			flags: [
				'Whose fault was the failed migration?',
				'Someone has to take the blame for this.',
				'whose bright idea was it to put the rate limiter behind a feature flag',
				'who thought it was a good idea to deploy at 5pm',
				'whose change was it that caused the latency spike?'
			],
			passes: [
				'Whose dashboard is this?',
				'Whose change was it? I want to ask about the test plan.'
			]
		}
	}
];
