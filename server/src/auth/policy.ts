import { BoardRole } from '@debrief/db';

/**
 * Who may do what on a board, as functions of plain data. The HTTP edge maps a refusal to
 * 401/403/404, the socket edge to 4401/4403/4404; neither decides anything itself.
 */

/** Things a member does on a board. */
export const Action = {
	/** See the board, its members and its documents (sockets included). */
	read: 'read',
	/** Write the section documents (locks aside, which the room enforces). */
	write: 'write',
	/** Create, list and revoke invite links. */
	manageInvites: 'manage-invites',
	/** Change roles and remove members. */
	manageMembers: 'manage-members',
	/** Run the agenda, lock sections, close and reopen the meeting. */
	facilitate: 'facilitate'
} as const;
export type Action = (typeof Action)[keyof typeof Action];

/** Why something was refused; each edge has one mapping from these. */
export const Refusal = {
	/** No valid session. */
	signedOut: 'signed-out',
	/** The board does not exist. */
	noBoard: 'no-board',
	/** Signed in, but not a member of this board (or no longer). */
	notMember: 'not-member',
	/** A member whose role does not allow the action. */
	roleTooLow: 'role-too-low',
	/** The target is not a member of the board. */
	noSuchMember: 'no-such-member',
	/** The facilitator's role only changes by hand-off, and the facilitator cannot be removed. */
	facilitatorFixed: 'facilitator-fixed'
} as const;
export type Refusal = (typeof Refusal)[keyof typeof Refusal];

export type Decision<T = object> = ({ ok: true } & T) | { ok: false; reason: Refusal };

/** Higher rank, more rights; a member who joins again never loses rank. */
const RANK: Record<BoardRole, number> = {
	observer: 1,
	participant: 2,
	cofacilitator: 3,
	facilitator: 4
};

const ALLOWED: Record<Action, readonly BoardRole[]> = {
	read: ['facilitator', 'cofacilitator', 'participant', 'observer'],
	write: ['facilitator', 'cofacilitator', 'participant'],
	'manage-invites': ['facilitator', 'cofacilitator'],
	'manage-members': ['facilitator', 'cofacilitator'],
	facilitate: ['facilitator', 'cofacilitator']
};

/** Whether a member with `role` (null: not a member) may do `action`. */
export function can(role: BoardRole | null, action: Action): boolean {
	return role !== null && ALLOWED[action].includes(role);
}

/** What a caller may do on one board, given who they are and what the board holds. */
export interface BoardAccessInput {
	signedIn: boolean;
	boardExists: boolean;
	/** The caller's role on the board; null when not a member. */
	role: BoardRole | null;
}

/**
 * The one access decision for routes and sockets. Signed-out callers learn nothing about the
 * board (not even whether it exists), so the session is checked first.
 */
export function decideBoardAccess(
	input: BoardAccessInput,
	action: Action
): Decision<{ role: BoardRole }> {
	if (!input.signedIn) return { ok: false, reason: Refusal.signedOut };
	if (!input.boardExists) return { ok: false, reason: Refusal.noBoard };
	if (input.role === null) return { ok: false, reason: Refusal.notMember };
	if (!can(input.role, action)) return { ok: false, reason: Refusal.roleTooLow };
	return { ok: true, role: input.role };
}

/** The role a person ends up with after accepting an invite: a higher role is kept. */
export function roleAfterJoining(existing: BoardRole | null, invited: BoardRole): BoardRole {
	if (existing === null) return invited;
	return RANK[existing] >= RANK[invited] ? existing : invited;
}

/** A member as the rules see them. */
export interface MemberRef {
	userId: string;
	role: BoardRole;
}

/** One member's new role, as part of a change. */
export interface RoleChange {
	userId: string;
	role: BoardRole;
}

/**
 * Plans a role change. Giving someone facilitator is the hand-off: only the facilitator can do
 * it, and the giver becomes cofacilitator, so there is always exactly one facilitator. Nobody
 * demotes the facilitator any other way. An unchanged role plans no change. `target` is null
 * when that person is not a member (told only to those who may manage members).
 */
export function planRoleChange(
	actor: MemberRef,
	target: MemberRef | null,
	next: BoardRole
): Decision<{ changes: RoleChange[] }> {
	if (!can(actor.role, Action.manageMembers)) return { ok: false, reason: Refusal.roleTooLow };
	if (!target) return { ok: false, reason: Refusal.noSuchMember };
	if (target.role === next) return { ok: true, changes: [] };
	if (target.role === BoardRole.facilitator) {
		return { ok: false, reason: Refusal.facilitatorFixed };
	}
	if (next === BoardRole.facilitator) {
		if (actor.role !== BoardRole.facilitator) return { ok: false, reason: Refusal.roleTooLow };
		return {
			ok: true,
			changes: [
				{ userId: target.userId, role: BoardRole.facilitator },
				{ userId: actor.userId, role: BoardRole.cofacilitator }
			]
		};
	}
	return { ok: true, changes: [{ userId: target.userId, role: next }] };
}

/**
 * Whether `actor` may remove `target` from the board. Facilitators and cofacilitators remove
 * others; anyone may leave; the facilitator stays until they hand the board off.
 */
export function decideRemoval(actor: MemberRef, target: MemberRef | null): Decision {
	const manages = can(actor.role, Action.manageMembers);
	if (!target) return { ok: false, reason: manages ? Refusal.noSuchMember : Refusal.roleTooLow };
	if (target.role === BoardRole.facilitator) return { ok: false, reason: Refusal.facilitatorFixed };
	if (actor.userId === target.userId || manages) return { ok: true };
	return { ok: false, reason: Refusal.roleTooLow };
}
