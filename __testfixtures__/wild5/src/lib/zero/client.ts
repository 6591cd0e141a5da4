// Single Zero instance for the whole tab. Components never construct Zero
// themselves; the root layout calls initZero() once the session is known.
import { Zero } from '@rocicorp/zero';
import { schema, type Schema } from './schema';

export interface InitZeroOptions {
	userID: string;
	cacheURL: string;
	auth?: string | null;
}

let zero: Zero<Schema> | null = null;

export function initZero({ userID, cacheURL, auth }: InitZeroOptions): Zero<Schema> {
	if (zero && zero.userID === userID) return zero;
	if (zero) void zero.close();

	zero = new Zero({
		schema,
		userID,
		cacheURL,
		auth: auth ?? undefined,
		kvStore: 'idb'
	});
	return zero;
}

export function getZero(): Zero<Schema> | null {
	return zero;
}

export function requireZero(): Zero<Schema> {
	if (!zero) throw new Error('Zero client used before initZero()');
	return zero;
}

export async function closeZero(): Promise<void> {
	const current = zero;
	zero = null;
	await current?.close();
}
