import { redirect } from '@sveltejs/kit';
import { ApiError, isSignedOut, searchPostmortems, type SearchQuery } from '$lib/api.ts';
import { me, SessionState } from '$lib/identity.svelte.ts';
import { signInHref } from '$lib/next-path.ts';
import type { PageLoad } from './$types';

/** The query lives in the URL, so a search can be shared and the back button works. */
export const load: PageLoad = async ({ fetch, url }) => {
	await me.load(fetch);
	if (me.state === SessionState.signedOut) redirect(307, signInHref(url.pathname + url.search));
	const query: SearchQuery = {
		q: url.searchParams.get('q') ?? '',
		service: url.searchParams.get('service') ?? '',
		severity: url.searchParams.get('severity') ?? '',
		category: url.searchParams.get('category') ?? ''
	};
	try {
		return { query, ...(await searchPostmortems(query, fetch)), error: null };
	} catch (e) {
		if (isSignedOut(e)) redirect(307, signInHref(url.pathname + url.search));
		return {
			query,
			results: [],
			categories: {},
			error: e instanceof ApiError ? e.message : 'The search did not answer.'
		};
	}
};
