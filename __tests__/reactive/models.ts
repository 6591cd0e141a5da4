/**
 * Reactive models over the shared test schema, bound to a fresh local Zero per test (`useZero()`).
 */
import { afterEach, beforeEach } from 'vitest';
import type { Zero } from '@rocicorp/zero';
import { defineModel } from '../../runtime/index.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { localZero, schema, type TestSchema } from '../support/zero.ts';

type LocalZero = Zero<TestSchema>;
let current: LocalZero | undefined;

/** The Zero the models use; undefined simulates an app whose Zero is not created yet. */
export function setZero(z: LocalZero | undefined): void {
  current = z;
}

export const zero = (): LocalZero | undefined => current;

export const clientConfig = defineModel({ schema, table: 'clients', zero });
export const taskConfig = defineModel({ schema, table: 'tasks', zero });
export const jobConfig = defineModel({
  schema,
  table: 'jobs',
  zero,
  scopes: {
    active: (r) => r.where({ status: 'active' }),
    by_client: (r, id: string) => r.where({ client_id: id }),
    newest: (r) => r.order({ created_at: 'desc' }),
  },
  relationships: { client: () => clientConfig, tasks: () => taskConfig },
  validations: { title: [{ kind: 'presence' }] },
});

export const ReactiveJob = ReactiveRecord.createModel(jobConfig);
export const ReactiveClient = ReactiveRecord.createModel(clientConfig);

export const SEED_JOBS = [
  { id: 'j1', title: 'Fix the boiler', status: 'active', client_id: 'c1', created_at: 1, priority: 2 },
  { id: 'j2', title: 'Paint the fence', status: 'active', client_id: 'c2', created_at: 2, priority: 1 },
  { id: 'j3', title: 'Clean the gutters', status: 'done', client_id: 'c1', created_at: 3, priority: 3 },
  { id: 'j4', title: 'Mow the lawn', status: 'active', client_id: 'c1', created_at: 4, priority: 5 },
];

/** A fresh seeded local Zero for every test, closed afterwards. */
export function useZero(): { readonly z: LocalZero } {
  const holder = { z: undefined as unknown as LocalZero };
  beforeEach(async () => {
    holder.z = localZero();
    setZero(holder.z);
    const Client = ReactiveClient;
    await Client.upsert({ id: 'c1', name: 'Acme' });
    await Client.upsert({ id: 'c2', name: 'Globex' });
    for (const job of SEED_JOBS) await ReactiveJob.upsert(job);
  });
  afterEach(async () => {
    setZero(undefined);
    await holder.z.close();
  });
  return holder;
}
