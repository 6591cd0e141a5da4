// The app's single Zero client. In the browser `initZero()` is called once from the root layout
// after the Rails session hands over the user id and JWT; until then `getZero()` is undefined and
// the legacy query classes retry every 100 ms.
import { Zero } from '@rocicorp/zero';
import * as zeroRecord from 'zero-record';
import { schema, type Schema } from './schema';

export type AppZero = Zero<Schema>;

export interface InitZeroOptions {
  userID?: string;
  /** zero-cache URL; `null` runs fully local (tests, offline demo). */
  cacheURL?: string | null;
  auth?: string;
  kvStore?: 'mem' | 'idb';
  /** Separates local stores of one user (Zero keeps even a 'mem' store per user for the process). */
  storageKey?: string;
}

let zero: AppZero | undefined;

// The generated models ($lib/models) read the same client; undefined until initZero, as getZero.
zeroRecord.configureZero(() => zero);

export function initZero(options: InitZeroOptions = {}): AppZero {
  if (zero) return zero;
  zero = new Zero({
    userID: options.userID ?? 'anon',
    cacheURL: options.cacheURL === undefined ? 'http://localhost:4848' : options.cacheURL,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.storageKey ? { storageKey: options.storageKey } : {}),
    kvStore: options.kvStore ?? 'idb',
    schema,
    logLevel: 'error',
  });
  return zero;
}

export function getZero(): AppZero | undefined {
  return zero;
}

/** Closes the client (logout, tests); the next `initZero()` starts a fresh one. */
export async function closeZero(): Promise<void> {
  const current = zero;
  zero = undefined;
  await current?.close();
}
