import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';

/**
 * A TCP proxy on loopback that can be cut and restored: how the tests take a database away from
 * a running server without touching the database server everyone else uses.
 */
export class TcpProxy {
	#server: Server;
	#sockets = new Set<Socket>();
	#up = true;
	port = 0;

	constructor(
		private readonly targetHost: string,
		private readonly targetPort: number
	) {
		this.#server = createServer((client) => {
			if (!this.#up) {
				client.destroy();
				return;
			}
			const upstream = connect(this.targetPort, this.targetHost);
			for (const socket of [client, upstream]) {
				this.#sockets.add(socket);
				socket.on('close', () => this.#sockets.delete(socket));
				socket.on('error', () => socket.destroy());
			}
			client.pipe(upstream).pipe(client);
			client.on('close', () => upstream.destroy());
			upstream.on('close', () => client.destroy());
		});
	}

	async listen(): Promise<this> {
		await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
		const address = this.#server.address();
		this.port = typeof address === 'object' && address ? address.port : 0;
		return this;
	}

	/** Drops every open connection and refuses new ones. */
	cut(): void {
		this.#up = false;
		for (const socket of this.#sockets) socket.destroy();
	}

	restore(): void {
		this.#up = true;
	}

	close(): Promise<void> {
		this.cut();
		return new Promise((resolve) => this.#server.close(() => resolve()));
	}
}
