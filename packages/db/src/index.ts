export { parseBinaryCopy, readByteaArray } from './binary-rows.ts';
export type { BinaryRow } from './binary-rows.ts';
export { openDatabase } from './client.ts';
export type { Database, Db, OpenDatabaseOptions } from './client.ts';
export {
	auditLog,
	boardMembers,
	BoardRole,
	boardRoles,
	boards,
	BoardStatus,
	boardStatuses,
	bytea,
	docStates,
	docUpdates,
	followUps,
	followUpStatuses,
	invites,
	sessions,
	snapshots,
	toBytes,
	users
} from './schema.ts';
export type { FollowUpStatus } from './schema.ts';
