// A Svelte store of the number of active jobs, fed by a legacy query subscription
// (the header badge reads it through `fromStore`).
import { readable } from 'svelte/store';
import { ReactiveQuery } from '$lib/zero';
import { getZero } from '$lib/zero/client';
import type { Job } from '$lib/zero/job.generated';

export const openJobCount = readable(0, (set) => {
  const query = new ReactiveQuery<Job>(() => getZero()?.query.jobs.where('status', 'active'), [], '5m');
  const unsubscribe = query.subscribe((jobs) => set(jobs.length));
  return () => {
    unsubscribe();
    query.destroy();
  };
});
