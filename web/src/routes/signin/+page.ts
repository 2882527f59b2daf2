import { redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { me, SessionState } from '$lib/identity.svelte.ts';
import { safeNext } from '$lib/next-path.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	await me.load(fetch);
	// Already signed in: nothing to do here.
	if (me.state === SessionState.signedIn) redirect(307, resolve(next));
	return { next };
};
