// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		// interface Locals {}  // the session user lands here when accounts arrive
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
