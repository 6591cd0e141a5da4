/**
 * Models and seed rows for the runtime tests, on a real local Zero.
 */
import type { Zero } from '@rocicorp/zero';
import { ActiveRecord, defineModel, defineRelationQueries } from '../../runtime/index.ts';
import { localZero, schema, type TestSchema } from '../support/zero.ts';

/** How the models read: client-built ZQL (the legacy path), or each model's named relation query (modern Zero). */
export type ReadMode = 'client-built ZQL' | 'named queries';
export const READ_MODES: readonly ReadMode[] = ['client-built ZQL', 'named queries'];

const queries = defineRelationQueries(schema, { job: 'jobs', client: 'clients', task: 'tasks', counter: 'counters' });

export function setup(mode: ReadMode = 'client-built ZQL') {
  const z: Zero<TestSchema> = localZero();
  const named = mode === 'named queries';
  const clientConfig = defineModel({ schema, table: 'clients', zero: z, query: named ? queries.client.relation : undefined });
  const taskConfig = defineModel({ schema, table: 'tasks', zero: z, query: named ? queries.task.relation : undefined });
  const jobConfig = defineModel({
    schema,
    table: 'jobs',
    zero: z,
    query: named ? queries.job.relation : undefined,
    scopes: {
      active: (r) => r.where({ status: 'active' }),
      by_client: (r, id: string) => r.where({ client_id: id }),
      recent: (r) => r.order({ created_at: 'desc' }),
      urgent: (r) => r.where({ priority: { gte: 3 } }),
    },
    relationships: { client: () => clientConfig, tasks: () => taskConfig },
    validations: { title: [{ kind: 'presence' }, { kind: 'length', maximum: 20 }], status: [{ kind: 'inclusion', in: ['active', 'done', 'archived'], allow_nil: true }] },
  });
  const counterConfig = defineModel({ schema, table: 'counters', zero: z, query: named ? queries.counter.relation : undefined });
  // Clients with their jobs (a config of its own: Job's config already reaches clientConfig, and a cycle would erase both types).
  const clientJobsConfig = defineModel({ schema, table: 'clients', zero: z, query: named ? queries.client.relation : undefined, relationships: { jobs: () => jobConfig } });
  return {
    z,
    Job: ActiveRecord.createModel(jobConfig),
    Client: ActiveRecord.createModel(clientConfig),
    Task: ActiveRecord.createModel(taskConfig),
    Counter: ActiveRecord.createModel(counterConfig),
    ClientJobs: ActiveRecord.createModel(clientJobsConfig),
  };
}

export type Models = ReturnType<typeof setup>;

/** Five jobs covering NULLs, ties and two clients; inserted through the runtime's own writes (Zero mutators). */
export async function seed({ Job, Client, Task, Counter }: Models): Promise<void> {
  await Client.create_bang({ id: 'c1', name: 'Acme' });
  await Client.create_bang({ id: 'c2', name: 'Globex' });
  const jobs = [
    { id: 'j1', title: 'Paint', status: 'active', country: 'UK', priority: 1, client_id: 'c1', created_at: 100 },
    { id: 'j2', title: 'Wire', status: 'done', country: 'FR', priority: 3, client_id: 'c1', created_at: 300 },
    { id: 'j3', title: 'Plumb', status: 'active', country: null, priority: 5, client_id: 'c2', created_at: 200 },
    { id: 'j4', title: 'Tile', status: null, country: 'UK', priority: null, client_id: null, created_at: 500 },
    { id: 'j5', title: 'Roof', status: 'archived', country: 'DE', priority: 3, client_id: 'c2', created_at: 400 },
  ];
  for (const job of jobs) await Job.create_bang(job);
  await Task.create_bang({ id: 't2', job_id: 'j1', title: 'Second coat', position: 2 });
  await Task.create_bang({ id: 't1', job_id: 'j1', title: 'Primer', position: 1 });
  await Counter.create_bang({ id: 7, value: 1 });
}
