import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Svelte 5 only: runes in our code; libraries in node_modules decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// The Hono server imports build/handler.js and serves it for every non-/api, non-/sync path.
		adapter: adapter({ out: 'build' }),
		// Absolute asset paths make the page shell the same for every path, so the service worker
		// can answer an offline reload of any board page with the one shell it keeps.
		paths: { relative: false }
	}
};

export default config;
