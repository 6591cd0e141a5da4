// Plain TS: reads become awaited ActiveRecord queries where the code is already async.
import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';
import { ActiveJob } from '$lib/models/job.active';
import { getZero } from '$lib/zero/client';
import type { Job } from '$lib/zero/job.generated';

export async function activeTitles(): Promise<string[]> {
  const query = ActiveJob.where({ status: 'active' }).order({ title: 'asc' });
  const titles = (await query).map((job) => job.title);
  return titles;
}

export async function jobTitle(id: string): Promise<string | null> {
  const one = ActiveJob.find_by({ id });
  if (!(await one)) return null;
  return (await one).title;
}

export function countNow(): number {
  const all = new ReactiveQuery<Job>(() => getZero()?.query.jobs, [], '5m');
  return all.current.length;
}
