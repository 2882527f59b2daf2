import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

/** adapter-node's request handler: a connect-style middleware. */
export type WebHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const HANDLER = fileURLToPath(new URL('../../web/build/handler.js', import.meta.url));

/**
 * Loads the built SvelteKit app, if there is one. adapter-node reads ORIGIN when its module
 * loads and assumes https without it (then refuses same-site form posts), so it is set first.
 */
export async function loadWebHandler(origin: string): Promise<WebHandler | null> {
	if (!existsSync(HANDLER)) return null;
	process.env.ORIGIN = origin;
	const module = (await import(HANDLER)) as { handler: WebHandler };
	return module.handler;
}
