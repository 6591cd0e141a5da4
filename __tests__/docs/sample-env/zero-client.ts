/**
 * What doc samples import as `$lib/zero/client`: an app's Zero client module, as the legacy app has one.
 */
import { Zero } from '@rocicorp/zero';
import { schema } from '../../../examples/app/src/lib/models/schema.ts';

// The example app's schema is generated with --legacy-sync: writes use Zero's CRUD mutators, none to register.
const create = () => new Zero({ schema, userID: 'docs', cacheURL: null, kvStore: 'mem' });
let zero: ReturnType<typeof create> | undefined;

/** The app's Zero client, created on first use. */
export function getZero(): ReturnType<typeof create> {
  zero ??= create();
  return zero;
}
