import { Zero } from '@rocicorp/zero';
import { schema, type Schema } from './schema';

let zero: Zero<Schema> | null = null;

export function initZero(userID: string, auth: string): Zero<Schema> {
	zero = new Zero({ userID, auth, server: import.meta.env.VITE_ZERO_SERVER, schema });
	return zero;
}

export function getZero(): Zero<Schema> | null {
	return zero;
}
