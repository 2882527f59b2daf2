import type { BoardRole } from '@debrief/db';
import { Action, can } from './policy.ts';

/** Who is asking, and what they may do on one board. */
export interface Access {
	userId: string;
	name: string;
	role: BoardRole;
	/** The session the socket opened with, so signing out can close it. */
	sessionId: string;
}

/** Roles whose sockets may write section documents (locks aside). */
export function roleCanWrite(role: BoardRole): boolean {
	return can(role, Action.write);
}

/** Roles that run the meeting: agenda, locks, close. */
export function roleCanFacilitate(role: BoardRole): boolean {
	return can(role, Action.facilitate);
}
