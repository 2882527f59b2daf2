import { readEnv } from './env.ts';
import { createLogger } from './log.ts';
import { startServer } from './server.ts';

const env = readEnv();
const log = createLogger(env.logLevel);
const server = await startServer(env, log).catch((error: unknown) => {
	log.error('could not start', { error });
	process.exit(1);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		log.info('shutting down: storing pending edits and closing sockets', { signal });
		server
			.close()
			.then(() => process.exit(0))
			.catch((error: unknown) => {
				log.error('shutdown failed', { error });
				process.exit(1);
			});
	});
}
