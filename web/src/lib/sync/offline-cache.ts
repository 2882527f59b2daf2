import { getBoard, getMe } from '$lib/api.ts';

/**
 * Makes sure the service worker holds what an offline reload of this board needs (who we are,
 * the board): asks for both once through the worker. On a first visit the worker takes control
 * only after the page loaded, and someone who just joined by invite never asked `/api/me` at all,
 * so the layout's own requests are not enough.
 */
export function keepBoardForOffline(boardId: string): void {
	if (!('serviceWorker' in navigator)) return;
	const warm = (): void => {
		getMe().catch(() => {});
		getBoard(boardId).catch(() => {});
	};
	if (navigator.serviceWorker.controller) warm();
	else navigator.serviceWorker.addEventListener('controllerchange', warm, { once: true });
}
