// Hand-written additions to the generated Job model. The generator overwrites job.generated.ts,
// so anything we need beyond find/all/where goes here. Keep it small!
import { ReactiveQuery, ReactiveQueryOne } from '../reactive-query.svelte';
import { getZero } from '../client';
import * as generated from './job.generated';
import type { Client } from './client.generated';
import type { Task } from './task.generated';
import type { User } from './user.generated';

export type Job = generated.Job;

export type JobWith<R extends string> = Job &
  ('client' extends R ? { client?: Client } : {}) &
  ('assignee' extends R ? { assignee?: User } : {}) &
  ('tasks' extends R ? { tasks: Task[] } : {});

type Relationship = 'client' | 'assignee' | 'tasks';

// TODO(marco): ttl should come from config, 5m is what Sam picked for the board
const TTL = '5m';

function findProgressive(jobId: string) {
  // job first (cheap, usually already synced), tasks second. Both are live.
  const job = new ReactiveQueryOne<Job>(() => getZero()?.query.jobs.where('id', jobId).one(), null, TTL);
  const tasks = new ReactiveQuery<Task>(
    () => getZero()?.query.tasks.where('job_id', jobId).orderBy('position', 'asc'),
    [],
    TTL,
  );
  return {
    job,
    tasks,
    destroy() {
      job.destroy();
      tasks.destroy();
    },
  };
}

function includes<R extends Relationship>(...relationships: R[]) {
  const build = () => {
    let q = getZero()?.query.jobs;
    if (!q) return null;
    for (const rel of relationships) {
      q = q.related(rel as 'client') as unknown as typeof q;
    }
    return q;
  };
  return {
    all: () => new ReactiveQuery<JobWith<R>>(() => build() as never, [], TTL),
    find: (id: string) => new ReactiveQueryOne<JobWith<R>>(() => build()?.where('id', id).one() as never, null, TTL),
  };
}

/** "Active" in the business sense: not done, not a draft. */
function open(limit = 50) {
  return new ReactiveQuery<Job>(
    () =>
      getZero()
        ?.query.jobs.where('status', 'IN', ['active', 'on_hold'])
        .orderBy('priority', 'desc')
        .limit(limit),
    [],
    '2h',
  );
}

// Mutates the generated object in place so `Job.findProgressive` works everywhere, even for code
// that imports from job.generated directly (types only know about it through this module though).
export const Job = Object.assign(generated.Job, { findProgressive, includes, open });
