import { Zero } from '@rocicorp/zero';
import { env } from '$env/dynamic/public';
import { schema, type Schema } from './schema';

export type ZeroClient = Zero<Schema>;

let instance: ZeroClient | null = null;

export interface InitZeroOptions {
	userID: string;
	auth?: string;
	server?: string;
}

/** Called once from the root layout. Safe to call again (returns the same client). */
export function initZero({ userID, auth, server }: InitZeroOptions): ZeroClient {
	if (instance) return instance;
	instance = new Zero({
		schema,
		userID,
		auth,
		server: server ?? env.PUBLIC_ZERO_SERVER ?? 'http://localhost:4848',
		kvStore: 'idb'
	});
	return instance;
}

/** null until the layout has called initZero(). */
export function getZero(): ZeroClient | null {
	return instance;
}

export function requireZero(): ZeroClient {
	if (!instance) throw new Error('Zero client used before initZero()');
	return instance;
}

export async function closeZero(): Promise<void> {
	const z = instance;
	instance = null;
	await z?.close();
}
