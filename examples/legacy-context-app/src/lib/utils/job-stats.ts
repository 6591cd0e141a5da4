// Plain-TS helpers (also used from the browser console): they read a query once, or wait for it.
import { Job as JobModel, ReactiveQuery, getZero } from '$lib/zero';
import type { Job, JobStatus } from '$lib/zero';

export type StatusCounts = Record<JobStatus, number>;

export function countByStatus(jobs: readonly Job[]): StatusCounts {
  const counts: StatusCounts = { draft: 0, active: 0, on_hold: 0, done: 0 };
  for (const job of jobs) counts[job.status] += 1;
  return counts;
}

/** Snapshot: reads `.current` once and lets the query go. */
export function statusCountsNow(): StatusCounts {
  const jobs = JobModel.all();
  const counts = countByStatus(jobs.current);
  jobs.destroy();
  return counts;
}

/** Titles of the jobs of one client, once the query has materialized. */
export function clientJobTitles(clientId: string): Promise<string[]> {
  return new Promise((resolve) => {
    const query = new ReactiveQuery<Job>(
      () => getZero()?.query.jobs.where('client_id', clientId).orderBy('title', 'asc'),
      [],
      '1m',
    );
    let done = false;
    const stop = query.subscribe((rows, { isLoading }) => {
      if (isLoading || done) return;
      done = true;
      resolve(rows.map((r) => r.title));
      queueMicrotask(() => {
        stop();
        query.destroy();
      });
    });
  });
}
