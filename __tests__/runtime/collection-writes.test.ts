/**
 * Rails' CollectionProxy writes on a has_many as its reader returns it (`client.jobs`): `push` (`<<`), `concat`,
 * `delete`, `destroy`, `clear`, against a real local Zero. Each expectation is what ActiveRecord 6.1 answers over SQLite for the
 * same models and seed (clients c1 with jobs j1 (tasks t1, t2) and j2, c2 with j3, c3 with none; a job's title is
 * required): the answer and every table afterwards.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Zero } from '@rocicorp/zero';
import { ActiveRecord, ActiveRelation, QueryError, RecordNotDestroyedError, RecordNotFoundError, RecordNotSavedError, defineModel, type Dependent, type ModelDefinition } from '../../runtime/index.ts';
import { localZero, schema, type TestSchema } from '../support/zero.ts';

let z: Zero<TestSchema> | undefined;
afterEach(() => z?.close());

// Rails' default for a has_many is no dependent at all; for delete that is nullify, as `nullify` is.
async function setup(client: Dependent = 'nullify', job: Dependent = 'nullify') {
  z = localZero();
  const zero = z;
  const taskConfig = defineModel({ schema, table: 'tasks', zero });
  const jobConfig = defineModel({
    schema, table: 'jobs', zero, relationships: { tasks: () => taskConfig }, dependents: { tasks: job }, validations: { title: [{ kind: 'presence' }] },
  });
  const clientConfig = defineModel({ schema, table: 'clients', zero, relationships: { jobs: (): ModelDefinition => jobConfig }, dependents: { jobs: client } });
  const [Client, Job, Task] = [ActiveRecord.createModel(clientConfig), ActiveRecord.createModel(jobConfig), ActiveRecord.createModel(taskConfig)];
  await Client.create_bang([{ id: 'c1', name: 'Acme' }, { id: 'c2', name: 'Initech' }, { id: 'c3', name: 'Empty' }]);
  await Job.create_bang([{ id: 'j1', title: 'Paint', client_id: 'c1' }, { id: 'j2', title: 'Wire', client_id: 'c1' }, { id: 'j3', title: 'Tile', client_id: 'c2' }]);
  await Task.create_bang([{ id: 't1', title: 'Primer', job_id: 'j1', position: 1 }, { id: 't2', title: 'Coat', job_id: 'j1', position: 2 }]);
  const tables = async () => [await Client.order('id').ids(), await Job.order('id').pluck('id', 'client_id'), await Task.order('id').pluck('id', 'job_id')];
  /** `client.jobs` as its reader returns it (a relation, not loaded), in an object: an awaited relation would load. */
  const jobsOf = async (id: string) => {
    const { jobs } = await Client.find(id);
    if (!(jobs instanceof ActiveRelation)) throw new Error('expected the reader, not a loaded array');
    return { jobs };
  };
  return { Client, Job, jobsOf, tables };
}

const tasks = [['t1', 'j1'], ['t2', 'j1']];

describe("push / concat (Rails' <<)", () => {
  test("set the record's key to the owner's and save it", async () => {
    const { Job, jobsOf, tables } = await setup();
    expect(await (await jobsOf('c3')).jobs.push(await Job.find('j3'))).toBe(true);
    expect(await tables()).toEqual([['c1', 'c2', 'c3'], [['j1', 'c1'], ['j2', 'c1'], ['j3', 'c3']], tasks]);
    expect(await (await jobsOf('c3')).jobs.concat([await Job.find('j1')])).toBe(true);
    expect(await (await jobsOf('c3')).jobs.order('id').ids()).toEqual(['j1', 'j3']);
  });

  test('an invalid record saves none of them (Rails rolls its transaction back) and keeps its errors', async () => {
    const { Job, jobsOf, tables } = await setup();
    const [a, bad, b] = [await Job.find('j1'), await Job.find('j2'), await Job.find('j3')];
    bad.title = '';
    expect(await (await jobsOf('c3')).jobs.push(a, bad, b)).toBe(false);
    expect([bad.errors.full_messages(), bad.client_id]).toEqual([["Title can't be blank"], 'c3']);
    expect(await tables()).toEqual([['c1', 'c2', 'c3'], [['j1', 'c1'], ['j2', 'c1'], ['j3', 'c2']], tasks]);
  });

  test('a record of another model, an unsaved owner, or a refined relation is refused, and nothing is written', async () => {
    const { Client, Job, jobsOf, tables } = await setup();
    const before = await tables();
    const client = await Client.find('c2');
    await expect((await jobsOf('c1')).jobs.push(client as never)).rejects.toThrow(
      new QueryError('Client#jobs.push: Job expected, got {"id":"c2","name":"Initech"} which is an instance of Client'),
    );
    // Rails keeps them until the owner is saved, which nothing here would do.
    const owner = Client.new({ id: 'c9', name: 'New' });
    const jobs = owner.jobs;
    if (!(jobs instanceof ActiveRelation)) throw new Error('expected the reader');
    await expect(jobs.push(await Job.find('j3'))).rejects.toThrow(RecordNotSavedError);
    await expect((await jobsOf('c1')).jobs.where({ title: 'Paint' }).push(await Job.find('j3'))).rejects.toThrow(
      /^Job\.push: only a has_many as its reader returns it \(client\.jobs\) has push/,
    );
    await expect(Job.where({ id: 'j1' }).delete('j1')).rejects.toThrow(QueryError);
    expect(await tables()).toEqual(before);
  });
});

describe('delete', () => {
  test("nullifies the key by default, only where the record is in the collection; the record's own value stays as read", async () => {
    const { Job, jobsOf, tables } = await setup();
    const j2 = await Job.find('j2');
    expect((await (await jobsOf('c1')).jobs.delete(j2)).map((j) => j.id)).toEqual(['j2']);
    expect(j2.client_id).toBe('c1');
    expect(await tables()).toEqual([['c1', 'c2', 'c3'], [['j1', 'c1'], ['j2', null], ['j3', 'c2']], tasks]);
    // Another client's job is answered, and left as it is.
    expect((await (await jobsOf('c1')).jobs.delete(await Job.find('j3'))).map((j) => j.id)).toEqual(['j3']);
    expect((await (await jobsOf('c1')).jobs.delete('j1')).map((j) => j.id)).toEqual(['j1']);
    expect(await tables()).toEqual([['c1', 'c2', 'c3'], [['j1', null], ['j2', null], ['j3', 'c2']], tasks]);
    // A key not in the collection: Rails' RecordNotFound.
    await expect((await jobsOf('c1')).jobs.delete('j3')).rejects.toThrow(RecordNotFoundError);
  });

  test('destroys under dependent: :destroy (its own dependents too), deletes under :delete_all', async () => {
    const destroying = await setup('destroy', 'destroy');
    const [j1] = await (await destroying.jobsOf('c1')).jobs.delete(await destroying.Job.find('j1'));
    expect([j1!.id, j1!.destroyed_p()]).toEqual(['j1', true]);
    expect(await destroying.tables()).toEqual([['c1', 'c2', 'c3'], [['j2', 'c1'], ['j3', 'c2']], []]);
    z!.close();
    const deleting = await setup('delete_all', 'destroy');
    expect((await (await deleting.jobsOf('c1')).jobs.delete(await deleting.Job.find('j1'))).map((j) => j.id)).toEqual(['j1']);
    expect(await deleting.tables()).toEqual([['c1', 'c2', 'c3'], [['j2', 'c1'], ['j3', 'c2']], tasks]);
  });
});

describe('refusals and repeats, as ActiveRecord answers them', () => {
  test("a destroy a dependent refuses raises RecordNotDestroyedError (Rails' destroy!), through destroy and through delete under dependent: :destroy", async () => {
    const { jobsOf, tables } = await setup('destroy', 'restrict_with_error');
    const before = await tables();
    await expect((await jobsOf('c1')).jobs.destroy('j1')).rejects.toThrow(RecordNotDestroyedError);
    await expect((await jobsOf('c1')).jobs.delete('j1')).rejects.toThrow(RecordNotDestroyedError);
    expect(await tables()).toEqual(before);
  });

  test('a key or record given twice acts once (Rails: [j2])', async () => {
    const { Job, jobsOf, tables } = await setup();
    expect((await (await jobsOf('c1')).jobs.delete('j2', 'j2')).map((j) => j.id)).toEqual(['j2']);
    const j3 = await Job.find('j3');
    expect((await (await jobsOf('c1')).jobs.destroy(j3, [j3])).map((j) => j.id)).toEqual(['j3']);
    expect(await tables()).toEqual([['c1', 'c2', 'c3'], [['j1', 'c1'], ['j2', null]], tasks]);
  });

  test('a scope or enum value named push (or clear) is that scope on the collection, as in Rails (not a reserved name)', async () => {
    z = localZero();
    const jobConfig = defineModel({
      schema, table: 'jobs', zero: z, scopes: { push: (r) => r.where({ status: 'push' }), clear: (r) => r.where({ status: 'clear' }) }, enums: { country: { values: { concat: 'CC', uk: 'UK' } } },
    });
    const clientConfig = defineModel({ schema, table: 'clients', zero: z, relationships: { jobs: (): ModelDefinition => jobConfig } });
    const [Client, Job] = [ActiveRecord.createModel(clientConfig), ActiveRecord.createModel(jobConfig)];
    await Client.create_bang({ id: 'c1', name: 'Acme' });
    await Job.create_bang([{ id: 'j1', title: 'a', client_id: 'c1', status: 'push' }, { id: 'j2', title: 'b', client_id: 'c1', country: 'uk' }]);
    const { jobs } = await Client.find('c1');
    if (!(jobs instanceof ActiveRelation)) throw new Error('expected the reader');
    // An association's relation is not typed with its model's scopes (the associated config's type is erased).
    expect(await (jobs as unknown as { push(): ActiveRelation<{ id: string }> }).push().ids()).toEqual(['j1']);
    expect(await (jobs as unknown as { clear(): ActiveRelation<{ id: string }> }).clear().ids()).toEqual([]);
    expect(await Job.concat().ids()).toEqual([]);
  });
});

describe('destroy', () => {
  test('destroys the records given, by key in the collection or as records (another owner\'s too, as Rails does)', async () => {
    const { Job, jobsOf, tables } = await setup();
    const [j2] = await (await jobsOf('c1')).jobs.destroy('j2');
    expect([j2!.id, j2!.destroyed_p()]).toEqual(['j2', true]);
    expect(await tables()).toEqual([['c1', 'c2', 'c3'], [['j1', 'c1'], ['j3', 'c2']], tasks]);
    expect((await (await jobsOf('c1')).jobs.destroy(await Job.find('j3'))).map((j) => j.id)).toEqual(['j3']);
    expect(await tables()).toEqual([['c1', 'c2', 'c3'], [['j1', 'c1']], tasks]);
  });
});

describe('clear', () => {
  test("is the collection's delete_all: the keys set to NULL by default, the rows deleted under dependent: :destroy (without their own dependents) or :delete_all", async () => {
    const nullifying = await setup();
    expect(await (await nullifying.jobsOf('c1')).jobs.clear()).toBeUndefined();
    expect(await nullifying.tables()).toEqual([['c1', 'c2', 'c3'], [['j1', null], ['j2', null], ['j3', 'c2']], tasks]);
    z!.close();
    for (const dependent of ['destroy', 'delete_all'] as const) {
      const deleting = await setup(dependent, 'destroy');
      await (await deleting.jobsOf('c1')).jobs.clear();
      expect([dependent, await deleting.tables()]).toEqual([dependent, [['c1', 'c2', 'c3'], [['j3', 'c2']], tasks]]);
      z!.close();
    }
  });

  test('is refused on any other relation, as Rails has it on the CollectionProxy alone', async () => {
    const { Job, jobsOf, tables } = await setup();
    const before = await tables();
    await expect((await jobsOf('c1')).jobs.where({ title: 'Paint' }).clear()).rejects.toThrow(/^Job\.clear: only a has_many as its reader returns it \(client\.jobs\) has clear/);
    await expect(Job.where({ id: 'j1' }).clear()).rejects.toThrow(QueryError);
    expect(await tables()).toEqual(before);
  });
});
