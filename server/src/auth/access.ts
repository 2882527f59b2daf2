import type { BoardRole } from '@debrief/db';

/** Who is asking, and what they may do on one board. */
export interface Access {
	userId: string;
	name: string;
	role: BoardRole;
}

/** Roles whose sockets may write section documents (locks aside). */
export function roleCanWrite(role: BoardRole): boolean {
	return role !== 'observer';
}

/** Roles that run the meeting: agenda, locks, close. */
export function roleCanFacilitate(role: BoardRole): boolean {
	return role === 'facilitator' || role === 'cofacilitator';
}
