import { redirect } from '@sveltejs/kit';
import { ApiError, isSignedOut, listBoards } from '$lib/api.ts';
import { me, SessionState } from '$lib/identity.svelte.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
	depends('app:boards');
	await me.load(fetch);
	if (me.state === SessionState.signedOut) redirect(307, '/signin');
	try {
		return { boards: await listBoards(fetch), error: null };
	} catch (e) {
		if (isSignedOut(e)) redirect(307, '/signin');
		// Show the page with the message rather than an error screen: the form still works once
		// the server answers again.
		return { boards: [], error: e instanceof ApiError ? e.message : 'Could not load boards.' };
	}
};
