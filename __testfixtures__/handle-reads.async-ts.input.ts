// Plain TS: reads become awaited ActiveRecord queries where the code is already async.
import { ReactiveQuery, ReactiveQueryOne } from '$lib/zero/reactive-query.svelte';
import { getZero } from '$lib/zero/client';
import type { Job } from '$lib/zero/job.generated';

export async function activeTitles(): Promise<string[]> {
  const query = new ReactiveQuery<Job>(() => getZero()?.query.jobs.where('status', 'active').orderBy('title', 'asc'), [], '5m');
  const titles = query.current.map((job) => job.title);
  query.destroy();
  return titles;
}

export async function jobTitle(id: string): Promise<string | null> {
  const one = new ReactiveQueryOne<Job>(() => getZero()?.query.jobs.where('id', id).one(), null, '5m');
  if (!one.current) return null;
  return one.current.title;
}

export function countNow(): number {
  const all = new ReactiveQuery<Job>(() => getZero()?.query.jobs, [], '5m');
  return all.current.length;
}
