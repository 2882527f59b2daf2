import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// In `pnpm dev` the Hono server runs apart (tsx watch, SERVER_PORT or 3001) and vite serves the
// pages; proxying /api and /sync keeps every URL same-origin, exactly as in production.
const api = `http://localhost:${process.env.SERVER_PORT ?? 3001}`;

export default defineConfig({
	plugins: [sveltekit()],
	server: {
		proxy: {
			'/api': { target: api, changeOrigin: false },
			'/sync': { target: api, ws: true, changeOrigin: false }
		}
	}
});
