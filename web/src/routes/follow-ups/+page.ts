import { redirect } from '@sveltejs/kit';
import { ApiError, isSignedOut, listFollowUps } from '$lib/api.ts';
import { me, SessionState } from '$lib/identity.svelte.ts';
import { signInHref } from '$lib/next-path.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
	await me.load(fetch);
	if (me.state === SessionState.signedOut) redirect(307, signInHref(url.pathname));
	try {
		return { followUps: await listFollowUps(fetch), error: null };
	} catch (e) {
		if (isSignedOut(e)) redirect(307, signInHref(url.pathname));
		return {
			followUps: [],
			error: e instanceof ApiError ? e.message : 'Could not load the follow-ups.'
		};
	}
};
