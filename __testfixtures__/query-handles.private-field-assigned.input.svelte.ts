// A #private field given its query in the constructor: only a field's initializer is migrated, and the report says so.
import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/client';
import type { Job } from '$lib/zero/job.generated';

export class JobBoard {
  #jobs: ReactiveQuery<Job>;

  constructor(status: string) {
    this.#jobs = new ReactiveQuery<Job>(() => getZero()?.query.jobs.where('status', status), [], '5m');
  }

  get count(): number {
    return this.#jobs.current.length;
  }
}
