import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: [
			'packages/*/src/**/*.test.ts',
			'server/src/**/*.test.ts',
			'server/test/**/*.test.ts',
			'test/bench/**/*.test.ts'
		],
		exclude: ['**/node_modules/**', 'test/e2e/**'],
		pool: 'forks',
		testTimeout: 90_000,
		hookTimeout: 60_000
	}
});
