import { Zero } from '@rocicorp/zero';
import { schema, type Schema } from './schema';

export interface ZeroOptions {
	userID: string;
	server: string;
	auth?: string;
}

let zero: Zero<Schema> | null = null;

/** Creates the single Zero instance for this tab. Safe to call more than once. */
export function initZero(options: ZeroOptions): Zero<Schema> {
	if (zero) return zero;
	zero = new Zero({
		userID: options.userID,
		server: options.server,
		auth: options.auth,
		schema,
		kvStore: 'idb'
	});
	return zero;
}

/** The Zero instance, or null until initZero() has run (the models retry until then). */
export function getZero(): Zero<Schema> | null {
	return zero;
}

export async function closeZero(): Promise<void> {
	await zero?.close();
	zero = null;
}
