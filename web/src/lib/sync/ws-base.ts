/**
 * The WebSocket origin for `/sync`, from the page's own location: the server serves pages, API and
 * sockets on one port, and vite proxies `/sync` in dev, so same-origin is always right.
 */
export function wsBase(loc: Pick<Location, 'protocol' | 'host'> = location): string {
	return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}`;
}
