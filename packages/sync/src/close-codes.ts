/**
 * WebSocket close codes the sync server uses (hocuspocus `CloseEvents` style).
 *
 * The stock y-websocket client treats 4400-4499 as final (it stops reconnecting) and every other
 * code as transient, so the range is a promise to the client: 44xx means "reconnecting will not
 * help", 45xx means "try again later" (RFC 6455 leaves 4000-4999 to applications).
 */
export const CloseCode = {
	/** The server is restarting (SIGTERM); reconnect shortly. */
	ServiceRestart: 1012,
	/** A frame over the size limit (sent by `ws` itself). */
	MessageTooBig: 1009,
	/** A frame that does not decode as a y-websocket message. */
	BadMessage: 4400,
	/** No valid session or token at upgrade. */
	Unauthorized: 4401,
	/** The session is valid but has no access to this board, or access was removed. */
	Forbidden: 4403,
	/** Unknown board or section. */
	NotFound: 4404,
	/** The member's role changed: reconnect deliberately to pick up the new rights. */
	RoleChanged: 4409,
	/** The client kept sending writes the server had refused. */
	RefusedWrites: 4423,
	/** The document is over its size limit. */
	DocumentTooLarge: 4413,
	/** The send buffer to this reader passed its bound; reconnecting re-syncs it. */
	SlowReader: 4508,
	/** Too many messages per second from this socket. */
	RateLimited: 4529,
	/** The room is being unloaded or the server failed to load it; try again. */
	RoomUnavailable: 4503
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Reasons sent in the y-protocols auth message (permission denied). Clients match on the prefix
 * before ':'; the rest names the section for people.
 */
export const RefusalReason = {
	/** The peer's role may not write (observer). */
	ReadOnly: 'read-only',
	/** The section is locked by the facilitator or the board is closed. */
	Locked: 'locked',
	/** The document would pass its size limit. */
	TooLarge: 'too-large'
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

/** Builds the permission-denied text: `<reason>:<section>`. */
export function formatRefusal(reason: RefusalReason, section: string): string {
	return `${reason}:${section}`;
}

/** Parses a permission-denied text back into its reason and section, if it is one of ours. */
export function parseRefusal(text: string): { reason: RefusalReason; section: string } | null {
	const at = text.indexOf(':');
	const reason = at < 0 ? text : text.slice(0, at);
	const known = Object.values(RefusalReason) as string[];
	if (!known.includes(reason)) return null;
	return { reason: reason as RefusalReason, section: at < 0 ? '' : text.slice(at + 1) };
}
