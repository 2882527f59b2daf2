export { reconnectDelay, withJitteredReconnect } from './backoff.ts';
export type { ReconnectingProvider } from './backoff.ts';
export { CloseCode, RefusalReason, formatRefusal, parseRefusal } from './close-codes.ts';
export {
	MessageType,
	SyncType,
	decodeMessage,
	encodeMessage,
	isRedundantUpdate,
	validateUpdate
} from './protocol.ts';
export type { DecodeResult, Message } from './protocol.ts';
export { REMOTE_ORIGIN, Room } from './room.ts';
export type { Peer, RoomOptions, UpdateSource } from './room.ts';
export type { DocKey, DocStorage, StoredDoc } from './storage.ts';
