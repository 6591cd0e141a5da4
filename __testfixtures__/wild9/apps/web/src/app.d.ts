// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			memberId: string | null;
		}
		interface PageData {
			memberId?: string | null;
			clubName?: string;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
