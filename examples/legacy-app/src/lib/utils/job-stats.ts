// Dashboard numbers, computed from rows already on the client.
import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/client';
import { Job } from '$lib/zero/job.generated';
import type { Job as JobRow, JobStatus } from '$lib/zero/job.generated';
import { isOverdue } from './format';

export type StatusCounts = Record<JobStatus, number>;

export function countByStatus(jobs: readonly JobRow[]): StatusCounts {
  const counts: StatusCounts = { draft: 0, active: 0, on_hold: 0, done: 0 };
  for (const job of jobs) counts[job.status] += 1;
  return counts;
}

/** Synchronous snapshot for the CSV export and the console: reads the local rows once. */
export function snapshotStatusCounts(): StatusCounts {
  const query = new ReactiveQuery<JobRow>(() => getZero()?.query.jobs, [], '1m');
  const counts = countByStatus(query.current);
  query.destroy();
  return counts;
}

/** Active jobs past their due date, most overdue first. */
export async function loadOverdueJobs(now: number): Promise<JobRow[]> {
  const handle = Job.where({ status: 'active' });
  const rows = handle.current;
  handle.destroy();
  return rows.filter((job) => isOverdue(job, now)).sort((a, b) => (a.due_at ?? 0) - (b.due_at ?? 0));
}
