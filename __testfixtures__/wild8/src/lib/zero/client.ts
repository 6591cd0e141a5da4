import { Zero } from '@rocicorp/zero';
import { schema, type Schema } from './schema';

export type PlotlineZero = Zero<Schema>;

let zero: PlotlineZero | null = null;

export interface InitOptions {
	userID: string;
	/** null runs without zero-cache (vitest) */
	cacheURL?: string | null;
	kvStore?: 'idb' | 'mem';
}

/** Called once from hooks.client.ts `init`. */
export function initZero({ userID, cacheURL, kvStore = 'idb' }: InitOptions): PlotlineZero {
	if (zero?.userID === userID) return zero;
	void zero?.close();
	zero = new Zero({
		userID,
		schema,
		cacheURL: cacheURL === undefined ? (import.meta.env.VITE_ZERO_CACHE_URL ?? 'http://localhost:4848') : cacheURL,
		kvStore
	});
	return zero;
}

/** The client, or null while the app is still booting (the query classes retry). */
export function getZero(): PlotlineZero | null {
	return zero;
}

export async function closeZero(): Promise<void> {
	const z = zero;
	zero = null;
	await z?.close();
}
