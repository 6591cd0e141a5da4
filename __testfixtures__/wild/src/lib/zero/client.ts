// The app's single Zero client. initZero() is called once from the root layout after the Rails
// session hands over the user id + JWT; until then getZero() is undefined and the reactive query
// classes retry every 100 ms.
import { Zero } from '@rocicorp/zero';
import { schema, type Schema } from './schema';

export type AppZero = Zero<Schema>;

export interface InitZeroOptions {
  userID?: string;
  cacheURL?: string | null;
  auth?: string;
  kvStore?: 'mem' | 'idb';
  storageKey?: string;
}

let zero: AppZero | undefined;

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

export async function closeZero(): Promise<void> {
  const current = zero;
  zero = undefined;
  await current?.close();
}
