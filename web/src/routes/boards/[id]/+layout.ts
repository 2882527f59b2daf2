import { error, redirect } from '@sveltejs/kit';
import { ApiError, getBoard } from '$lib/api.ts';
import { me, SessionState } from '$lib/identity.svelte.ts';
import { signInHref } from '$lib/next-path.ts';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ fetch, params, url }) => {
	await me.load(fetch);
	if (me.state === SessionState.signedOut) redirect(307, signInHref(url.pathname));
	try {
		return { board: await getBoard(params.id, fetch) };
	} catch (e) {
		if (!(e instanceof ApiError)) throw e;
		if (e.status === 401) redirect(307, signInHref(url.pathname));
		if (e.status === 404 || e.status === 400) {
			error(404, { message: 'There is no board at this address. It may have been mistyped.' });
		}
		if (e.status === 403) {
			error(403, {
				message: 'You are not on this board yet. Ask its facilitator for an invite link.'
			});
		}
		error(e.status >= 400 ? e.status : 503, { message: e.message });
	}
};
