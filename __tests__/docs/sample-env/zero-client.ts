/**
 * What doc samples import as `$lib/zero/client`: an app's Zero client module, as the legacy app has one.
 */
import { Zero } from '@rocicorp/zero';
import { recordMutators } from '../../../runtime/index.ts';
import { schema } from '../../../examples/app/src/lib/models/schema.ts';

let zero: Zero<typeof schema> | undefined;

/** The app's Zero client, created on first use. */
export function getZero(): Zero<typeof schema> {
  zero ??= new Zero({ schema, userID: 'docs', cacheURL: null, kvStore: 'mem', mutators: recordMutators });
  return zero;
}
