import { error, redirect } from '@sveltejs/kit';
import {
	ApiError,
	getBoard,
	getSnapshot,
	getSnapshotDiff,
	listSnapshots,
	type SnapshotDiff
} from '$lib/api.ts';
import { me, SessionState } from '$lib/identity.svelte.ts';
import { signInHref } from '$lib/next-path.ts';
import type { PageLoad } from './$types';

/** A past revision, read-only: its document, its digest, and what changed since the one before. */
export const load: PageLoad = async ({ fetch, params, url }) => {
	await me.load(fetch);
	if (me.state === SessionState.signedOut) redirect(307, signInHref(url.pathname));
	try {
		const [board, snapshots] = await Promise.all([
			getBoard(params.id, fetch),
			listSnapshots(params.id, fetch)
		]);
		const latest = snapshots[0]?.revision ?? 0;
		const revision = params.revision ? Number(params.revision) : latest;
		if (!Number.isInteger(revision) || revision < 0) error(404, { message: 'No such revision.' });
		if (revision === 0) return { board, snapshots, snapshot: null, diff: null };
		const [snapshot, diff] = await Promise.all([
			getSnapshot(params.id, revision, fetch),
			revision > 1
				? getSnapshotDiff(params.id, revision, fetch).catch(() => null)
				: Promise.resolve<SnapshotDiff | null>(null)
		]);
		return { board, snapshots, snapshot, diff };
	} catch (e) {
		if (!(e instanceof ApiError)) throw e;
		if (e.status === 401) redirect(307, signInHref(url.pathname));
		if (e.status === 403) error(403, { message: 'You are not on this board.' });
		if (e.status === 404 || e.status === 400) {
			error(404, { message: 'There is no such revision of this board.' });
		}
		error(e.status >= 400 ? e.status : 503, { message: e.message });
	}
};
