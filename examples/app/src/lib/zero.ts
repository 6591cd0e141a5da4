// Where the app's Zero comes from: a local Zero in the browser (no server, seeded with sample rows) unless a
// zero-cache URL is given by `?server=http://127.0.0.1:4848` or VITE_ZERO_SERVER at build time.
import { Zero } from '@rocicorp/zero';
import { configureZero } from 'zero-record';
import { mutators } from './models/mutators.ts';
import { schema } from './models/schema.ts';

/** The zero-cache URL to sync with, or null for a local Zero. */
export function serverFromLocation(location: Pick<Location, 'search'>, buildTime: string | undefined): string | null {
  const fromQuery = new URLSearchParams(location.search).get('server');
  return fromQuery || buildTime || null;
}

/**
 * Creates the app's one Zero client and points every model at it. The models are generated with `--legacy-sync`:
 * `npm run stack` (examples/stack) deploys legacy permissions and runs no push or query endpoint, so the schema syncs
 * ad-hoc queries and the runtime writes through Zero's CRUD mutators (locally too, so both modes take one path).
 */
export function startZero(server: string | null) {
  const zero = new Zero({ userID: 'example-user', cacheURL: server, kvStore: 'mem', schema, mutators, logLevel: 'error' });
  configureZero(zero);
  return zero;
}
