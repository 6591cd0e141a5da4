/**
 * Joins in the reactive flavour: live collections of a merged relation, of a left join and of an includes filtered by
 * conditions on its table follow the joined rows as they change (the relation algebra is the core's; the answers here
 * are what Rails gives for the same rows, see __tests__/runtime/joins.test.ts and the differential tier).
 */
import { describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { defineModel } from '../../runtime/index.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { schema } from '../support/zero.ts';
import { jobConfig, ReactiveJob, zero, useZero } from './models.ts';
import { settle, watch } from './effects.svelte.ts';

useZero();

// Seed: c1 has j1 (active), j3 (done), j4 (active); c2 has j2 (active).
const ClientWithJobs = ReactiveRecord.createModel(defineModel({ schema, table: 'clients', zero, relationships: { jobs: () => jobConfig } }));

describe('joins, reactive', () => {
  test("merge of the joined model's relation: the clients follow their jobs' rows", async () => {
    const { seen, stop } = watch(() => ClientWithJobs.joins('jobs').merge(ReactiveJob.where({ status: 'done' })).map((c) => c.id));
    expect(seen.at(-1)).toEqual(['c1']);
    await ReactiveJob.update('j2', { status: 'done' });
    flushSync();
    expect(seen.at(-1)).toEqual(['c1', 'c2']);
    stop();
    await settle();
  });

  test('includes with a condition on its table loads only the rows it holds for, live', async () => {
    const clients = ClientWithJobs.includes('jobs').where({ jobs: { status: 'done' } }).order('id');
    const { seen, stop } = watch(() => clients.map((c) => [c.id, (c.jobs as unknown as { id: string }[]).map((j) => j.id)]));
    expect(seen.at(-1)).toEqual([['c1', ['j3']]]);
    await ReactiveJob.update('j4', { status: 'done' });
    flushSync();
    expect(seen.at(-1)).toEqual([['c1', ['j3', 'j4']]]);
    stop();
    await settle();
  });

  test('left_joins: the rows without one, as they lose it', async () => {
    const { seen, stop } = watch(() => ReactiveJob.left_joins('client').where({ clients: { id: null } }).map((j) => j.id));
    expect(seen.at(-1)).toEqual([]);
    await ReactiveJob.update('j2', { client_id: null });
    flushSync();
    expect(seen.at(-1)).toEqual(['j2']);
    stop();
    await settle();
  });
});
