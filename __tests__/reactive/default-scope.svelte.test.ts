/**
 * Rails' `default_scope` in the reactive flavour: live collections, live finds and association readers read through it,
 * and a row that leaves it (archived here) leaves the live collection; `unscoped()` sees every row.
 */
import { describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { defineModel } from '../../runtime/index.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { schema } from '../support/zero.ts';
import { ReactiveJob, zero, useZero } from './models.ts';
import { settle, watch } from './effects.svelte.ts';

useZero();

// Done jobs hidden, newest first; the clients' jobs through the same model.
const shownJobConfig = defineModel({ schema, table: 'jobs', zero, defaultScope: (r) => r.not({ status: 'done' }).order({ created_at: 'desc' }) });
const ShownJob = ReactiveRecord.createModel(shownJobConfig);
const ClientWithJobs = ReactiveRecord.createModel(defineModel({ schema, table: 'clients', zero, relationships: { jobs: () => shownJobConfig } }));

describe('default scope, reactive', () => {
  test('a live collection reads through it and follows a row that leaves it', async () => {
    const { seen, stop } = watch(() => ShownJob.all().map((j) => j.id));
    expect(seen.at(-1)).toEqual(['j4', 'j2', 'j1']);
    await ReactiveJob.update('j4', { status: 'done' });
    flushSync();
    expect(seen.at(-1)).toEqual(['j2', 'j1']);
    stop();
    await settle();
  });

  test('find reads through it (a hidden row is not found); unscoped() reads every row', async () => {
    const hidden = ShownJob.find('j3');
    const all = ShownJob.unscoped().find('j3');
    const { seen, stop } = watch(() => [hidden.$found, all.title]);
    expect(seen.at(-1)).toEqual([false, 'Clean the gutters']);
    stop();
    await settle();
  });

  test("an association reader takes the associated model's default scope", async () => {
    const client = ClientWithJobs.find('c1');
    const { seen, stop } = watch(() => client.jobs.map((j) => j.id));
    expect(seen.at(-1)).toEqual(['j4', 'j1']);
    stop();
    await settle();
  });
});
