// A store class holding legacy queries: field reads happen in other modules, out of the codemod's sight.
import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/client';
import type { Job } from '$lib/zero/job.generated';

export class JobBoard {
  jobs = new ReactiveQuery<Job>(() => getZero()?.query.jobs, [], '5m');

  get count(): number {
    return this.jobs.current.length;
  }
}

export const openJobs = new ReactiveQuery<Job>(() => getZero()?.query.jobs.where('status', 'active'), [], '5m');
