import { Zero } from '@rocicorp/zero';
import { schema } from './schema.js';

/** @typedef {import('./schema.js').Schema} Schema */
/** @typedef {Zero<Schema>} DeskZero */

/** @type {DeskZero | null} */
let zero = null;

/** @type {Array<(z: DeskZero) => void>} */
const waiting = [];

/**
 * Start the Zero client. Called once from the root layout after the desk
 * user is known (we use the workstation name as the user id).
 *
 * @param {{ userID: string, cacheURL?: string, auth?: string }} opts
 * @returns {DeskZero}
 */
export function initZero({ userID, cacheURL, auth }) {
	if (zero) return zero;
	zero = new Zero({
		userID,
		schema,
		cacheURL: cacheURL ?? import.meta.env.VITE_ZERO_CACHE_URL ?? 'http://localhost:4848',
		auth,
		kvStore: 'idb'
	});
	for (const fn of waiting.splice(0)) fn(zero);
	return zero;
}

/** @returns {DeskZero | null} */
export function getZero() {
	return zero;
}

/** @returns {Promise<DeskZero>} */
export function whenZeroReady() {
	if (zero) return Promise.resolve(zero);
	return new Promise((resolve) => waiting.push(resolve));
}

export async function closeZero() {
	const z = zero;
	zero = null;
	await z?.close();
}
