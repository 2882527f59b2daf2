import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseCoreList, pin } from './process-stats.ts';
import type { CorePlan } from './process-stats.ts';
import type { Command } from './worker-protocol.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** The load processes, pinned to the client cores, driven by request/response over IPC. */
export class LoadPool {
	readonly size: number;
	/** Cores the servers and the load run on, to read how busy each side was. */
	readonly serverCores: number[];
	readonly clientCores: number[];
	#children: ChildProcess[] = [];
	#pending = new Map<number, Pending>();
	#nextId = 0;

	constructor(size: number, cores: CorePlan) {
		this.size = size;
		const cpus = cores.clients;
		this.serverCores = parseCoreList(cores.server);
		this.clientCores = parseCoreList(cores.clients);
		const script = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
		for (let i = 0; i < size; i++) {
			const child = fork(script, [], {
				execArgv: ['--import', 'tsx'],
				serialization: 'advanced',
				stdio: ['ignore', 'inherit', 'inherit', 'ipc']
			});
			pin(child.pid!, cpus);
			child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
				const pending = this.#pending.get(message.id);
				this.#pending.delete(message.id);
				if (message.error !== undefined) pending?.reject(new Error(message.error));
				else pending?.resolve(message.result);
			});
			child.on('exit', (code) => {
				for (const [id, pending] of this.#pending) {
					pending.reject(new Error(`load process exited (${code}) during a command`));
					this.#pending.delete(id);
				}
			});
			this.#children.push(child);
		}
	}

	pids(): number[] {
		return this.#children.map((c) => c.pid!);
	}

	call<T>(index: number, command: Command): Promise<T> {
		const id = ++this.#nextId;
		return new Promise<T>((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.#children[index]!.send({ id, command });
		});
	}

	/** The same kind of command to every process (each may get its own arguments). */
	all<T>(commandFor: (index: number) => Command): Promise<T[]> {
		return Promise.all(this.#children.map((_, i) => this.call<T>(i, commandFor(i))));
	}

	stop(): void {
		for (const child of this.#children) child.disconnect();
	}
}
