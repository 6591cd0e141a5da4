import { Zero } from '@rocicorp/zero';
import { ZERO_CACHE_URL } from './config';
import { schema, type Schema } from './schema';

export type StockroomZero = Zero<Schema>;

export interface InitZeroOptions {
	/** `null` runs without zero-cache (tests). */
	cacheURL?: string | null;
	kvStore?: 'idb' | 'mem';
}

let zero: StockroomZero | null = null;

/** Called once from the root layout after the session is known. */
export function initZero(userID: string, options: InitZeroOptions = {}): StockroomZero {
	if (zero && zero.userID === userID) return zero;
	if (zero) void zero.close();
	zero = new Zero({
		userID,
		schema,
		cacheURL: options.cacheURL === undefined ? ZERO_CACHE_URL : options.cacheURL,
		kvStore: options.kvStore ?? 'idb'
	});
	return zero;
}

/** The client, or null while the app is still booting (ReactiveQuery retries). */
export function getZero(): StockroomZero | null {
	return zero;
}

export function closeZero(): void {
	if (!zero) return;
	void zero.close();
	zero = null;
}
