// Notifies a callback whenever the number of jobs for a client changes (used by the
// "new job for this client" toast and by the console).
import { ReactiveQuery as LegacyQuery } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/client';
import type { Job } from '$lib/zero/job.generated';

export function watchClientJobCount(clientId: string, onChange: (count: number) => void): () => void {
  const query = new LegacyQuery<Job>(() => getZero()?.query.jobs.where('client_id', clientId), [], '10m');
  let last: number | undefined;
  const unsubscribe = query.subscribe((jobs, { isLoading }) => {
    if (isLoading || jobs.length === last) return;
    last = jobs.length;
    onChange(jobs.length);
  });
  return () => {
    unsubscribe();
    query.destroy();
  };
}
