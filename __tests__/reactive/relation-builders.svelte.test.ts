/**
 * Records made through a reactive relation: `new` / `create` on a relation or a has_many collection start with the
 * columns it pins (as __tests__/runtime/relation-builders.test.ts shows for ActiveRecord), and the live collection the
 * builder came from shows the created record.
 */
import { describe, expect, test } from 'vitest';
import { defineModel, type ModelDefinition } from '../../runtime/index.ts';
import { ReactiveRecord, ReactiveRelation } from '../../runtime/reactive/index.svelte.ts';
import { schema } from '../support/zero.ts';
import { ReactiveJob, jobConfig, useZero, zero } from './models.ts';
import { watch } from './effects.svelte.ts';
import { waitUntil } from '../support/wait.ts';

useZero();

const ReactiveClient = ReactiveRecord.createModel(defineModel({ schema, table: 'clients', zero, relationships: { jobs: (): ModelDefinition => jobConfig } }));

describe("a reactive record's destroy applies dependent:", () => {
  test('nullify sets the jobs\' key to NULL and the live collection follows; restrict_with_error answers false with the error', async () => {
    const Nullifying = ReactiveRecord.createModel(defineModel({ schema, table: 'clients', zero, relationships: { jobs: (): ModelDefinition => jobConfig }, dependents: { jobs: 'nullify' } }));
    const Restricting = ReactiveRecord.createModel(defineModel({ schema, table: 'clients', zero, relationships: { jobs: (): ModelDefinition => jobConfig }, dependents: { jobs: 'restrict_with_error' } }));
    const orphans = ReactiveJob.where({ client_id: null }).order('id');
    const view = watch(() => orphans.map((job) => job.id));
    const kept = Restricting.find('c2');
    await waitUntil('the client to load', () => kept.$found);
    expect(await kept.destroy()).toBe(false);
    expect(kept.errors.full_messages()).toEqual(['Cannot delete record because dependent jobs exist']);
    const c1 = Nullifying.find('c1');
    await waitUntil('the client to load', () => c1.$found);
    await c1.destroy();
    await waitUntil('the jobs without a client', () => expect(view.last()).toEqual(['j1', 'j3', 'j4']));
    view.stop();
  });
});

describe('reactive relation builders', () => {
  test('relation.new pins its columns; client.jobs.create sets the key, and the live collection shows the job', async () => {
    const draft = ReactiveJob.where({ status: 'done', client_id: 'c2' }).new({ title: 'Sweep' });
    expect([draft.new_record_p(), draft.status, draft.client_id, draft.title]).toEqual([true, 'done', 'c2', 'Sweep']);

    const client = ReactiveClient.find('c2');
    await waitUntil('the client to load', () => client.$found);
    const jobs = client.jobs;
    // Without includes the association is a live relation (loaded with includes, the records).
    if (!(jobs instanceof ReactiveRelation)) throw new Error('client.jobs was loaded');
    const view = watch(() => jobs.map((job) => job.id).sort());
    await waitUntil("the client's jobs", () => expect(view.last()).toEqual(['j2']));
    const created = await jobs.create({ id: 'j9', title: 'Sweep' });
    expect([created.persisted_p(), created.client_id]).toEqual([true, 'c2']);
    await waitUntil('the new job in the collection', () => expect(view.last()).toEqual(['j2', 'j9']));
    view.stop();
  });

  test('first_or_create hands back the first record or creates one through the relation; first_or_initialize does not save', async () => {
    const first = await ReactiveJob.where({ client_id: 'c1' }).first_or_create({ title: 'unused' });
    expect([first.id, first.persisted_p()]).toEqual(['j1', true]);
    const made = await ReactiveJob.where({ status: 'archived', client_id: 'c2' }).first_or_create({ id: 'j8', title: 'Sweep' });
    expect([made.persisted_p(), made.status, made.client_id]).toEqual([true, 'archived', 'c2']);
    const fresh = await ReactiveJob.where({ status: 'draft' }).first_or_initialize({ id: 'j7', title: 'Mop' });
    expect([fresh.new_record_p(), fresh.status]).toEqual([true, 'draft']);
  });
});
