import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { decodeMessage, encodeMessage } from '@debrief/sync';

/**
 * A lean y-websocket protocol client for load: one Y.Doc, answers sync step 1, applies updates,
 * sends its own. No awareness, no reconnect: a benchmark wants to see failures, not hide them.
 */
export class ProtocolClient {
	readonly doc = new Y.Doc();
	ws!: WebSocket;
	synced = false;
	connectedAt = 0;
	syncedAt = 0;
	closed: number | null = null;

	async connect(url: string): Promise<void> {
		const started = performance.now();
		this.ws = new WebSocket(url);
		this.ws.binaryType = 'arraybuffer';
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== this && this.ws.readyState === WebSocket.OPEN) {
				this.ws.send(encodeMessage({ type: 'update', update }));
			}
		});
		await new Promise<void>((resolve, reject) => {
			this.ws.once('open', () => resolve());
			this.ws.once('error', reject);
		});
		this.connectedAt = performance.now() - started;
		this.ws.on('close', (code) => (this.closed = code));
		const syncedPromise = new Promise<void>((resolve) => {
			this.ws.on('message', (data: ArrayBuffer) => {
				const decoded = decodeMessage(new Uint8Array(data));
				if (!decoded.ok) return;
				const message = decoded.message;
				if (message.type === 'sync-step-1') {
					const update = Y.encodeStateAsUpdate(this.doc, message.stateVector);
					this.ws.send(encodeMessage({ type: 'sync-step-2', update }));
				} else if (message.type === 'sync-step-2') {
					Y.applyUpdate(this.doc, message.update, this);
					if (!this.synced) {
						this.synced = true;
						this.syncedAt = performance.now() - started;
						resolve();
					}
				} else if (message.type === 'update') {
					Y.applyUpdate(this.doc, message.update, this);
				}
			});
		});
		this.ws.send(
			encodeMessage({ type: 'sync-step-1', stateVector: Y.encodeStateVector(this.doc) })
		);
		await syncedPromise;
	}

	close(): void {
		this.ws.close();
		this.doc.destroy();
	}
}
