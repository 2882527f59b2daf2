import { ApiError, listBoards } from '$lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
	depends('app:boards');
	try {
		return { boards: await listBoards(fetch), error: null };
	} catch (e) {
		// Show the page with the message rather than an error screen: the form still works once
		// the server answers again.
		return { boards: [], error: e instanceof ApiError ? e.message : 'Could not load boards.' };
	}
};
