import { error } from '@sveltejs/kit';
import { ApiError, getBoard } from '$lib/api.ts';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ fetch, params }) => {
	try {
		return { board: await getBoard(params.id, fetch) };
	} catch (e) {
		if (e instanceof ApiError && e.status === 404) {
			error(404, { message: 'There is no board at this address. It may have been mistyped.' });
		}
		error(e instanceof ApiError && e.status >= 400 ? e.status : 503, {
			message: e instanceof ApiError ? e.message : 'Could not load the board.'
		});
	}
};
