import type { StageKind } from './agenda.ts';

/**
 * What the facilitator might say or watch for in each stage: short prompts shown to them only.
 * Our own words, drawn from the practice of blameless reviews: say the ground rule out loud,
 * turn talk about people into talk about the system, ask what evidence backs each claim, and
 * leave no action without an owner and a date.
 */
export const FACILITATOR_CUES: Readonly<Record<StageKind, readonly string[]>> = Object.freeze({
	opening: [
		'Name the purpose: we are here to learn how the system let this happen, not to find someone to blame.',
		'Read out the agenda and its timeboxes, and ask whether anyone wants to change it.',
		'Ask people to describe what they saw and did, and to assume everyone acted on what they knew then.'
	],
	timeline: [
		'Get the order of events straight before anyone explains them.',
		'If a person is named as the cause, thank them, restate it as a condition of the system, and note it for contributing factors.',
		'Mark when the problem was first noticed, when it was contained and when it was over.'
	],
	rca: [
		'For every proposed cause, ask what shows it: a graph, a log line, a change record.',
		'When two explanations compete, look at the evidence for each instead of choosing a side.',
		'Keep asking why until you reach something the team can change.'
	],
	factors: [
		'Look for conditions, not culprits: a missing alert, a runbook that was unclear, a risky default.',
		'Ask what made the right move hard at the time.',
		'Let the room vote; the factors with the most votes should get action items.'
	],
	actions: [
		'No action leaves this stage without one owner and a due date.',
		'Link each action to the cause or factor it addresses.',
		'Prefer a change to the system over a reminder to be careful.'
	],
	discussion: [
		'Invite the people who have said least to speak first.',
		'Points that belong to another section go to the parking lot.'
	],
	close: [
		'Read back each action with its owner and date.',
		'Say when the follow-up review happens and where the write-up will be shared.',
		'Thank people for being candid.'
	],
	custom: [
		'Say what this stage is for and how long it has.',
		'If the talk turns to who, bring it back to what and why.'
	]
});

/** The cues for a stage of this kind. */
export function cuesFor(kind: StageKind): readonly string[] {
	return FACILITATOR_CUES[kind];
}
