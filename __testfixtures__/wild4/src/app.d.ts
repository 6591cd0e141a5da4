// See https://svelte.dev/docs/kit/types#app.d.ts
// for information about these interfaces
declare global {
	namespace App {
		interface Error {
			message: string;
			code?: 'ZERO_NOT_READY' | 'NOT_FOUND';
		}
		interface Locals {
			userId: string | null;
		}
		interface PageData {
			userId?: string | null;
		}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
