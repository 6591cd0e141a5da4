/**
 * Rails' belongs_to `counter_cache:` on a real local Zero, through each write path: the runtime's generic mutators,
 * a model's own (`defineModelMutators`), and Zero's legacy CRUD mutators. Each answer is ActiveRecord 6.1's over SQLite
 * for the same models: `Job belongs_to :client, counter_cache: true, optional: true` (and `belongs_to :owner` counting
 * in owners.jobs_count where a test says), `Client has_many :jobs` (and `:counted_jobs`, of the same class),
 * clients.jobs_count starting at 2 and 1, owners.jobs_count at 3.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { Zero, createSchema, number, relationships, string, table, type AnyMutatorRegistry } from '@rocicorp/zero';
import {
  ActiveRecord,
  ActiveRelation,
  ConfigError,
  MissingAttributeError,
  MutationError,
  defineModel,
  defineModelMutators,
  recordMutators,
  type Dependent,
  type ModelConfig,
  type ModelDefinition,
} from '../../runtime/index.ts';
import { ReactiveRecord, ReactiveRelation } from '../../runtime/reactive/index.svelte.ts';
import { waitUntil } from '../support/wait.ts';

const clients = table('clients')
  .columns({ id: string(), name: string(), jobs_count: number().optional(), tally: string().optional(), updated_at: number().optional() })
  .primaryKey('id');
const jobs = table('jobs').columns({ id: string(), title: string(), client_id: string().optional(), owner_id: string().optional() }).primaryKey('id');
const owners = table('owners').columns({ id: string(), jobs_count: number().optional() }).primaryKey('id');
const clientJobs = { sourceField: ['id'], destField: ['client_id'], destSchema: jobs } as const;
const tables = {
  tables: [clients, jobs, owners],
  relationships: [
    relationships(jobs, ({ one }) => ({
      client: one({ sourceField: ['client_id'], destField: ['id'], destSchema: clients }),
      owner: one({ sourceField: ['owner_id'], destField: ['id'], destSchema: owners }),
    })),
    relationships(clients, ({ many }) => ({ jobs: many(clientJobs), counted_jobs: many(clientJobs) })),
  ],
};
const schema = createSchema(tables);
const legacySchema = createSchema({ ...tables, enableLegacyMutators: true });

let z: Zero<typeof schema> | undefined;
afterEach(async () => {
  await z?.close();
  z = undefined;
});

const OLD = 1;
let created = 0;

type Path = 'generic' | 'model' | 'legacy';

/**
 * Client, Job and Owner on a fresh local Zero whose writes take `path`; clients c1 (2 jobs), c2 (1), jobs j1, j2 (c1),
 * j3 (c2), all three of owner o1 (3). `dependent` is the client's has_many's.
 */
async function setup(path: Path, counterCaches: ModelConfig['counterCaches'] = { client: true }, dependent?: Dependent) {
  const on = path === 'legacy' ? legacySchema : schema;
  const clientConfig = defineModel({
    schema: on,
    table: 'clients',
    zero: () => z,
    timestamps: false,
    validations: { name: [{ kind: 'presence' }] },
    relationships: { jobs: (): ModelDefinition => jobConfig, counted_jobs: (): ModelDefinition => jobConfig },
    dependents: dependent ? { jobs: dependent, counted_jobs: dependent } : {},
  });
  const ownerConfig = defineModel({ schema: on, table: 'owners', zero: () => z });
  const jobConfig = defineModel({ schema: on, table: 'jobs', zero: () => z, relationships: { client: (): ModelDefinition => clientConfig, owner: () => ownerConfig }, counterCaches });
  const mutators: AnyMutatorRegistry | undefined =
    path === 'model' ? defineModelMutators({ client: clientConfig, job: jobConfig, owner: ownerConfig }) : path === 'generic' ? recordMutators : undefined;
  z = new Zero({ userID: 'u', storageKey: `counter-caches-${process.pid}-${++created}`, cacheURL: null, kvStore: 'mem', schema: on as typeof schema, ...(mutators ? { mutators } : {}), logLevel: 'error' });
  const [Client, Job, Owner] = [ActiveRecord.createModel(clientConfig), ActiveRecord.createModel(jobConfig), ActiveRecord.createModel(ownerConfig)];
  await Client.upsert({ id: 'c1', name: 'Acme', jobs_count: 2, updated_at: OLD });
  await Client.upsert({ id: 'c2', name: 'Globex', jobs_count: 1, updated_at: OLD });
  await Owner.upsert({ id: 'o1', jobs_count: 3 });
  for (const [id, client_id] of [['j1', 'c1'], ['j2', 'c1'], ['j3', 'c2']] as const) await Job.upsert({ id, title: id, client_id, owner_id: 'o1' });
  const counts = async () => Object.fromEntries((await Client.order('id')).map((c) => [c.id, c.jobs_count]));
  /** The clients' counts, the owner's, and the jobs' client keys. */
  const state = async () => [await counts(), (await Owner.find('o1')).jobs_count, await Job.order('id').pluck('id', 'client_id')];
  /** `client.<name>` as its reader returns it (a relation, not loaded), in an object: an awaited relation would load. */
  const collection = async (id: string, name: 'jobs' | 'counted_jobs' = 'jobs') => {
    const reader = (await Client.find(id))[name];
    if (!(reader instanceof ActiveRelation)) throw new Error('expected the reader, not a loaded array');
    return { reader };
  };
  /** The reactive flavour's `client.jobs`: a live collection, read once the client's handle has found its row. */
  const reactiveCollection = async (id: string) => {
    const client = ReactiveRecord.createModel(clientConfig).find(id);
    await waitUntil('the client to load', () => client.$found);
    const reader = client.jobs;
    if (!(reader instanceof ReactiveRelation)) throw new Error('expected the live collection, not a loaded array');
    return { reader };
  };
  return { Client, Job, counts, state, collection, reactiveCollection, mutators };
}

describe.each<Path>(['generic', 'model', 'legacy'])("counter_cache through the %s write path, as Rails' callbacks keep it", (path) => {
  test('create adds one, destroy takes one off, a move takes one from the parent left and adds one to the new', async () => {
    const { Job, counts } = await setup(path);
    await Job.create_bang({ id: 'j9', title: 'x', client_id: 'c2' });
    expect(['create', await counts()]).toEqual(['create', { c1: 2, c2: 2 }]);
    await (await Job.find('j1')).destroy();
    expect(['destroy', await counts()]).toEqual(['destroy', { c1: 1, c2: 2 }]);
    await (await Job.find('j2')).update_bang({ client_id: 'c2' });
    expect(['move', await counts()]).toEqual(['move', { c1: 0, c2: 3 }]);
    await (await Job.find('j2')).update_bang({ client_id: null });
    expect(['move to none', await counts()]).toEqual(['move to none', { c1: 0, c2: 2 }]);
    await (await Job.find('j2')).update_bang({ client_id: 'c1' });
    expect(['move from none', await counts()]).toEqual(['move from none', { c1: 1, c2: 2 }]);
    await (await Job.find('j3')).update_bang({ title: 'renamed' });
    expect(['save keeping the key', await counts()]).toEqual(['save keeping the key', { c1: 1, c2: 2 }]);
    const job = await Job.find('j3');
    job.client_id = 'c1';
    await job.save({ validate: false });
    expect(['save(validate: false) of a move', await counts()]).toEqual(['save(validate: false) of a move', { c1: 2, c2: 1 }]);
  });

  test('delete, Model.delete, delete_all, update_columns, update_all and upsert leave the counts, as in Rails', async () => {
    const { Job, counts } = await setup(path);
    await (await Job.find('j1')).update_columns({ client_id: 'c2' });
    await Job.where({ id: 'j2' }).update_all({ client_id: 'c2' });
    await Job.upsert({ id: 'j8', title: 'x', client_id: 'c1' });
    await (await Job.find('j3')).delete();
    await Job.delete('j1');
    await Job.where({ id: 'j2' }).delete_all();
    expect(await counts()).toEqual({ c1: 2, c2: 1 });
  });

  test('a NULL or dangling key counts nothing; a NULL count counts from 0; the parent is neither validated nor stamped', async () => {
    const { Client, Job, counts } = await setup(path);
    await Job.create_bang({ id: 'j8', title: 'x' });
    await Job.create_bang({ id: 'j9', title: 'x', client_id: 'gone' });
    expect(await counts()).toEqual({ c1: 2, c2: 1 });
    // c2 with a NULL count and a name its validations refuse: Rails' UPDATE ... SET jobs_count = COALESCE(jobs_count, 0) + 1.
    await Client.upsert({ id: 'c2', name: '', jobs_count: null, updated_at: OLD });
    await Job.create_bang({ id: 'j7', title: 'x', client_id: 'c2' });
    const c2 = await Client.find('c2');
    expect([c2.jobs_count, c2.name, c2.updated_at]).toEqual([1, '', OLD]);
  });

  test("`true` counts in Rails' column for the class (a CountedJob in counted_jobs_count); a column the parent lacks refuses the write before anything is written", async () => {
    const { Job } = await setup(path, { client: 'visits_count' });
    const error = await Job.create_bang({ id: 'j9', title: 'x', client_id: 'c1' }).catch((e: unknown) => e);
    expect([error instanceof MissingAttributeError, (error as Error).message]).toEqual([true, "can't write unknown attribute `visits_count`"]);
    expect(await Job.exists_p('j9')).toBe(false);
    const counted = defineModel({ schema, table: 'jobs', className: 'CountedJob', relationships: { client: (): ModelDefinition => defineModel({ schema, table: 'clients' }) }, counterCaches: { client: true } });
    expect(counted.counterCaches).toEqual({ client: 'counted_jobs_count' });
  });
});

// Rails' has_many keeps its own count where records leave it without their callbacks, ActiveRecord 6.1 over SQLite:
// `client.jobs.delete(job)` and `delete_all` (and `clear`) take the records they nullify or delete off the owner's
// jobs_count and leave their other counts (owners.jobs_count); under dependent: :destroy, delete destroys, and every
// count follows. A has_many named otherwise (counted_jobs) has no count of its own: Rails knows it by <name>_count.
describe.each<Path>(['generic', 'model', 'legacy'])("a has_many's collection writes through the %s write path, as Rails' has_many counts", (path) => {
  const both = { client: true, owner: true } as const;
  test.each<[Dependent | undefined, readonly unknown[][]]>([
    [
      undefined,
      [
        [{ c1: 1, c2: 1 }, 3, [['j1', null], ['j2', 'c1'], ['j3', 'c2']]],
        [{ c1: 0, c2: 1 }, 3, [['j1', null], ['j2', null], ['j3', 'c2']]],
      ],
    ],
    [
      'delete_all',
      [
        [{ c1: 1, c2: 1 }, 3, [['j2', 'c1'], ['j3', 'c2']]],
        [{ c1: 0, c2: 1 }, 3, [['j3', 'c2']]],
      ],
    ],
    [
      'destroy',
      [
        [{ c1: 1, c2: 0 }, 1, [['j2', 'c1']]],
        [{ c1: 0, c2: 0 }, 1, []],
      ],
    ],
  ])('dependent: %s: delete of its own record and of another client\'s, then delete_all', async (dependent, [afterDelete, afterDeleteAll]) => {
    const { Job, state, collection } = await setup(path, both, dependent);
    const deleted = await (await collection('c1')).reader.delete(await Job.find('j1'));
    // Another client's job: not in the collection, so left as it is (destroyed under :destroy, as Rails does).
    await (await collection('c1')).reader.delete(await Job.find('j3'));
    expect([deleted.map((job) => job.id), await state()]).toEqual([['j1'], afterDelete]);
    expect([await (await collection('c1')).reader.delete_all(), await state()]).toEqual([1, afterDeleteAll]);
  });

  test('destroy and destroy_all destroy, and every count follows; clear is delete_all', async () => {
    const { Job, state, collection } = await setup(path, both);
    await (await collection('c1')).reader.destroy(await Job.find('j3'));
    expect(await state()).toEqual([{ c1: 2, c2: 0 }, 2, [['j1', 'c1'], ['j2', 'c1']]]);
    expect((await (await collection('c1')).reader.destroy_all()).map((job) => job.id)).toEqual(['j1', 'j2']);
    expect(await state()).toEqual([{ c1: 0, c2: 0 }, 0, []]);
    z!.close();
    const nullifying = await setup(path, both);
    await (await nullifying.collection('c1')).reader.clear();
    expect(await nullifying.state()).toEqual([{ c1: 0, c2: 1 }, 3, [['j1', null], ['j2', null], ['j3', 'c2']]]);
    z!.close();
    const deleting = await setup(path, both, 'destroy');
    await (await deleting.collection('c1')).reader.clear();
    expect(await deleting.state()).toEqual([{ c1: 0, c2: 1 }, 3, [['j3', 'c2']]]);
  });

  test("the reactive flavour's collection counts as ActiveRecord's: delete_all the owner's count alone, destroy_all every count", async () => {
    const { state, reactiveCollection } = await setup(path, both);
    expect(await (await reactiveCollection('c1')).reader.delete_all()).toBe(2);
    expect(await state()).toEqual([{ c1: 0, c2: 1 }, 3, [['j1', null], ['j2', null], ['j3', 'c2']]]);
    expect((await (await reactiveCollection('c2')).reader.destroy_all()).map((job) => job.id)).toEqual(['j3']);
    expect(await state()).toEqual([{ c1: 0, c2: 0 }, 2, [['j1', null], ['j2', null]]]);
  });

  test('a has_many named otherwise, or a relation refined from the collection, counts nothing (Rails: no <name>_count, a plain delete_all)', async () => {
    const { Job, state, collection } = await setup(path, both);
    await (await collection('c1', 'counted_jobs')).reader.delete(await Job.find('j1'));
    await (await collection('c1', 'counted_jobs')).reader.delete_all();
    expect(await state()).toEqual([{ c1: 2, c2: 1 }, 3, [['j1', null], ['j2', null], ['j3', 'c2']]]);
    expect(await (await collection('c2')).reader.where({ id: 'j3' }).delete_all()).toBe(1);
    expect(await state()).toEqual([{ c1: 2, c2: 1 }, 3, [['j1', null], ['j2', null]]]);
  });
});

describe('the generic mutators take counter caches described by the client, as they take its table and values', () => {
  test('a table the schema does not have, or an inherited name, is refused and nothing is written', async () => {
    const { counts } = await setup('generic');
    const shape = (name: string) => ({ name, primaryKey: 'id', columns: { id: 'string' } });
    for (const name of ['users', 'constructor']) {
      const caches = [{ relationship: 'client', foreignKey: ['client_id'], parent: shape(name), parentKey: ['id'], column: 'jobs_count' }];
      const mutate = z!.mutate as unknown as (request: unknown) => { client: Promise<unknown> };
      const write = mutate(recordMutators.zeroRecord.insert({ table: 'jobs', values: { id: `j-${name}`, title: 'x', client_id: 'c1' }, counterCaches: { table: shape('jobs'), caches } } as never));
      expect(await write.client).toMatchObject({ type: 'error', error: { message: `zero-record: unknown table '${name}' in counterCaches` } });
    }
    expect(await counts()).toEqual({ c1: 2, c2: 1 });
  });
});

describe("a model's own mutators count in their transaction", () => {
  test('the count is read where the mutator runs: a count written by another write since this client read the parent is counted on', async () => {
    const { Client, Job, counts } = await setup('model');
    const c1 = await Client.find('c1');
    await Client.upsert({ id: 'c1', name: 'Acme', jobs_count: 40 });
    await Job.create_bang({ id: 'j9', title: 'x', client_id: 'c1' });
    expect([c1.jobs_count, await counts()]).toEqual([2, { c1: 41, c2: 1 }]);
  });

  test('called with counterCaches: false (what delete and update_columns send) a mutator leaves the counts; a list keeps only the caches it names, an upsert too; anything else is refused', async () => {
    const { Job, counts, state, mutators } = await setup('model', { client: true, owner: true });
    const job = (mutators as unknown as Record<'job', Record<'create' | 'destroy' | 'upsert', (args: unknown) => unknown>>).job;
    await z!.mutate(job.create({ values: { id: 'j9', title: 'x', client_id: 'c2' }, counterCaches: false }) as never).client;
    await z!.mutate(job.destroy({ values: { id: 'j1' }, counterCaches: false }) as never).client;
    expect([await Job.pluck('id'), await counts()]).toEqual([['j2', 'j3', 'j9'], { c1: 2, c2: 1 }]);
    await z!.mutate(job.destroy({ values: { id: 'j2' }, counterCaches: ['client'] }) as never).client;
    await z!.mutate(job.upsert({ values: { id: 'j3', title: 'x', client_id: null, owner_id: null }, counterCaches: ['client'] }) as never).client;
    expect(await state()).toEqual([{ c1: 1, c2: 0 }, 3, [['j3', null], ['j9', 'c2']]]);
    for (const counterCaches of ['no', ['tasks'], [7]]) {
      const outcome = (await z!.mutate(job.destroy({ values: { id: 'j9' }, counterCaches }) as never).client) as { type: string; error?: { message?: string } };
      expect([outcome.type, outcome.error?.message]).toEqual([
        'error',
        `Job destroy failed: counterCaches is true, false or a list of Job's counter caches (client, owner); got ${JSON.stringify(counterCaches)}`,
      ]);
    }
  });

  test('destroying a row already gone counts nothing (Rails decrements only when its DELETE removed a row)', async () => {
    const { Job, counts } = await setup('model');
    const [first, second] = [await Job.find('j1'), await Job.find('j1')];
    await first.destroy();
    await second.destroy();
    expect(await counts()).toEqual({ c1: 1, c2: 1 });
  });

  test('a count column that holds no numbers is a ConfigError, raised before the write', async () => {
    const { Job } = await setup('model', { client: 'tally' });
    const error = await Job.create_bang({ id: 'j9', title: 'x', client_id: 'c1' }).catch((e: unknown) => e);
    expect(error).toEqual(new ConfigError('Job counterCaches', ["'client' counts in clients.tally, a string column: a count needs a number column"]));
    expect(error).not.toBeInstanceOf(MutationError);
    expect(await Job.exists_p('j9')).toBe(false);
  });
});

describe('the config', () => {
  test("refuses a counter cache on an unknown relationship, on a has_many, or that is neither true nor a column's name", () => {
    const clientConfig = defineModel({ schema, table: 'clients' });
    const config = (counterCaches: unknown) => () => defineModel({ schema, table: 'jobs', relationships: { client: (): ModelDefinition => clientConfig }, counterCaches: counterCaches as never });
    expect(config({ owner: true })).toThrow(/counter cache for 'owner', which is not one of the relationships/);
    expect(config({ client: 7 })).toThrow(/counter cache for 'client': expected true or the name of a column of the parent, got 7/);
    expect(config({ client: '' })).toThrow(/counter cache for 'client': expected true or the name of a column of the parent, got $/m);
    const hasMany = createSchema({ tables: [clients, jobs], relationships: [relationships(clients, ({ many }) => ({ jobs: many({ sourceField: ['id'], destField: ['client_id'], destSchema: jobs }) }))] });
    expect(() => defineModel({ schema: hasMany, table: 'clients', relationships: { jobs: (): ModelDefinition => defineModel({ schema: hasMany, table: 'jobs' }) }, counterCaches: { jobs: true } })).toThrow(
      /counter cache for 'jobs': Rails' counter_cache: is a belongs_to's option/,
    );
  });
});
