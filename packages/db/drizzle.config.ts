import { defineConfig } from 'drizzle-kit';

// Only `generate` uses this: migrations are applied by openDatabase at start, never by drizzle-kit.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/schema.ts',
	out: './migrations',
	casing: 'snake_case'
});
