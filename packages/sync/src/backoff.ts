/**
 * Reconnect delays with full jitter. After a server restart every client loses its socket in the
 * same millisecond; with the stock client's plain exponential backoff they would all come back in
 * the same millisecond too. Each waits a random time up to the exponential ceiling instead, and at
 * least a couple of seconds' spread after a restart (1012), when everyone goes at once.
 */
export function reconnectDelay(
	attempt: number,
	code: number | null,
	random: () => number = Math.random
): number {
	const cap = 10_000;
	const floor = code === 1012 || code === 1001 ? 2_000 : 0;
	const ceiling = Math.min(cap, Math.max(floor, 100 * 2 ** (attempt + 1)));
	return Math.round(100 + random() * (ceiling - 100));
}

/** The parts of y-websocket's `WebsocketProvider` that its reconnect timer reads. */
export interface ReconnectingProvider {
	wsUnsuccessfulReconnects: number;
	maxBackoffTime: number;
	on(event: 'connection-close', handler: (event: { code: number } | null) => void): void;
}

/**
 * Makes a stock provider reconnect with jitter. It computes its delay as
 * `min(100 * 2^attempts, maxBackoffTime)` right after emitting `connection-close`, so setting
 * `maxBackoffTime` to a random value under that ceiling, in the handler, makes the delay exactly it.
 */
export function withJitteredReconnect<T extends ReconnectingProvider>(
	provider: T,
	random: () => number = Math.random
): T {
	provider.on('connection-close', (event) => {
		provider.maxBackoffTime = reconnectDelay(
			provider.wsUnsuccessfulReconnects,
			event?.code ?? null,
			random
		);
	});
	return provider;
}
