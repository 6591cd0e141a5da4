// Svelte-store bridge for the few places (the header, the old reports page) still on $store syntax.
import { readable, type Readable } from 'svelte/store';
import { ReactiveQuery as RQ, getZero } from '$lib/zero';
import type { Job, JobStatus } from '$lib/zero';

export type JobsState = { jobs: Job[]; loading: boolean; error: Error | null };

export function jobsByStatus(status: JobStatus): Readable<JobsState> {
  return readable<JobsState>({ jobs: [], loading: true, error: null }, (set) => {
    const q = new RQ<Job>(() => getZero()?.query.jobs.where('status', status), [], '1h');
    const unsubscribe = q.subscribe((jobs, { isLoading, error }) => set({ jobs, loading: isLoading, error }));
    return () => {
      unsubscribe();
      q.destroy();
    };
  });
}

// count only; reuses the same query shape
export const overdueCount = readable(0, (set) => {
  const now = Date.now();
  let query: RQ<Job> | null = new RQ<Job>(
    () => getZero()?.query.jobs.where('due_at', '<', now).where('status', '!=', 'done'),
    [],
    '1h',
  );
  const stop = query.subscribe((rows) => set(rows.length));
  return () => {
    stop();
    query?.destroy();
    query = null;
  };
});
