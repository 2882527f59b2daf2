/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

/**
 * Offline reloads. The board's documents already live in IndexedDB (y-indexeddb), but a reload
 * with no network would not even get the page. This worker keeps what a reload needs:
 *
 * - the built app (hashed, immutable) from the cache, fetched once at install;
 * - pages: from the network, the last good copy when offline (the shell is the same for every
 *   path, because the app renders in the browser);
 * - `GET /api/me` and `GET /api/boards/:id`: from the network, the last good answer when offline,
 *   so the board layout can load. Nothing else of the API is kept, and signing out drops them.
 *
 * Online, everything but the built files comes from the network, so nothing goes stale.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const APP = `debrief-app-${version}`;
const DATA = 'debrief-data';
const SHELL = '/__shell';
const ASSETS = new Set([...build, ...files]);
const KEPT_API = /^\/api\/(me|boards\/[^/]+)$/;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(APP);
			await cache.addAll([...ASSETS]);
			// The page shell is the same for every path; keep one now, so even the page that
			// installed this worker reloads offline.
			try {
				const shell = await fetch('/');
				if (shell.ok) await (await caches.open(DATA)).put(SHELL, shell);
			} catch {
				// Offline already: the next navigation keeps one.
			}
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== APP && key !== DATA) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

/** Network first; on success keep a copy under `key`, on failure answer with the kept copy. */
async function networkFirst(request: Request, key: string): Promise<Response> {
	const cache = await caches.open(DATA);
	try {
		const response = await fetch(request);
		if (response.ok) await cache.put(key, response.clone());
		return response;
	} catch (error) {
		const kept = await cache.match(key);
		if (kept) return kept;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (request.method === 'POST' && url.pathname === '/api/auth/logout') {
		// Signed out: nothing of this account stays for an offline reload.
		event.waitUntil(caches.delete(DATA));
		return;
	}
	if (request.method !== 'GET') return;

	if (ASSETS.has(url.pathname)) {
		event.respondWith(
			(async () => (await caches.match(url.pathname, { cacheName: APP })) ?? fetch(request))()
		);
	} else if (request.mode === 'navigate') {
		event.respondWith(networkFirst(request, SHELL));
	} else if (KEPT_API.test(url.pathname)) {
		event.respondWith(networkFirst(request, url.pathname));
	}
});
