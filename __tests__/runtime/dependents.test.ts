/**
 * Rails' `dependent:` on has_many, applied by `destroy` in both flavours' shared persistence, against a real local Zero.
 * Each row of the table is what ActiveRecord 6.1 answers over SQLite for the same models and seed (clients c1 with jobs
 * j1 (tasks t1, t2) and j2, c2 with j3, c3 with none): the destroy's answer and every table afterwards.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { Zero, createSchema, relationships, string, table } from '@rocicorp/zero';
import {
  ActiveRecord, ActiveRelation, ConfigError, DeleteRestrictionError, RecordNotDestroyedError, ZeroRecordError, defineModel, recordMutators, type Dependent, type ModelDefinition,
} from '../../runtime/index.ts';
import { ReactiveRecord, ReactiveRelation } from '../../runtime/reactive/index.svelte.ts';
import { localZero, schema, type TestSchema } from '../support/zero.ts';
import { waitUntil } from '../support/wait.ts';

let z: Zero<TestSchema> | undefined;
afterEach(() => z?.close());

async function setup(client: Dependent, job: Dependent) {
  z = localZero();
  const zero = z;
  const taskConfig = defineModel({ schema, table: 'tasks', zero });
  const jobConfig = defineModel({ schema, table: 'jobs', zero, relationships: { tasks: () => taskConfig }, dependents: { tasks: job } });
  const clientConfig = defineModel({ schema, table: 'clients', zero, relationships: { jobs: (): ModelDefinition => jobConfig }, dependents: { jobs: client } });
  const [Client, Job, Task] = [ActiveRecord.createModel(clientConfig), ActiveRecord.createModel(jobConfig), ActiveRecord.createModel(taskConfig)];
  await Client.create_bang([{ id: 'c1', name: 'Acme' }, { id: 'c2', name: 'Initech' }, { id: 'c3', name: 'Empty' }]);
  await Job.create_bang([{ id: 'j1', title: 'Paint', client_id: 'c1' }, { id: 'j2', title: 'Wire', client_id: 'c1' }, { id: 'j3', title: 'Tile', client_id: 'c2' }]);
  await Task.create_bang([{ id: 't1', title: 'Primer', job_id: 'j1', position: 1 }, { id: 't2', title: 'Coat', job_id: 'j1', position: 2 }]);
  const tables = async () => [await Client.order('id').ids(), await Job.order('id').pluck('id', 'client_id'), await Task.order('id').pluck('id', 'job_id')];
  return { Client, Job, tables, clientConfig };
}

const untouched = [['c1', 'c2', 'c3'], [['j1', 'c1'], ['j2', 'c1'], ['j3', 'c2']], [['t1', 'j1'], ['t2', 'j1']]];

describe("destroy applies dependent:, as ActiveRecord's destroy does", () => {
  const cases: [Dependent, Dependent, unknown, unknown[]][] = [
    ['destroy', 'destroy', 'destroyed', [['c2', 'c3'], [['j3', 'c2']], []]],
    ['delete_all', 'destroy', 'destroyed', [['c2', 'c3'], [['j3', 'c2']], [['t1', 'j1'], ['t2', 'j1']]]],
    ['nullify', 'destroy', 'destroyed', [['c2', 'c3'], [['j1', null], ['j2', null], ['j3', 'c2']], [['t1', 'j1'], ['t2', 'j1']]]],
    ['restrict_with_exception', 'destroy', ['DeleteRestrictionError', 'Cannot delete record because of dependent jobs'], untouched],
    ['restrict_with_error', 'destroy', [false, ['Cannot delete record because dependent jobs exist']], untouched],
    // A restriction two levels down refuses the whole destroy before anything is written (Rails rolls it back).
    ['destroy', 'restrict_with_exception', ['DeleteRestrictionError', 'Cannot delete record because of dependent tasks'], untouched],
    ['destroy', 'restrict_with_error', [false, []], untouched],
  ];
  test.each(cases)('jobs: %s, tasks: %s', async (client, job, answer, after) => {
    const { Client, tables } = await setup(client, job);
    const record = await Client.find('c1');
    const result = await record.destroy().then(
      (value) => (value === false ? [false, record.errors.full_messages()] : value.destroyed_p() ? 'destroyed' : value),
      (error: Error) => [error.name, error.message],
    );
    expect(result).toEqual(answer);
    expect(await tables()).toEqual(after);
  });

  test('destroy_bang raises RecordNotDestroyedError where destroy answers false; a record with no dependent rows is destroyed', async () => {
    const { Client, tables } = await setup('restrict_with_error', 'destroy');
    // Rails 7.1+ names the record (6.1: Failed to destroy the record).
    await expect((await Client.find('c1')).destroy_bang()).rejects.toThrow(new RecordNotDestroyedError('Client', 'Failed to destroy Client with id=c1'));
    // Rails' Model.destroy(id) answers false there; here the record comes back, not destroyed, with its errors.
    const refused = await Client.destroy('c2');
    expect([refused.destroyed_p(), refused.errors.full_messages()]).toEqual([false, ['Cannot delete record because dependent jobs exist']]);
    expect((await Client.destroy('c3')).destroyed_p()).toBe(true);
    expect((await tables())[0]).toEqual(['c1', 'c2']);
  });

  test("destroy_bang names the record refused, as Rails' destroy! re-raises its dependents' refusal", async () => {
    const { Client, tables } = await setup('destroy', 'restrict_with_error');
    await expect((await Client.find('c1')).destroy_bang()).rejects.toThrow(new RecordNotDestroyedError('Job', 'Failed to destroy Job with id=j1'));
    expect(await tables()).toEqual(untouched);
  });

  test("a refusal adds to the errors already there, as Rails' errors.add", async () => {
    const { Client } = await setup('restrict_with_error', 'destroy');
    const client = await Client.find('c1');
    await client.destroy();
    await client.destroy();
    expect(client.errors.full_messages()).toEqual(['Cannot delete record because dependent jobs exist', 'Cannot delete record because dependent jobs exist']);
    // Ruby (has_many :job_items): {:base=>[{:error=>:"restrict_dependent_destroy.has_many", :record=>"job items"}]}
    expect(client.errors.details().base).toEqual([1, 2].map(() => ({ error: 'restrict_dependent_destroy.has_many', record: 'jobs' })));
  });

  test('nullify into a required key is refused before anything is written (Rails: NotNullViolation, rolled back)', async () => {
    const { Client, tables } = await setup('destroy', 'nullify'); // tasks.job_id is not .optional()
    const error = await (await Client.find('c1')).destroy().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZeroRecordError);
    expect((error as Error).message).toBe('Job#destroy: dependent: :nullify cannot set Task.job_id to NULL: the column is required (Rails: NotNullViolation); nothing was written');
    expect(await tables()).toEqual(untouched);
  });

  test('a cycle of dependent: :destroy is an error before any write (Rails: stack level too deep, rolled back)', async () => {
    z = localZero();
    const nodes = table('nodes').columns({ id: string(), parent_id: string().optional() }).primaryKey('id');
    const nodeRelationships = relationships(nodes, ({ many }) => ({ children: many({ sourceField: ['id'], destField: ['parent_id'], destSchema: nodes }) }));
    const graph = createSchema({ tables: [nodes], relationships: [nodeRelationships] });
    const zero = new Zero({ userID: 'u', storageKey: `nodes-${Math.random()}`, cacheURL: null, kvStore: 'mem', schema: graph, mutators: recordMutators, logLevel: 'error' });
    try {
      const nodeConfig = defineModel({ schema: graph, table: 'nodes', zero, relationships: { children: (): ModelDefinition => nodeConfig }, dependents: { children: 'destroy' } });
      const Node = ActiveRecord.createModel(nodeConfig);
      await Node.create_bang([{ id: 'n1', parent_id: 'n2' }, { id: 'n2', parent_id: 'n1' }, { id: 'n3', parent_id: 'n2' }]);
      await expect((await Node.find('n1')).destroy()).rejects.toThrow("Node#destroy: dependent: :destroy reaches Node id=n1 again (a cycle); nothing was written");
      expect(await Node.order('id').ids()).toEqual(['n1', 'n2', 'n3']);
      await (await Node.find('n3')).destroy(); // no children: destroyed
      expect(await Node.order('id').ids()).toEqual(['n1', 'n2']);
    } finally {
      await zero.close();
    }
  });

  test('a has_one acts on its one row, as Rails loads it (LIMIT 1)', async () => {
    z = localZero();
    const owners = table('owners').columns({ id: string() }).primaryKey('id');
    const profiles = table('profiles').columns({ id: string(), owner_id: string().optional() }).primaryKey('id');
    const ownerRelationships = relationships(owners, ({ one }) => ({ profile: one({ sourceField: ['id'], destField: ['owner_id'], destSchema: profiles }) }));
    const people = createSchema({ tables: [owners, profiles], relationships: [ownerRelationships] });
    const zero = new Zero({ userID: 'u', storageKey: `owners-${Math.random()}`, cacheURL: null, kvStore: 'mem', schema: people, mutators: recordMutators, logLevel: 'error' });
    try {
      const profileConfig = defineModel({ schema: people, table: 'profiles', zero });
      const Profile = ActiveRecord.createModel(profileConfig);
      for (const [dependent, left] of [['destroy', ['p2']], ['delete', ['p2']], ['nullify', [['p1', null], ['p2', 'o1']]]] as const) {
        const Owner = ActiveRecord.createModel(defineModel({ schema: people, table: 'owners', zero, relationships: { profile: () => profileConfig }, dependents: { profile: dependent } }));
        await Owner.create_bang({ id: 'o1' });
        await Profile.create_bang([{ id: 'p1', owner_id: 'o1' }, { id: 'p2', owner_id: 'o1' }]);
        await (await Owner.find('o1')).destroy();
        expect(dependent === 'nullify' ? await Profile.order('id').pluck('id', 'owner_id') : await Profile.order('id').ids()).toEqual(left);
        await Profile.delete_all();
      }
    } finally {
      await zero.close();
    }
  });

  test('a dependent names a relationship of the model and one of Rails options', () => {
    const taskConfig = defineModel({ schema, table: 'tasks' });
    expect(() => defineModel({ schema, table: 'jobs', dependents: { tasks: 'destroy' } })).toThrow(ConfigError);
    expect(() => defineModel({ schema, table: 'jobs', relationships: { tasks: () => taskConfig }, dependents: { tasks: 'cascade' as Dependent } })).toThrow(
      /dependent 'cascade' for 'tasks': expected one of destroy, delete_all, delete, nullify, restrict_with_exception, restrict_with_error/,
    );
    expect(DeleteRestrictionError.name).toBe('DeleteRestrictionError');
    const clientConfig = defineModel({ schema, table: 'clients' });
    expect(() => defineModel({ schema, table: 'jobs', relationships: { client: () => clientConfig }, dependents: { client: 'destroy' } })).toThrow(
      /dependent for 'client': a belongs_to \(its key is on this table\); dependents are applied on has_many and has_one/,
    );
    expect(() => defineModel({ schema, table: 'jobs', relationships: { tasks: () => taskConfig }, dependents: { tasks: 'delete' } })).toThrow(
      /dependent 'delete' for 'tasks': a has_many takes delete_all/,
    );
  });
});

// Each answer is ActiveRecord 6.1's over SQLite (CollectionProxy#delete_all): `client.jobs.delete_all` with each
// dependent: option, then a relation derived from the association, then a required key.
/** A has_many read without includes: its relation (the reader's type also allows the array includes loads). */
function relation<T extends object>(association: ActiveRelation<T> | readonly T[]): ActiveRelation<T> {
  if (!(association instanceof ActiveRelation)) throw new TypeError('the association is loaded (an array), not a relation');
  return association;
}

describe("a has_many's delete_all follows its dependent: (Rails' CollectionProxy), any other relation's deletes", () => {
  const cases: [Dependent, unknown[]][] = [
    ['destroy', []],
    ['delete_all', []],
    ['nullify', [['j1', null], ['j2', null], ['j3', 'c2']]],
    ['restrict_with_error', [['j1', null], ['j2', null], ['j3', 'c2']]],
    ['restrict_with_exception', [['j1', null], ['j2', null], ['j3', 'c2']]],
  ];
  test.each(cases)('dependent: %s', async (dependent, jobs) => {
    const { Client, tables } = await setup(dependent, 'destroy');
    expect(await relation((await Client.find('c1')).jobs).delete_all()).toBe(2);
    expect(await tables()).toEqual([['c1', 'c2', 'c3'], jobs.length === 0 ? [['j3', 'c2']] : jobs, untouched[2]]);
  });

  test.each(cases)("the reactive flavour's live collection, dependent: %s", async (dependent, jobs) => {
    const { clientConfig, tables } = await setup(dependent, 'destroy');
    const client = ReactiveRecord.createModel(clientConfig).find('c1');
    await waitUntil('the client to load', () => client.$found);
    const collection = client.jobs;
    if (!(collection instanceof ReactiveRelation)) throw new TypeError('the association is loaded (an array), not a relation');
    expect(await collection.delete_all()).toBe(2);
    expect(await tables()).toEqual([['c1', 'c2', 'c3'], jobs.length === 0 ? [['j3', 'c2']] : jobs, untouched[2]]);
  });

  test("a relation built on the association deletes its rows, as Rails' Relation#delete_all does", async () => {
    const { Client, tables } = await setup('nullify', 'destroy');
    expect(await relation((await Client.find('c1')).jobs).where({ title: 'Paint' }).delete_all()).toBe(1);
    expect((await tables())[1]).toEqual([['j2', 'c1'], ['j3', 'c2']]);
  });

  test('nullifying a required key is refused before anything is written (Rails: NotNullViolation)', async () => {
    const { Job, tables } = await setup('nullify', 'nullify'); // tasks.job_id is not .optional()
    await expect(relation((await Job.find('j1')).tasks).delete_all()).rejects.toThrow(/Job#tasks\.delete_all cannot set Task\.job_id to NULL: the column is required \(Rails: NotNullViolation\); nothing was written/);
    expect(await tables()).toEqual(untouched);
  });
});
