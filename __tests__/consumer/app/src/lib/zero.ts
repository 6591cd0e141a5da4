// One local Zero per process (the server while rendering, the browser after hydration), seeded with the same rows so
// the server's HTML and the hydrated page agree.
import { Zero } from '@rocicorp/zero';
import { configureZero } from 'zero-record';
import { ActiveJob } from '$lib/models/job.active';
import { mutators } from '$lib/models/mutators';
import { schema } from '$lib/models/schema';

const zero = new Zero({ userID: 'consumer', cacheURL: null, kvStore: 'mem', schema, mutators, logLevel: 'error' });
configureZero(zero);

let seeded: Promise<void> | undefined;

export function seed(): Promise<void> {
  seeded ??= (async () => {
    await ActiveJob.create_bang({ id: 'j1', title: 'Fix the roof', priority: 2 });
    await ActiveJob.create_bang({ id: 'j2', title: 'Paint the fence', status: 'done' });
  })();
  return seeded;
}
