import { randomBytes } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Redis } from 'ioredis';
import type { DocKey } from '@debrief/sync';
import type { Logger } from '../log.ts';

/**
 * What instances tell each other about one document. `update` and `awareness` carry what a local
 * peer (or the server itself) changed; `state` carries a state vector and a digest of the delete
 * set, so an instance that missed a message can notice and ask: the answer is an `update`.
 */
export type FanoutMessage =
	| { kind: 'update'; payload: Uint8Array }
	| { kind: 'awareness'; payload: Uint8Array }
	| { kind: 'state'; stateVector: Uint8Array; deleteDigest: Uint8Array };

const KIND = { update: 0, awareness: 1, state: 2 } as const;

export function encodeFanout(from: string, message: FanoutMessage): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, from);
	encoding.writeVarUint(encoder, KIND[message.kind]);
	if (message.kind === 'state') {
		encoding.writeVarUint8Array(encoder, message.stateVector);
		encoding.writeVarUint8Array(encoder, message.deleteDigest);
	} else {
		encoding.writeVarUint8Array(encoder, message.payload);
	}
	return encoding.toUint8Array(encoder);
}

export function decodeFanout(data: Uint8Array): { from: string; message: FanoutMessage } | null {
	try {
		const decoder = decoding.createDecoder(data);
		const from = decoding.readVarString(decoder);
		const kind = decoding.readVarUint(decoder);
		if (kind === KIND.state) {
			const stateVector = decoding.readVarUint8Array(decoder);
			const deleteDigest = decoding.readVarUint8Array(decoder);
			return { from, message: { kind: 'state', stateVector, deleteDigest } };
		}
		const payload = decoding.readVarUint8Array(decoder);
		if (kind === KIND.update) return { from, message: { kind: 'update', payload } };
		if (kind === KIND.awareness) return { from, message: { kind: 'awareness', payload } };
		return null;
	} catch {
		return null;
	}
}

/** Pub/sub between instances, one channel per document. */
export interface Fanout {
	/** This instance's id; its own messages come back from Redis and are ignored. */
	readonly instanceId: string;
	/** Resolves once the subscription is active (so a load after it misses nothing). */
	subscribe(key: DocKey, onMessage: (message: FanoutMessage) => void): Promise<void>;
	unsubscribe(key: DocKey): Promise<void>;
	publish(key: DocKey, message: FanoutMessage): void;
	/** Server-wide orders (JSON), e.g. close a removed member's sockets everywhere. */
	publishControl(order: unknown): void;
	onControl(handler: (order: unknown) => void): void;
	close(): Promise<void>;
}

const CONTROL_CHANNEL = 'debrief:control';

export const channelOf = (key: DocKey) => `debrief:doc:${key.boardId}:${key.section}`;

/** The Redis implementation: one connection to publish, one to subscribe. */
export async function createRedisFanout(url: string, log: Logger): Promise<Fanout> {
	const options = { lazyConnect: true, maxRetriesPerRequest: null, enableOfflineQueue: true };
	const pub = new Redis(url, options);
	const sub = new Redis(url, options);
	for (const [name, client] of [
		['publish', pub],
		['subscribe', sub]
	] as const) {
		client.on('error', (error: Error) =>
			log.warn('redis connection problem', { connection: name, error: error.message })
		);
	}
	await Promise.all([pub.connect(), sub.connect()]);
	const instanceId = randomBytes(8).toString('hex');
	const handlers = new Map<string, (message: FanoutMessage) => void>();
	let controlHandler: ((order: unknown) => void) | null = null;
	await sub.subscribe(CONTROL_CHANNEL);
	sub.on('messageBuffer', (channel: Buffer, data: Buffer) => {
		if (channel.toString() === CONTROL_CHANNEL) {
			onControlMessage(data.toString());
			return;
		}
		const handler = handlers.get(channel.toString());
		if (!handler) return;
		const decoded = decodeFanout(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		if (!decoded) {
			log.warn('dropped a malformed message from another instance', {
				channel: channel.toString()
			});
			return;
		}
		if (decoded.from !== instanceId) handler(decoded.message);
	});
	const onControlMessage = (text: string) => {
		try {
			const { from, order } = JSON.parse(text) as { from: string; order: unknown };
			if (from !== instanceId) controlHandler?.(order);
		} catch {
			log.warn('dropped a malformed control message from another instance');
		}
	};
	return {
		instanceId,
		publishControl(order) {
			pub
				.publish(CONTROL_CHANNEL, JSON.stringify({ from: instanceId, order }))
				.catch((error: unknown) =>
					log.warn('could not publish a control message', { error: (error as Error).message })
				);
		},
		onControl(handler) {
			controlHandler = handler;
		},
		async subscribe(key, onMessage) {
			const channel = channelOf(key);
			handlers.set(channel, onMessage);
			await sub.subscribe(channel);
		},
		async unsubscribe(key) {
			const channel = channelOf(key);
			handlers.delete(channel);
			await sub.unsubscribe(channel);
		},
		publish(key, message) {
			pub
				.publish(channelOf(key), Buffer.from(encodeFanout(instanceId, message)))
				.catch((error: unknown) =>
					log.warn('could not publish to other instances; the periodic exchange will heal it', {
						board: key.boardId,
						section: key.section,
						error: (error as Error).message
					})
				);
		},
		async close() {
			handlers.clear();
			await Promise.allSettled([pub.quit(), sub.quit()]);
		}
	};
}
