import type { MeetingRefusal, MeetingResult, MetaState, Person } from '@debrief/doc';
import { HTTPException } from 'hono/http-exception';
import type { SignedIn } from '../auth/http.ts';

/**
 * The HTTP answer to each meeting refusal: 400 when the request itself is wrong (it names the
 * field), 409 when it is fine but the meeting is not in a state that allows it.
 */
const ANSWERS: Record<MeetingRefusal, { status: 400 | 409; message: string }> = {
	'empty-agenda': { status: 400, message: 'stages: keep at least one stage' },
	'too-many-stages': { status: 400, message: 'stages: an agenda holds at most 20 stages' },
	'empty-title': { status: 400, message: 'stages: every stage needs a title' },
	'title-too-long': { status: 400, message: 'stages: a stage title is at most 80 characters' },
	'invalid-timebox': { status: 400, message: 'stages: a timebox is 1 to 240 whole minutes' },
	'unknown-section': { status: 400, message: 'stages: no such section' },
	'invalid-stage-id': { status: 400, message: 'stages: not a stage id' },
	'duplicate-stage-id': { status: 400, message: 'stages: two stages have the same id' },
	'unknown-stage': { status: 400, message: 'stageId: no such stage on the agenda' },
	'unknown-template': { status: 400, message: 'template: no such agenda template' },
	'invalid-minutes': { status: 400, message: 'minutes: extend by 1 to 60 whole minutes' },
	closed: { status: 409, message: 'the meeting is closed: reopen it first' },
	'not-started': { status: 409, message: 'the meeting has not started yet' },
	'already-started': { status: 409, message: 'the meeting has already started' },
	'already-closed': { status: 409, message: 'the meeting is already closed' },
	'not-closed': { status: 409, message: 'the meeting is not closed' },
	'no-next-stage': { status: 409, message: 'this is the last stage: close the meeting instead' },
	'no-previous-stage': { status: 409, message: 'this is the first stage' },
	'no-timer': { status: 409, message: 'no stage is in progress' },
	'current-stage-removed': {
		status: 409,
		message: 'stages: the stage in progress cannot be removed; move to another stage first'
	},
	'queue-empty': { status: 409, message: 'nobody has a hand raised' },
	'no-ready-check': { status: 409, message: 'there is no ready check open' }
};

/** The meta state of a successful change, or the refusal thrown as its HTTP answer. */
export function stateOrThrow(result: MeetingResult): MetaState {
	if (result.ok) return result.state;
	const { status, message } = ANSWERS[result.reason];
	throw new HTTPException(status, { message });
}

/** The caller, as meta names people. */
export function personOf(auth: SignedIn): Person {
	return { userId: auth.user.id, name: auth.user.name };
}
