export { addMember, createBoard, getBoard, listBoards, listBoardsOf } from './boards.ts';
export type { Board, BoardWithRole, CreateBoardInput, Member } from './boards.ts';
export { createDocStorage } from './doc-store.ts';
export { newId } from './ids.ts';
export { findInviteByHash, insertInvite, listInvites, revokeInvite } from './invites.ts';
export type { Invite, InviteTarget } from './invites.ts';
export { changeMembers, getBoardAccess, joinBoard, listMembers } from './members.ts';
export type { MemberPlan, MemberView, RoleUpdate } from './members.ts';
export {
	deleteSession,
	deleteUserSessions,
	findSession,
	insertSession,
	liveSessionIds,
	setSessionExpiry
} from './sessions.ts';
export type { Session } from './sessions.ts';
export {
	claimGuest,
	createAccount,
	createGuest,
	findUserByEmail,
	getUserWithHash,
	setPasswordHash
} from './users.ts';
export type { User, UserWithHash } from './users.ts';
