import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';

/** Liveness, readiness and Prometheus metrics. */
export function healthRoutes(deps: AppDeps) {
	return new Hono()
		.get('/healthz', (c) => c.json({ ok: true }))
		.get('/readyz', (c) =>
			deps.isReady() ? c.json({ ready: true }) : c.json({ ready: false }, 503)
		)
		.get('/metrics', (c) =>
			c.text(deps.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' })
		);
}
