import { Category, type Rule } from '../../types.ts';

/**
 * Blame verbs and a person as the cause. Most of this grammar is shared with systems ("the alert
 * failed to fire", "the migration broke the index"), so these rules fire only when the subject is
 * a person; verbs only people do ("forgot to", "screwed up") fire unless the subject is a system.
 */
export const blameRules: readonly Rule[] = [
	{
		id: 'blame.forgot',
		category: Category.blameVerb,
		patterns: ['forgot|forgotten to|about?', 'blanked|blanking on'],
		subject: 'not-system',
		namedIsPerson: true,
		unlessBefore: ['anything', 'everything', 'something', 'whatever', 'what'],
		message: 'Forgetting, as the cause',
		question: 'What would have reminded anyone in that seat, at that moment?',
		examples: {
			flags: [
				'Priya forgot to renew the certificate.',
				'she totally blanked on the rollback step',
				'jordan forgot the cert, same as last year'
			],
			passes: [
				'The backup job forgot to rotate its own logs.',
				'The BGP session reset and the router forgot every route it had learned from that peer.',
				"Don't forget to add the link.",
				"Let me know if there's anything I forgot."
			]
		}
	},
	{
		id: 'blame.failed-to',
		category: Category.blameVerb,
		patterns: ['failed|fails|failing to'],
		subject: 'person',
		namedIsPerson: true,
		unlessNext: ['<attempts>'],
		message: '“Failed to”, said of a person',
		question: 'What got in the way of doing this at that moment?',
		examples: {
			flags: ['Kwame failed to escalate when the error rate doubled.', 'Ops failed to scale up.'],
			passes: ['The alert failed to fire.', 'Ravi failed to reproduce the bug locally.']
		}
	},
	{
		id: 'blame.did-not',
		category: Category.blameVerb,
		patterns: ['did|does|do not <omission>', 'never <omissionPast>'],
		subject: 'person',
		namedIsPerson: true,
		message: 'A step not taken, put on a person',
		question: 'What made this step easy to skip, or hard to see, at the time?',
		examples: {
			flags: ["Sam didn't follow the checklist.", 'The on-call never acknowledged the page.'],
			passes: [
				"The deploy pipeline didn't run the checks.",
				"Marco didn't have access to the console."
			]
		}
	},
	{
		id: 'blame.has-not',
		category: Category.blameVerb,
		// The perfect, common in a second language: "has not respected the freeze window".
		patterns: ['has|have|had not|never <omissionPast>'],
		subject: 'person',
		namedIsPerson: true,
		// "We haven't verified the backups yet" is a status, not a verdict.
		unlessSubject: ['i', 'we'],
		unlessNext: ['yet'],
		message: 'A step not taken, put on a person',
		question: 'What made this step easy to skip, or hard to see, at the time?',
		examples: {
			flags: [
				'Our colleague of data team has not respected the freeze window.',
				'Sam had not followed the rollback runbook that night.'
			],
			passes: [
				"We haven't verified the restored backups yet.",
				'The pipeline has not run the checks since Tuesday.',
				'Sam has not acknowledged the page yet.'
			]
		}
	},
	{
		id: 'blame.did-not-think',
		category: Category.blameVerb,
		patterns: ['did|does|do not think about|of|to|through|twice|ahead'],
		subject: 'person',
		namedIsPerson: true,
		unlessExplained: true,
		message: 'Not thinking ahead, put on a person',
		question: 'What would have brought this case to mind while the work was being done?',
		examples: {
			flags: [
				"whoever set up this cron didn't think about DST",
				"The person who wrote this alert didn't think about holidays."
			],
			passes: [
				"The autoscaler doesn't think about cold starts.",
				"Sam didn't think to page because the alert said it was resolved."
			]
		}
	},
	{
		id: 'blame.did-not-see',
		category: Category.blameVerb,
		patterns: ['did not <perception>', 'failed to <perception>'],
		subject: 'person',
		namedIsPerson: true,
		unlessExplained: true,
		message: 'Not seeing, put on a person',
		question: 'What would have made this stand out among everything else on screen?',
		examples: {
			flags: ["She didn't notice the replica lag."],
			passes: ["Mei didn't see the alert because it went to the old channel."]
		}
	},
	{
		id: 'blame.nobody',
		category: Category.blameVerb,
		patterns: [
			'nobody <omissionPast>|read|saw|thought|cared|acted',
			'no one <omissionPast>|read|saw|thought|cared|acted'
		],
		subject: 'any',
		unlessExplained: true,
		message: 'A step nobody took',
		question: 'What would have made this step part of the normal path?',
		examples: {
			flags: ['Nobody checked whether the backup restored.'],
			passes: [
				'Nobody was paged because the alert routed to a deleted team.',
				'Nobody saw the page because it went to the old rotation.'
			]
		}
	},
	{
		id: 'blame.too-slow',
		category: Category.blameVerb,
		patterns: ['too slow|late to?'],
		subject: 'person',
		namedIsPerson: true,
		message: 'Speed, judged',
		question: 'What stood between the first signal and the first action?',
		examples: {
			flags: ['The on-call was too slow to react.'],
			passes: ['The alert was too slow to fire.']
		}
	},
	{
		id: 'blame.ignored',
		category: Category.blameVerb,
		patterns: ['ignored|ignoring|ignores', 'slept through', 'lost track'],
		subject: 'person',
		namedIsPerson: true,
		message: '“Ignored”, said of a person',
		question: 'What else was asking for attention when this came in?',
		examples: {
			flags: ['He ignored the disk space warning.', 'The on-call slept through four pages.'],
			passes: ['The load balancer ignored the drain signal.']
		}
	},
	{
		id: 'blame.missed',
		category: Category.blameVerb,
		patterns: ['missed|overlooked|misread|misconfigured|mistyped'],
		subject: 'person',
		namedIsPerson: true,
		unlessNext: ['<targets>'],
		unlessExplained: true,
		unlessBefore: ['anything', 'everything', 'something', 'whatever', 'what'],
		message: '“Missed”, said of a person',
		question: 'What would have made this stand out at that moment?',
		examples: {
			flags: ['Fatima missed the page at 02:14.', 'The reviewer overlooked the timeout.'],
			passes: [
				'The health check missed the degraded replica.',
				'We missed the SLO by 0.3%.',
				'Priya missed the first page because her phone was on the old policy.',
				'Timeline is in the doc, add anything I missed.'
			]
		}
	},
	{
		id: 'blame.broke',
		category: Category.blameVerb,
		patterns: [
			'broke|broken|breaks|nuked|wrecked|trashed',
			'took|brought|taken down|out',
			'took|brought|taken|knocked us|everything|prod|production down'
		],
		subject: 'person-or-possessed',
		namedIsPerson: true,
		unlessNext: ['down', 'out', 'news', '<records>'],
		message: 'A person as the one who broke it',
		question: 'Which change, and which missing safeguard, let this reach production?',
		examples: {
			flags: [
				'Mei broke checkout.',
				"Lena's config push took out both regions.",
				"It was Lena's change that took us down."
			],
			passes: [
				'The migration broke the index.',
				'Marco broke the problem down into three parts.',
				'The retry storm took everything down with it.',
				'Sam took prod out of rotation for the kernel upgrade.',
				'Farhana took down notes during the bridge call.',
				'Zoe took down the timestamps while Marco drove.'
			]
		}
	},
	{
		id: 'blame.caused',
		category: Category.person,
		patterns: ['caused|causes'],
		subject: 'person-or-possessed',
		message: 'A person named as the cause',
		question: 'Which conditions turned this action into an incident?',
		examples: {
			flags: ['Ravi caused the incident.', "Ravi's bad deploy caused the outage."],
			passes: ['The config change caused the outage.']
		}
	},
	{
		id: 'blame.killed',
		category: Category.blameVerb,
		patterns: [
			'killed|tanked|sank|hosed|borked',
			// The object is a noun phrase of up to three words: "took the payments db down".
			'took|brought|knocked|taken <any> <any>? <any>? down|out'
		],
		subject: 'possessed',
		// "took the node out of rotation" is a step someone chose, not harm.
		notFollowedBy: ['of'],
		namedIsPerson: true,
		message: 'A person’s change as the one that broke it',
		question: 'Which change, and which missing safeguard, let this reach production?',
		examples: {
			flags: [
				"Lena's hotfix killed the payment workers.",
				'It was his query that tanked the primary.',
				"Tomás's config push is what killed the queue consumers.",
				"It's Ravi's migration that took the cluster out.",
				"it was Mei's migration that took the payments db down"
			],
			passes: [
				'Sam killed the stuck query and the lock cleared.',
				'Sam took the node out of rotation before the upgrade.',
				"Sam's runbook took the payments db out of rotation cleanly.",
				'The OOM killer killed the sidecar.'
			]
		}
	},
	{
		id: 'blame.screwed-up',
		category: Category.blameVerb,
		patterns: [
			'screwed|screwd|messed|messd|fucked|fuckd|effed|cocked|mucked up',
			'botched|bungled|fumbled|fat-fingered|rubber-stamped|yolo|yoloed|cowboyed',
			'fat|rubber fingered|stamped',
			'screwed|screwing|screws the pooch',
			'went|gone|going|goes rogue|cowboy'
		],
		subject: 'not-system',
		namedIsPerson: true,
		message: 'A judgement of someone’s work',
		question: 'What did the person doing this see, and what did the tools show them?',
		examples: {
			flags: [
				'They screwed up the DNS cutover.',
				'Someone fat-fingered the CIDR range.',
				'he went rogue and restarted prod without telling anyone',
				'he screwd up the rollback order'
			],
			passes: ['The failover script screwed up the routing table.']
		}
	},
	{
		id: 'blame.dropped-ball',
		category: Category.blameVerb,
		patterns: ['dropped the ball', 'connected the dots'],
		subject: 'not-system',
		namedIsPerson: true,
		message: 'A judgement of someone’s work',
		question: 'What would have made this easier to hold on to during the incident?',
		examples: {
			flags: ['Priya dropped the ball on the rotation.', 'Nobody connected the dots.'],
			passes: ['The proxy dropped the ball on keepalive handling.']
		}
	},
	{
		id: 'blame.panicked',
		category: Category.blameVerb,
		patterns: ['panicked|panicking|freaked|flailed|flailing'],
		subject: 'person',
		namedIsPerson: true,
		message: 'A judgement of how someone reacted',
		question: 'What did they see at that moment, and what did the tools give them to act on?',
		examples: {
			flags: ['The incident commander panicked and rolled back everything.'],
			passes: ['The kernel panicked on two nodes after the upgrade.']
		}
	},
	{
		id: 'blame.went-back-to-sleep',
		category: Category.blameVerb,
		patterns: ['but went|gone|going back to sleep|bed'],
		subject: 'person',
		subjectAt: 'clause',
		namedIsPerson: true,
		message: 'Going back to sleep, judged',
		question: 'What told them it was safe to go back to sleep?',
		examples: {
			flags: ['The on-call acked the page but went back to sleep.'],
			passes: ['Sam handed off at 04:00 and went back to sleep.']
		}
	},
	{
		id: 'blame.let-lapse',
		category: Category.blameVerb,
		patterns: ['let <any> <any>? <any>? <lapses>', 'allowed <any> <any>? <any>? to <lapses>'],
		subject: 'person',
		namedIsPerson: true,
		// "we let the primary fail over", "let it fail fast": a choice, not a lapse.
		unlessNext: ['over', 'open', 'closed', 'fast', 'safely', 'gracefully'],
		message: 'A lapse, put on a person',
		question: 'What would have made the lapse visible before it mattered?',
		examples: {
			flags: ['Sam let the cert expire.', 'The team let the backups rot for a year.'],
			passes: [
				'We let the cache warm up before shifting traffic.',
				'We let the primary fail over to the replica.',
				'The cron let the job finish before restarting.'
			]
		}
	},
	{
		id: 'blame.despite',
		category: Category.blameVerb,
		patterns: [
			'despite being? told|warned|reminded|asked',
			'even after being? told|warned|reminded|asked',
			'despite|ignoring the|all|multiple|repeated|several|many|two|three|# <any>? warnings|reminders|nudges|pings|emails',
			'even after the|all|multiple|repeated|several|many|two|three|# <any>? warnings|reminders|nudges|pings|emails'
		],
		subject: 'person',
		subjectAt: 'clause',
		namedIsPerson: true,
		message: 'Warnings someone did not act on',
		question: 'What made the warnings look like noise at the time?',
		examples: {
			flags: [
				'The contractor pushed the change despite being told to wait.',
				'The contractor neglected the renewal even after two reminder emails.'
			],
			passes: ['The job kept retrying despite the warnings in its log.']
		}
	},
	{
		id: 'blame.neglected',
		category: Category.blameVerb,
		patterns: ['neglected|neglecting to?', 'bothered|bother to|with'],
		subject: 'person',
		namedIsPerson: true,
		message: 'Neglect, put on a person',
		question: 'What made this look safe to leave at the time?',
		examples: {
			flags: ['Mei neglected to update the rules.', 'Nobody bothered to look at the budget.'],
			passes: ['The runbook neglected the manual DNS step.']
		}
	},
	{
		id: 'blame.skipped',
		category: Category.blameVerb,
		patterns: ['skipped|bypassed|rushed'],
		subject: 'person',
		namedIsPerson: true,
		message: 'A step skipped, put on a person',
		question: 'What made skipping this step seem reasonable at the time?',
		examples: {
			flags: ['Tomás skipped the canary.', 'Tomás rushed the deploy.'],
			passes: ['The script skipped the last three shards.']
		}
	},
	{
		id: 'blame.without',
		category: Category.blameVerb,
		patterns: [
			'without a|any? review|reviews|approval|test|tests|testing|checking|reviewing|asking|canary|running',
			'without reading|looking|waiting|telling|thinking|verifying|double-checking|validating|notifying|informing|consulting'
		],
		subject: 'person',
		subjectAt: 'clause',
		message: '“Without a review”, said of a person',
		question: 'What would have made the reviewed or tested path the easy one here?',
		examples: {
			flags: [
				'They pushed the change without a review.',
				'Our QA signed off without testing.',
				'The release captain rushed it through without waiting for the canary.'
			],
			passes: ['Helm rolled out the chart without testing the hooks.']
		}
	},
	{
		id: 'blame.passive-by',
		category: Category.blameVerb,
		patterns: [
			'was|were|been|got|gets|get|being <blamedPassive> by <person>',
			'was|were|been|got|gets|get|being screwed|messed|fucked up by <person>',
			'mistake|mistakes|error|errors|blunder|blunders was|were|been|got made|committed by <person>'
		],
		subject: 'any',
		unlessExplained: true,
		message: 'A lapse put on a person, in the passive',
		question: 'What made this easy to miss, or hard to do, at that moment?',
		examples: {
			flags: [
				'Mistakes were made by the on-call during the database failover.',
				'The page was ignored by the on-call for forty minutes.',
				'The deploy checklist was skipped by Mei.'
			],
			passes: [
				'The cert renewal was skipped by the cron after the DST change.',
				'The alert was ignored by the on-call bot for an hour.',
				'The page was acknowledged by Sam at 02:14.',
				'The page was missed by the on-call because it went to the old rotation.'
			]
		}
	},
	{
		id: 'blame.why-not',
		category: Category.blameVerb,
		patterns: [
			'why did|does|do|would|could|was|were|is not <person> <omission>|<perception>|bother|care|think|act|stop|wait',
			'why did|does|do|would|could <person> not <omission>|<perception>|bother|care|think|act|stop|wait',
			'why on earth would|did|do|does <person>',
			'why the hell|heck|fuck|f would|did|do|does <person>',
			'why in the world would|did|do|does <person>'
		],
		subject: 'any',
		message: 'A question that puts the step on a person',
		question: 'What made this step easy to skip, or hard to see, at that moment?',
		examples: {
			flags: [
				"Why didn't the on-call check the replica lag?",
				'Why did the data eng team not bother to check the schema before the backfill?',
				'Why on earth would anyone restart the primary at peak?'
			],
			passes: [
				"Why didn't the alert fire when the disk hit 90%?",
				"Why didn't the on-call get paged?",
				'Why did Sam not have access to the console?'
			]
		}
	},
	{
		id: 'blame.sarcasm',
		category: Category.blameVerb,
		patterns: ['managed|somehow to', 'somehow managed to'],
		subject: 'person',
		namedIsPerson: true,
		// Praise around "you managed to" is sarcasm when what was managed is harm.
		requireInSentence: [
			'great|nice|good|stellar|brilliant|fantastic|awesome|amazing|superb job|work|going|one',
			'well done|played',
			'bravo|kudos|congrats|congratulations|props'
		],
		unlessNext: [
			'restore',
			'recover',
			'fix',
			'keep',
			'save',
			'bring',
			'get',
			'mitigate',
			'contain',
			'stabilise',
			'stabilize',
			'roll',
			'catch',
			'find',
			'ship',
			'finish',
			'resolve',
			'limit',
			'reduce',
			'avoid',
			'prevent',
			'spot',
			'land',
			'reproduce'
		],
		message: 'Sarcasm aimed at people',
		question: 'What did the people doing this see at the time, and what did the tools show them?',
		examples: {
			flags: [
				'great job network team, you managed to announce our entire /16 to a transit peer',
				'Nice work, data team, you managed to wipe the staging warehouse again.'
			],
			passes: [
				'Nice work everyone, we managed to restore service in 20 minutes.',
				'Great job to the DB team for the fast restore.'
			]
		}
	},
	{
		id: 'blame.idioms',
		category: Category.blameVerb,
		patterns: [
			'cut|cutting|cuts corners',
			'blew|blow|blowing|brushed|brush|brushing|shrugged|shrug|shrugging|waved|wave|waving|laughed off',
			'half-assed|half-assing|halfassed|winged|winging it',
			'phoned|phoning it in',
			'did|does not lift a finger',
			'clicked|clicking|clicks through the|a|every? warning|warnings|prompt|prompts|dialog|confirmation',
			'sat|sitting|sits on the|that|this|his|her|their ticket|pr|review|request|page|alert|warning|fix|patch|renewal',
			'had|has one job'
		],
		subject: 'not-system',
		namedIsPerson: true,
		message: 'A judgement of someone’s work',
		question: 'What made this the reasonable path at the time, with what they had?',
		examples: {
			flags: [
				'The vendor team cut corners on the rollout.',
				'he brushed off the disk warning twice',
				'Mei sat on the renewal ticket for a month.',
				'someone clicked through the warning dialog',
				'Marco, you had one job.'
			],
			passes: [
				'The script cut corners by skipping the checksum.',
				'Sam sat on the bridge call until 04:00.'
			]
		}
	},
	{
		id: 'blame.not-watching',
		category: Category.blameVerb,
		patterns: [
			'was|were|is|are not watching|monitoring|checking|reading|looking|listening|following'
		],
		subject: 'person',
		namedIsPerson: true,
		unlessExplained: true,
		message: 'Attention, put on a person',
		question: 'What was competing for attention, and what would have drawn it here?',
		examples: {
			flags: ["Mei wasn't watching the dashboards during the rollout."],
			passes: [
				"The exporter wasn't checking the right port.",
				"Sam wasn't watching the dashboards because he was on the customer call."
			]
		}
	},
	{
		id: 'person.thanks-for',
		category: Category.person,
		patterns: ['thank|thanks to? <named> for the|this|that|our|a|an|#'],
		subject: 'any',
		// Thanks for an outage is sarcasm; thanks for the outage comms, or for spotting the leak,
		// is thanks.
		requireNext: ['<harms>', 'outage', 'incident', 'downtime'],
		message: 'Sarcasm that names a person as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: ['we can thank Dmitri for the 3-hour outage'],
			passes: [
				'Thanks to Sam for the outage comms.',
				'Thanks to Mei for staying on the bridge.',
				'Thanks to Hana for spotting the route leak before our provider did.'
			]
		}
	},
	{
		id: 'person.thanks-sarcasm',
		category: Category.person,
		patterns: ['thanks|thx|cheers <named>'],
		subject: 'any',
		// "the fleet went dark, thanks Björn" thanks someone for harm; thanks closing a sentence
		// about a recovery or help is thanks.
		atClauseEnd: true,
		requireInSentence: [
			'<harms>',
			'<didHarm>',
			'went|gone|goes|go|is|was|are|were down|dark|offline|sideways',
			'because of'
		],
		unlessInSentence: [
			'resolved|fixed|mitigated|recovered|restored|saved|caught|spotted|found|over|ended|done|avoided|prevented|averted|contained|help|helping|quick|fast|great|good|nice|catch|staying|jumping',
			'back up|online'
		],
		message: 'Sarcasm that names a person as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: [
				'whole fleet went dark at 3am, thanks Lena',
				'the exports bucket got wiped overnight, cheers Sam'
			],
			passes: [
				'The outage is over, thanks Sam!',
				'Fleet is back online, thanks Lena.',
				'Checkout went down at 14:02; thanks Mei for jumping on the bridge.'
			]
		}
	},
	{
		id: 'blame.wrong-target',
		category: Category.blameVerb,
		patterns: ['the|a wrong'],
		subject: 'person',
		subjectAt: 'clause',
		namedIsPerson: true,
		message: '“The wrong …”, said of a person',
		question: 'What made the right one and the wrong one look alike at that moment?',
		examples: {
			flags: ['The DBA dropped the wrong table.', 'Marco deleted the wrong bucket.'],
			passes: ['The procedure pointed at the wrong bucket.']
		}
	},
	{
		id: 'blame.pushed-bad',
		category: Category.blameVerb,
		patterns: ['pushed|shipped|merged|deployed|made a|an? <badChange>'],
		subject: 'person',
		namedIsPerson: true,
		message: 'A change called bad, with a person behind it',
		question: 'Which checks did this change pass on its way, and why did they let it through?',
		examples: {
			flags: [
				'Zoe pushed a broken config to every region.',
				'The contractor pushed untested code.'
			],
			passes: ['The pipeline deployed a broken build.']
		}
	},
	{
		id: 'blame.accidentally',
		category: Category.blameVerb,
		patterns: ['accidentally|mistakenly|carelessly|blindly|recklessly', 'by accident|mistake'],
		subject: 'person',
		subjectAt: 'clause',
		namedIsPerson: true,
		message: 'An accident, put on a person',
		question: 'What made this easy to do by accident?',
		examples: {
			flags: [
				'Kwame accidentally deleted the namespace.',
				'Sam ran it against prod by mistake.',
				'The junior dev blindly copied the command from Slack.'
			],
			passes: ['The job accidentally deleted the temp files.']
		}
	},
	{
		id: 'blame.supposed-to',
		category: Category.blameVerb,
		patterns: ['was|were supposed to'],
		subject: 'person',
		namedIsPerson: true,
		requireLater: ['but', 'never', 'not'],
		message: 'An expectation someone did not meet',
		question: 'What got in the way of doing it at that moment?',
		examples: {
			flags: ["Jordan was supposed to page the DB team but didn't."],
			passes: ['Jordan was supposed to lead the review, and did.']
		}
	},
	{
		id: 'blame.at-fault',
		category: Category.person,
		patterns: ['is|was|were at fault', 'is|was|were to blame'],
		subject: 'person',
		// "No one was at fault here" clears people.
		unlessSubject: ['nobody', 'noone', 'one'],
		message: 'Fault, put on a person',
		question: 'Which conditions made this outcome possible?',
		examples: {
			flags: ['Fatima was at fault for the data loss.', 'Sam is to blame.'],
			passes: ['The disk was at fault.', 'No one was at fault here; the process allowed it.']
		}
	},
	{
		id: 'blame.responsible',
		category: Category.person,
		patterns: [
			'responsible|accountable for',
			'on the hook for',
			'bears|bear|bore|carries|carried the|full? responsibility for',
			'needs|need|has|have|must|should|will|gonna|going to? answer for'
		],
		subject: 'person',
		requireNext: ['<incident>'],
		// "Hana is accountable for the data loss runbook going forward" hands over a duty.
		unlessInSentence: [
			'going forward',
			'from now|here on',
			'in the? future',
			'next time|incident|outage|quarter|release|sprint'
		],
		message: 'Responsibility for the incident, put on a person',
		question: 'Which parts of the system shared in this outcome?',
		examples: {
			flags: [
				'Hana was responsible for the outage.',
				'Ravi is on the hook for the four-hour checkout outage.',
				'The platform team bears responsibility for this outage.',
				'Somebody needs to answer for this.'
			],
			passes: [
				'Marco is responsible for the search service.',
				'Sam is on the hook for the postmortem doc.',
				'Hana is accountable for the comms plan this quarter.',
				'Hana is accountable for the incident review process.',
				'The team will answer for the follow-ups at the review.',
				'Olu is responsible for outage comms in the next incident.'
			]
		}
	},
	{
		id: 'person.caused-by',
		category: Category.person,
		patterns: [
			'caused|triggered|broken|introduced by <person>',
			'because of <person>',
			'due to <person>',
			'attributable|attributed to <person>'
		],
		subject: 'any',
		message: 'A person named as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: [
				'The outage was caused by Jordan.',
				'Because of Lena the migration ran.',
				"the whole fleet went dark bc of Lena's firmware push",
				"The outage was attributable to Sam's failure to follow the change process."
			],
			passes: [
				'The outage was caused by a bad config.',
				'The deploy was approved by Lena.',
				'The replica fell behind b/c of the nightly backfill.',
				'The delay is attributable to the vendor’s slow DNS propagation.'
			]
		}
	},
	{
		id: 'person.fault',
		category: Category.person,
		patterns: [
			"'s fault|mistake|screwup|screw-up|blunder|doing",
			'his|her|their fault|mistake|screwup|screw-up|blunder',
			"'s|his|her fat finger|fingers"
		],
		subject: 'person',
		message: 'Fault, put on a person',
		question: 'What made this a reasonable thing to do at the time, and what let it do harm?',
		examples: {
			flags: ["It was Dmitri's fault.", "It was Grace's mistake."],
			passes: [
				"It was the scheduler's fault.",
				"Hana's rollback was the right call.",
				'We cleaned up the mess the retry storm left behind.'
			]
		}
	},
	{
		id: 'person.punish',
		category: Category.person,
		patterns: [
			'should|must|will|needs|need to? be retrained|fired|disciplined|reprimanded|punished|sanctioned|taken|removed off|from?',
			'should|must|will|needs|need|going|gonna to? be held accountable|responsible',
			'should|must|will|needs|need to? be written up'
		],
		subject: 'person',
		message: 'A remedy aimed at a person',
		question: 'What change to the system would help whoever is in that seat next time?',
		examples: {
			flags: [
				'Priya should be retrained on the deploy process.',
				'Someone needs to be held accountable for this.',
				'who is going to be held accountable for this'
			],
			passes: [
				'The model should be retrained on fresh data.',
				'Each team is held responsible for its own runbooks.',
				'Each team has to be held responsible for its own runbooks.'
			]
		}
	},
	{
		id: 'person.reason',
		category: Category.person,
		patterns: ["is|was|'s the reason|cause|problem"],
		subject: 'person',
		// "Sam is the problem owner" names a role.
		notFollowedBy: ['owner', 'manager', 'coordinator', 'statement', 'ticket'],
		message: 'A person named as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: ['Dmitri is the reason we were down for two hours.', 'Honestly Mei is the problem.'],
			passes: [
				'The retry policy was the reason the blip grew.',
				'Sam is the problem owner for the ledger drift.'
			]
		}
	},
	{
		id: 'person.it-was',
		category: Category.person,
		patterns: ["it|this was|is|'s <person> who"],
		subject: 'any',
		requireNext: ['<changes>'],
		message: 'A person named as the cause',
		question: 'What made this an easy thing to do at that moment?',
		examples: {
			flags: ['It was Will who deleted the topic.'],
			passes: ['It was Will who spotted the spike.']
		}
	},
	{
		id: 'person.on',
		category: Category.person,
		patterns: [
			"this|that|it|<incident>|<outcomes> one? is|'s|was|were all? on <person>",
			"on <person> 's watch"
		],
		subject: 'any',
		// "on Mei's laptop", "on Lena until the handover", "on him to fix": a place or a handling,
		// not the blame.
		notFollowedBy: [
			"'s",
			'now',
			'until',
			'till',
			'for',
			'to',
			'tonight',
			'today',
			'this',
			'next',
			'after',
			'call',
			'duty',
			'shift',
			'leave',
			'vacation',
			'pto',
			'holiday',
			'it'
		],
		message: '“This is on …”',
		question: 'What in the setup made this outcome possible, whoever was at the keyboard?',
		examples: {
			flags: [
				'This one is on Alex.',
				"That's on Kwame.",
				'honestly the outage is on Mei, she merged it',
				'pretty sure the cert expiry is on Hana, the ticket sat in her queue',
				"The data loss happened on Lena's watch."
			],
			passes: [
				'Hana was on call that night.',
				'It was on the old cluster.',
				'The incident is on Mei until the handover at 18:00.',
				"The outage is on Mei's board under follow-ups.",
				'The incident commander role is on Rafael this week.',
				'The outage is on the status page now.'
			]
		}
	},
	{
		id: 'person.root-cause',
		category: Category.person,
		patterns: [
			"root? cause|culprit is|was|'s <person>",
			'root? cause|culprit :|= <named>',
			"cause|culprit of <any> <any>? <any>? <any>? <any>? <any>? is|was|'s|:|= <named>",
			"source|origin|trigger of <any>? <any>? <outcomes> is|was|'s|:|= <named>"
		],
		subject: 'any',
		message: 'A person as the root cause',
		question: 'What made their action reasonable to them, and what let it cause harm?',
		examples: {
			flags: [
				'The root cause is Dmitri not reading the alert.',
				"root cause: Kwame's migration",
				'cause of the cert outage = Tomás, he let the cron get deleted',
				'The root cause of the Q3 pipeline backfill corruption is Ravi.',
				"Source of the outage: Zoe's DNS edit."
			],
			passes: [
				'The root cause was a missing index.',
				"Per Grace's notes, the cause was a stale DNS record.",
				"Source of the numbers: Sam's export from the billing DB.",
				'Root cause: we had no alert on certificate expiry.',
				'Root cause: engineers had no way to see replication lag.'
			]
		}
	},
	{
		id: 'person.root-cause-role',
		category: Category.person,
		patterns: ["root? cause|culprit :|=|is|was|'s <person>"],
		subject: 'any',
		// "Root cause: the intern." names a person as the whole answer; "root cause: engineers
		// had no way to see the lag" goes on to name a condition.
		atClauseEnd: true,
		message: 'A person as the root cause',
		question: 'What made their action reasonable to them, and what let it cause harm?',
		examples: {
			flags: ['Root cause: the new guy.', 'root cause = the intern'],
			passes: [
				'Root cause: engineers had no way to see replication lag.',
				'Root cause: the on-call had no runbook for this.'
			]
		}
	},
	{
		id: 'person.the-cause',
		category: Category.person,
		patterns: ["is|was|'s the|a root? cause|culprit"],
		subject: 'person-or-possessed',
		namedIsPerson: true,
		message: 'A person named as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: ["Lena's config push was the culprit.", "Sam's hotfix is the root cause."],
			passes: ['The stale DNS record was the cause.', "Hana's graph shows the cause."]
		}
	},
	{
		id: 'person.turned-out',
		category: Category.person,
		patterns: [
			'it|this|that|cause|culprit|trigger|<outcomes> turned|turns|ended|ends out|up to? be|being <named>',
			"it|this|that|cause|culprit|trigger|<outcomes> turned|turns|ended|ends out|up to? be|being <named> 's <any>? <any>? <changeNouns>"
		],
		subject: 'any',
		// "it turned out to be Sam's laptop": a person's thing that is not a change is not a cause.
		notFollowedBy: ["'s"],
		message: 'A person named as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: [
				'in the end it turned out to be Ravi and his hardcoded old key',
				"Root cause turned out to be Lena's firewall change."
			],
			passes: [
				"The noisy host turned out to be Sam's laptop.",
				'It turned out to be a stale DNS record.'
			]
		}
	},
	{
		id: 'person.came-from',
		category: Category.person,
		patterns: [
			'<harms> is|was|are|were? coming|came|comes from <named>',
			"<harms> is|was|are|were? coming|came|comes from <named> 's <any>? <any>? <changeNouns>"
		],
		subject: 'any',
		notFollowedBy: ["'s"],
		message: 'A person named as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: [
				'As per my understanding the data loss is coming from Sam only.',
				"the corruption came from Mei's manual update on the ledger table"
			],
			passes: [
				'The fix came from Kenji, who spotted the stale entry.',
				'The bug report came from Sam.',
				"The loss came from Sam's dashboard, which double-counted refunds."
			]
		}
	},
	{
		id: 'person.traced',
		category: Category.person,
		patterns: [
			'traced|traces|trace|tracing|tracked|tracks|pinned|narrowed <any>? <any>? <any>? <any>? <any>? <any>? to <named>',
			"traced|traces|trace|tracing|tracked|tracks|pinned|narrowed <any>? <any>? <any>? <any>? <any>? <any>? to <named> 's <any>? <any>? <changeNouns>",
			'lead|leads|led|leading back to <named>',
			"lead|leads|led|leading back to <named> 's <any>? <any>? <changeNouns>",
			'points|pointed|pointing|point back? to <named>',
			"points|pointed|pointing|point back? to <named> 's <any>? <any>? <changeNouns>"
		],
		subject: 'any',
		// "traced the latency to Siobhan's dashboard" found a view, not a cause; "it came down
		// to Sam to decide" is a decision.
		notFollowedBy: ["'s", 'to', 'for'],
		message: 'A person named as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: [
				"We traced the webhook storm from the vendor to Mei's retry config.",
				"The outage traces to Lena's firewall change.",
				"We tracked the leak down to Ravi's debug logging change.",
				"tbh this whole thing traces back to Ravi's hotfix",
				'The fraud model regression traces back to Mei, who pushed the weights.',
				"All roads lead back to Lena's cron change.",
				"Everything points to Ravi's config change."
			],
			passes: [
				'Siobhan traced the latency to a misconfigured connection pool.',
				"We traced the spike to Hana's dashboard, which polls every second.",
				'The escalation led to Sam joining the bridge.',
				"The runbook points to Mei's dashboard for the lag."
			]
		}
	},
	{
		id: 'person.pushed-for',
		category: Category.person,
		patterns: [
			'pushed|insisted|lobbied|pushing|insisting for|on <any>? <any>? friday|fridays|freeze|peak|holiday|midnight'
		],
		subject: 'person',
		// A Friday launch, not a Friday retro slot.
		requireNext: [
			'launch',
			'release',
			'deploy',
			'deployment',
			'rollout',
			'cutover',
			'migration',
			'ship',
			'shipping',
			'go-live',
			'upgrade',
			'change',
			'push',
			'deploys',
			'releases'
		],
		namedIsPerson: true,
		message: 'A person’s call, as the cause',
		question: 'What made this look like a reasonable call at the time?',
		examples: {
			flags: ['tbh this is on him, he pushed for the Friday launch'],
			passes: [
				'Emre pushed for a canary stage last quarter, and it caught this one.',
				'She pushed for a Friday retro slot so everyone could attend.'
			]
		}
	},
	{
		id: 'person.originated',
		category: Category.person,
		patterns: [
			'<outcomes> <any>? originated|originates|stemmed|stems|arose|resulted with|from <named>',
			'<outcomes> <any>? is|was|were a|the? direct? result|consequence of <named>',
			'<outcomes> <any>? originated|originates|stemmed|stems|arose|resulted with|from his|her <any>? <changeNouns>'
		],
		subject: 'any',
		message: 'A person named as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: [
				"It has been determined that the disruption originated with Ms. Vogel's unapproved change.",
				"The outage stemmed from Ravi's hotfix.",
				'The incident stemmed from his change to the replication settings.',
				"The outage was a direct result of Hana's decision to skip the canary."
			],
			passes: [
				'The proposal to add a canary originated with Sam.',
				"The incident began with Sam's deploy at 14:00, which exposed a latent pool bug.",
				'The outage stemmed from a stale DNS record.'
			]
		}
	},
	{
		id: 'person.fallout',
		category: Category.person,
		patterns: [
			"fallout|aftermath|collateral|blowback|mess|damage from|of <named> 's <any>? <changeNouns>",
			'fallout|aftermath|collateral|blowback|mess|damage from|of his|her <any>? <changeNouns>',
			'<outcomes>|cause|trigger|culprit <any>? <any>? <any>? was|is|= <named> <changing>',
			"<outcomes>|cause|trigger|culprit <any>? <any>? <any>? was|is|'s|= <named> 's <any>? <any>? <changeNouns>",
			'<outcomes> <outcomes>|loop|loops|storm|wave? = <named>'
		],
		subject: 'any',
		message: 'A person named as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: [
				'everything after that is just fallout from her change',
				"We spent the night cleaning up the mess from Ravi's migration.",
				'the actual outage at 03:10 was Mei rotating the wrong keypair on the LB',
				"honestly the whole BGP mess was Kwame's route-map change",
				'mobile crash loop = Tomás'
			],
			passes: [
				'The fallout from the DNS change lasted two hours.',
				"The incident was Sam's first as commander.",
				"The outage was Sam's first week on call.",
				'incident commander = Tomás, scribe = Mei',
				'The outage was over by the time Mei joined.'
			]
		}
	},
	{
		id: 'person.traces-to',
		category: Category.person,
		patterns: [
			'comes|came|boils|boiled|coming|boiling down to <named>',
			"<outcomes> <any>? is|was|'s|were|are down to <named>"
		],
		subject: 'any',
		// "it came down to Sam to decide": a decision that fell to someone, not a cause.
		notFollowedBy: ['to', 'and', 'for', 'now'],
		message: 'A person named as the cause',
		question: 'Which conditions turned their action into an incident?',
		examples: {
			flags: [
				'The whole outage comes down to Tomás running the script in the wrong terminal.',
				"The latency spike was down to Hana's connection-pool change."
			],
			passes: [
				'It came down to Sam to decide whether to fail over.',
				'The leak traces back to the pool settings.',
				'In the end it comes down to people being tired at 3 a.m.',
				'The outage comms are down to Sam now.'
			]
		}
	},
	{
		id: 'person.habit',
		category: Category.person,
		patterns: ['a|the habit|history of'],
		subject: 'person',
		namedIsPerson: true,
		// A habit of breaking things, not a history of clean migrations.
		requireNext: [
			'<culpritActs>',
			'pushing',
			'shipping',
			'deploying',
			'merging',
			'rushing',
			'cowboying',
			'untested',
			'outages',
			'incidents',
			'mistakes'
		],
		message: 'A person’s habit, as the cause',
		question: 'What in the setup makes this easy to do, for anyone in that seat?',
		examples: {
			flags: ['Zoe has a history of pushing untested code.'],
			passes: [
				'The job has a history of failing on Mondays.',
				'Sam has a history of clean, boring migrations.'
			]
		}
	},
	{
		id: 'person.typical',
		category: Category.person,
		patterns: ['typical|classic <named>'],
		subject: 'any',
		message: 'A person’s habit, as the cause',
		question: 'What in the setup makes this easy to do, for anyone in that seat?',
		examples: {
			flags: ['Classic Jordan.', 'typical Lena, shipping without tests'],
			passes: ['A classic thundering herd after the cache flush.']
		}
	},
	{
		id: 'person.heads-roll',
		category: Category.person,
		patterns: ['heads will|should|must|need|are going? to? roll'],
		subject: 'any',
		message: 'A remedy aimed at people',
		question: 'What change to the system would help whoever is in that seat next time?',
		examples: {
			flags: ['Heads will roll for this.'],
			passes: ['The heads of each team will review the action items.']
		}
	},
	{
		id: 'person.blame',
		category: Category.person,
		patterns: [
			'blame|blamed|blaming <person>',
			'blamed on <person>',
			'blame|blamed here|there? lies|goes|falls|rests|lay|went|fell|sits|sat|belongs with|to|on <person>',
			'fault|accountability lies|rests|falls|lay|fell|sits with|on <person>',
			// "the fault is of Mr. Rezaei": the same said in a second language.
			'fault|blame|responsibility is|was|lies|lay of <named>',
			'responsibility|accountability|fault for the|this|that? <outcomes>|this|that|it lies|rests|falls|lay|fell|sits with|on <person>',
			// "his release, his mess": the mess is his.
			'his|her mess|doing'
		],
		subject: 'any',
		message: 'Blame, put on a person',
		question: 'What would we learn about the system if nobody could be blamed here?',
		examples: {
			flags: [
				'The blame lies with Ravi.',
				'The blame here sits squarely with Hana.',
				'They blamed Sam in the channel.',
				'Responsibility for the outage lies with the platform team.',
				'mobile 5.3.0 crash loop: his release, his mess',
				'According to the shift report, the fault is of Mr. Orlov that the scanners lost sync.'
			],
			passes: [
				'There was no blame in the room.',
				'I blame the network.',
				'The fault is of a kind we have seen before with this driver.',
				'Responsibility for the runbook lies with the SRE team.'
			]
		}
	}
];
