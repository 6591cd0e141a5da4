import * as models from '$lib/zero/index.js';

// Handy in the browser console on the desk PC:
//   __desk.Pet.find('…').current
//   await __desk.updateKennel(id, { status: 'available' })
if (import.meta.env.DEV) {
	Object.assign(globalThis, { __desk: { ...models } });
}

/** @type {import('@sveltejs/kit').HandleClientError} */
export function handleError({ error, message, status }) {
	// `error` is whatever was thrown, not a query's error field.
	console.error(`[${status}]`, error);
	return { message: status === 404 ? 'Not found' : message };
}
