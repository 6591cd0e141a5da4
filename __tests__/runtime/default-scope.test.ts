/**
 * Rails' `default_scope`, ActiveRecord flavour (the reactive one: __tests__/reactive/default-scope.svelte.test.ts), in both read modes, on a real local Zero: every relation of
 * the model starts from it (finders, scopes, calculations, association readers and includes of the model), records made
 * through it take its where values, and `unscoped()` / `unscope` remove it. Expected answers are ActiveRecord 6.1's
 * (differential tier, 'ds.*').
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ActiveRecord, QueryError, RecordNotFoundError, defineModel, defineRelationQueries, type ModelDefinition } from '../../runtime/index.ts';
import { localZero, schema } from '../support/zero.ts';
import { READ_MODES, type ReadMode } from './fixtures.ts';

const queries = defineRelationQueries(schema, { job: 'jobs', client: 'clients', task: 'tasks' });

function setup(mode: ReadMode) {
  const z = localZero();
  const named = mode === 'named queries';
  const clientConfig = defineModel({ schema, table: 'clients', zero: z, query: named ? queries.client.relation : undefined, relationships: { jobs: (): ModelDefinition => jobConfig } });
  // Archived jobs are hidden (a soft delete), newest first.
  const jobConfig = defineModel({
    schema,
    table: 'jobs',
    zero: z,
    query: named ? queries.job.relation : undefined,
    defaultScope: (r) => r.not({ status: 'archived' }).order({ created_at: 'desc' }),
    scopes: { active: (r) => r.where({ status: 'active' }) },
    relationships: { client: () => clientConfig },
  });
  return { z, Job: ActiveRecord.createModel(jobConfig), Client: ActiveRecord.createModel(clientConfig) };
}

describe.each(READ_MODES)('%s', (mode) => {
  let m: ReturnType<typeof setup>;
  beforeAll(async () => {
    m = setup(mode);
    await m.Client.create_bang({ id: 'c1', name: 'Acme' });
    const jobs = [
      { id: 'j1', title: 'Paint', status: 'active', client_id: 'c1', created_at: 100 },
      { id: 'j2', title: 'Wire', status: 'archived', client_id: 'c1', created_at: 300 },
      { id: 'j3', title: 'Plumb', status: 'done', client_id: 'c1', created_at: 200 },
    ];
    for (const job of jobs) await m.Job.unscoped().create_bang(job);
  });
  afterAll(() => m.z.close());

  test('every relation of the model starts from it: all, where, scopes, finders, calculations', async () => {
    expect(await m.Job.all().pluck('id')).toEqual(['j3', 'j1']);
    expect(await m.Job.where({ client_id: 'c1' }).pluck('id')).toEqual(['j3', 'j1']);
    expect(await m.Job.active().pluck('id')).toEqual(['j1']);
    expect(await m.Job.count()).toBe(2);
    expect((await m.Job.first())?.id).toBe('j3');
    await expect(m.Job.find('j2')).rejects.toThrow(new RecordNotFoundError(`Couldn't find Job with 'id'="j2"`, { model: 'Job', primaryKey: 'id', id: 'j2' }));
    expect(await m.Job.find_by({ title: 'Wire' })).toBeNull();
  });

  test('unscoped() and unscope remove it; reorder replaces its order', async () => {
    expect(await m.Job.unscoped().order('id').pluck('id')).toEqual(['j1', 'j2', 'j3']);
    expect((await m.Job.unscoped().find('j2')).title).toBe('Wire');
    expect(await m.Job.unscope('where').pluck('id')).toEqual(['j2', 'j3', 'j1']);
    expect(await m.Job.reorder('id').pluck('id')).toEqual(['j1', 'j3']);
  });

  test("association readers and includes of the model take it (Rails' association scope)", async () => {
    const client = await m.Client.find('c1');
    expect(await (client.jobs as unknown as typeof m.Job).pluck('id')).toEqual(['j3', 'j1']);
    const loaded = await m.Client.includes('jobs').find('c1');
    expect((loaded.jobs as unknown as { id: string }[]).map((j) => j.id)).toEqual(['j3', 'j1']);
  });

  test('records made through it take its where values; a default scope that returns no relation is refused', async () => {
    const config = defineModel({ schema, table: 'jobs', zero: m.z, defaultScope: (r) => r.where({ status: 'draft' }) });
    const Draft = ActiveRecord.createModel(config);
    expect(Draft.new({ title: 'x' }).status).toBe('draft');
    const broken = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: m.z, defaultScope: () => null as never }));
    expect(() => broken.all()).toThrow(new QueryError('Job: defaultScope must return a relation of Job (made from the one it is given), got nil'));
  });
});

// ActiveRecord 6.1's answers for these rows (a Client default_scope { where.not(name: "Closed Co") }): joins put the
// joined model's default scope in the ON clause, so a hidden client joins nothing, and where.missing counts it missing.
describe.each(READ_MODES)("a joined model's default scope, %s", (mode) => {
  let z: ReturnType<typeof localZero>;
  let Job: ReturnType<typeof models>['Job'];
  function models() {
    const named = mode === 'named queries';
    const clientConfig = defineModel({ schema, table: 'clients', zero: z, query: named ? queries.client.relation : undefined, defaultScope: (r) => r.not({ name: 'Closed Co' }) });
    const jobConfig = defineModel({ schema, table: 'jobs', zero: z, query: named ? queries.job.relation : undefined, relationships: { client: (): ModelDefinition => clientConfig } });
    return { Client: ActiveRecord.createModel(clientConfig), Job: ActiveRecord.createModel(jobConfig) };
  }
  beforeAll(async () => {
    z = localZero();
    const m = models();
    Job = m.Job;
    await m.Client.create_bang({ id: 'c1', name: 'Acme' });
    await m.Client.create_bang({ id: 'c9', name: 'Closed Co' });
    for (const [id, client_id] of [['j1', 'c1'], ['j4', 'c9'], ['j5', null]] as const) await Job.create_bang({ id, title: id, client_id });
  });
  afterAll(() => z.close());
  const ids = (relation: { order(c: string): { pluck(c: string): Promise<unknown[]> } }) => relation.order('id').pluck('id');

  test('is inside the EXISTS of joins, where_associated and conditions on the joined table, implied joins included', async () => {
    expect(await ids(Job.joins('client'))).toEqual(['j1']);
    expect(await ids(Job.where_associated('client'))).toEqual(['j1']);
    expect(await ids(Job.where({ clients: { name: 'Closed Co' } }))).toEqual([]);
    expect(await ids(Job.not({ clients: { name: 'Acme' } }))).toEqual([]);
    expect(await ids(Job.where({ clients: { name: 'Acme' } }).or(Job.where({ title: 'j4' })))).toEqual(['j1']);
  });

  test('where_missing counts a hidden associated row as missing', async () => {
    expect(await ids(Job.where_missing('client'))).toEqual(['j4', 'j5']);
    expect(await ids(Job.includes('client').where_missing('client'))).toEqual(['j4', 'j5']);
  });
});
