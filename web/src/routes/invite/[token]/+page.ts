import { error } from '@sveltejs/kit';
import { ApiError, previewInvite } from '$lib/api.ts';
import { me } from '$lib/identity.svelte.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const [invite] = await Promise.all([
		previewInvite(params.token, fetch).catch((e: unknown) => {
			if (e instanceof ApiError && e.status === 404) {
				error(404, { message: 'This invite link does not exist. Check that it was copied whole.' });
			}
			if (e instanceof ApiError && e.status === 410) {
				error(410, {
					message: 'This invite link has expired or was revoked. Ask the facilitator for a new one.'
				});
			}
			throw e;
		}),
		me.load(fetch)
	]);
	return { invite, token: params.token };
};
