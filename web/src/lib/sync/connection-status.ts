/** How a section's live connection stands, as the header pill shows it. */
export const ConnectionStatus = {
	/** Opening the socket (first time or after a drop). */
	connecting: 'connecting',
	/** Socket open, the server's state not received yet. */
	connected: 'connected',
	/** Socket open and the document exchanged both ways: what you see is what others see. */
	synced: 'synced',
	/** No socket: edits stay in this browser (IndexedDB) and go out on reconnect. */
	offline: 'offline'
} as const;
export type ConnectionStatus = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];

const rank: Record<ConnectionStatus, number> = {
	offline: 0,
	connecting: 1,
	connected: 2,
	synced: 3
};

/** The board's status is its weakest section's: "synced" only when every section is. */
export function weakestStatus(statuses: Iterable<ConnectionStatus>): ConnectionStatus {
	let worst: ConnectionStatus | null = null;
	for (const s of statuses) if (worst === null || rank[s] < rank[worst]) worst = s;
	return worst ?? ConnectionStatus.offline;
}
