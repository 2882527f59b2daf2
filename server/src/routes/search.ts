import { createRoute } from '@hono/zod-openapi';
import { searchContent, servicesOf, severityOf, titleOf } from '@debrief/export';
import { requireUser } from '../auth/http.ts';
import type { AppDeps } from '../deps.ts';
import { SearchQuery, SearchSchema } from '../snapshots/schemas.ts';
import { latestSnapshotsOf } from '../store/snapshots.ts';
import { apiRouter } from './router.ts';
import { SIGNED_IN, errors, json } from './schemas.ts';

/** Most results one search returns. */
const MAX_RESULTS = 50;

const search = createRoute({
	method: 'get',
	path: '/',
	summary:
		'Search the closed post-mortems the caller belongs to (their latest revision): words, ' +
		'service, severity, contributing-factor category. `categories` counts each category over ' +
		'the results, so recurring causes stand out',
	security: SIGNED_IN,
	request: { query: SearchQuery },
	responses: { 200: json(SearchSchema, 'The matching post-mortems'), ...errors(400, 401) }
});

export function searchRoutes(deps: AppDeps) {
	return apiRouter().openapi(search, async (c) => {
		const { user } = requireUser(c);
		const query = c.req.valid('query');
		const results = [];
		const categories: Record<string, number> = {};
		// Filtered here, over the latest snapshot of each board the caller may read: a person
		// belongs to tens of boards, not millions, and the rule stays one pure, tested function.
		for (const snapshot of await latestSnapshotsOf(deps.database.db, user.id)) {
			const match = searchContent(snapshot.content, query);
			if (!match) continue;
			for (const category of match.categories)
				categories[category] = (categories[category] ?? 0) + 1;
			if (results.length < MAX_RESULTS) {
				results.push({
					boardId: snapshot.boardId,
					title: titleOf(snapshot.content),
					revision: snapshot.revision,
					closedAt: snapshot.closedAt,
					severity: severityOf(snapshot.content),
					services: servicesOf(snapshot.content),
					categories: match.categories,
					snippets: match.snippets
				});
			}
		}
		return c.json({ results, categories }, 200);
	});
}
