/**
 * `includes` typed by what it loads, ActiveRecord flavour, on a real local Zero in both read modes: the records of a
 * relation that loaded `client` and `tasks` read `job.client?.name` and `job.tasks.map(...)` with no `await` and no
 * narrowing, and what the types say holds at run time, `reload()` included. `npm run typecheck` checks the type lines
 * (`expectTypeOf`, `@ts-expect-error`); vitest checks the values.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from 'vitest';
import { Zero, createSchema, relationships, string, table } from '@rocicorp/zero';
import { ActiveRecord, ActiveRelation, RecordNotFoundError, defineModel, recordMutators } from '../../runtime/index.ts';
import { READ_MODES, seed, setup, type Models } from './fixtures.ts';

describe.each(READ_MODES)('%s', (mode) => {
  let m: Models;
  beforeAll(async () => {
    m = setup(mode);
    await seed(m);
  });
  afterAll(() => m.z.close());

  test('the names includes loaded read as loaded values: a record or null, an array', async () => {
    const job = await m.Job.includes('client', 'tasks').find('j1');
    expectTypeOf(job.client).not.toHaveProperty('then');
    expectTypeOf(job.tasks).toBeArray();
    expect(job.client?.name).toBe('Acme');
    expect(job.tasks.map((t) => t.title).sort()).toEqual(['Primer', 'Second coat']);
    const none = await m.Job.includes('client').find('j4');
    expect(none.client).toBeNull();
  });

  test('a shaped include, preload, eager_load and scopes after includes keep what was loaded', async () => {
    const [job] = await m.Job.includes({ tasks: (t) => t.order({ position: 'desc' }) }).where({ id: 'j1' });
    expect(job!.tasks.map((t) => t.position)).toEqual([2, 1]);
    const active = await m.Job.preload('client').active().order('id');
    expect(active.map((j) => j.client?.name ?? null)).toEqual(['Acme', 'Globex']);
    const [first] = await m.Job.eager_load('tasks').where({ id: 'j2' });
    expect(first!.tasks.length).toBe(0);
  });

  test('without includes, or after unscope("includes"), the reader is the unloaded one (await, or narrow)', async () => {
    const job = await m.Job.find('j1');
    // @ts-expect-error a promise or a record: await it
    expect(job.client.name).toBeUndefined();
    expect((await job.client)?.name).toBe('Acme');
    // @ts-expect-error a relation or an array: await or narrow it (a relation has no map: the type keeps this from crashing)
    expect(() => job.tasks.map((t: unknown) => t)).toThrow(TypeError);
    expect(job.tasks).toBeInstanceOf(ActiveRelation);
    const unloaded = await m.Job.includes('client').unscope('includes').find('j1');
    // @ts-expect-error unscope('includes') loaded nothing
    expect(unloaded.client.name).toBeUndefined();
    expect(unloaded.client).toHaveProperty('then');
    // Another part unscoped keeps what includes loaded.
    const loaded = await m.Job.includes('client').unscope('order').find('j1');
    expect(loaded.client?.name).toBe('Acme');
  });

  test('reload reads what includes had loaded again, so it stays loaded and current', async () => {
    const job = await m.Job.includes('client', 'tasks').find('j3');
    expect([job.client?.name, job.tasks.length]).toEqual(['Globex', 0]);
    await m.Client.update('c2', { name: 'Globex Ltd' });
    await m.Task.create_bang({ id: 't9', job_id: 'j3', title: 'Snag', position: 1 });
    try {
      expect(await job.reload()).toBe(job);
      expect(job.client).not.toHaveProperty('then');
      expect([job.client?.name, job.tasks.map((t) => t.title)]).toEqual(['Globex Ltd', ['Snag']]);
      // Still part of the record's data, as a loaded association is.
      expect(Object.keys(job)).toEqual(expect.arrayContaining(['client', 'tasks']));
    } finally {
      await m.Task.destroy('t9');
      await m.Client.update('c2', { name: 'Globex' });
    }
  });

  test('records a relation with includes makes have loaded nothing, and are typed so', async () => {
    const made = m.Job.includes('client', 'tasks').new({ title: 'x', client_id: 'c1' });
    // @ts-expect-error not loaded: a relation or an array
    expect(() => made.tasks.map((t: unknown) => t)).toThrow(TypeError);
    expect((await made.client)?.name).toBe('Acme');
    const created = await m.Job.includes('tasks').create_bang({ id: 'j8', title: 'New' });
    try {
      expect(created.tasks).toBeInstanceOf(ActiveRelation);
    } finally {
      await m.Job.destroy('j8');
    }
  });

  test('only names includes certainly loads are typed loaded: not one of a union, not a list of unknown length', async () => {
    const pick = (['client', 'tasks'] as const)[0] as 'client' | 'tasks';
    const either = await m.Job.includes(pick).find('j1');
    // @ts-expect-error maybe not loaded
    expect(() => either.tasks.map((t: unknown) => t)).toThrow(TypeError);
    const wanted: ('client' | 'tasks')[] = [];
    const none = await m.Job.includes(...wanted).find('j1');
    // @ts-expect-error maybe not loaded
    expect(none.client.name).toBeUndefined();
    const shaped = await m.Job.includes({ client: true, ...(wanted.length > 0 ? { tasks: true as const } : {}) }).find('j1');
    expect(shaped.client?.name).toBe('Acme');
    // @ts-expect-error maybe not loaded
    expect(() => shaped.tasks.map((t: unknown) => t)).toThrow(TypeError);
  });

  test('a write that changes a loaded association\'s key reads it again; an assigned one stays loaded through reload', async () => {
    const job = await m.Job.includes('client').find('j1');
    try {
      await job.update({ client_id: 'c2' });
      expect(job.client).not.toHaveProperty('then');
      expect(job.client?.name).toBe('Globex');
      job.client = await m.Client.find('c1');
      await job.save();
      await job.reload();
      expect(job.client?.name).toBe('Acme');
      // Read while stale, then reloaded: read again all the same.
      job.client_id = 'c2';
      expect(await job.client).toMatchObject({ name: 'Globex' });
      await job.reload();
      expect(job.client?.name).toBe('Acme');
    } finally {
      await m.Job.update('j1', { client_id: 'c1' });
    }
  });

  test("none().or(other) keeps what includes loaded; reload of a row gone rejects and keeps the record's associations", async () => {
    const [job] = await m.Job.includes('client').none().or(m.Job.where({ id: 'j3' }));
    expect(job!.client?.name).toBe('Globex');
    await m.Job.create_bang({ id: 'j9', title: 'Gone', client_id: 'c1' });
    const gone = await m.Job.includes('client').find('j9');
    await m.Job.delete('j9');
    await expect(gone.reload()).rejects.toThrow(RecordNotFoundError);
    expect(gone.client?.name).toBe('Acme');
  });

  test('a record without includes reloads without reading associations (an assigned belongs_to is dropped, as Rails resets it)', async () => {
    const job = await m.Job.find('j4');
    job.client = await m.Client.find('c1');
    await job.reload();
    expect([job.client_id, await job.client]).toEqual([null, null]);
  });
});

test('a has_many through a junction table is typed by includes too', async () => {
  const jobs = table('jobs').columns({ id: string(), title: string() }).primaryKey('id');
  const tags = table('tags').columns({ id: string(), name: string() }).primaryKey('id');
  const taggings = table('taggings').columns({ id: string(), job_id: string(), tag_id: string() }).primaryKey('id');
  const jobRelationships = relationships(jobs, ({ many }) => ({
    tags: many({ sourceField: ['id'], destField: ['job_id'], destSchema: taggings }, { sourceField: ['tag_id'], destField: ['id'], destSchema: tags }),
  }));
  const schema = createSchema({ tables: [jobs, tags, taggings], relationships: [jobRelationships] });
  const z = new Zero({ userID: 'u', storageKey: `junction-types-${Date.now()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
  try {
    const tagConfig = defineModel({ schema, table: 'tags', zero: z });
    const Tag = ActiveRecord.createModel(tagConfig);
    const Tagging = ActiveRecord.createModel(defineModel({ schema, table: 'taggings', zero: z }));
    const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: z, relationships: { tags: () => tagConfig } }));
    await Job.create_bang({ id: 'j1', title: 'Paint' });
    await Tag.create_bang({ id: 'g1', name: 'urgent' });
    await Tagging.create_bang({ id: 'x1', job_id: 'j1', tag_id: 'g1' });
    const job = await Job.includes('tags').find('j1');
    expectTypeOf(job.tags).toBeArray();
    expect(job.tags.map((t) => t.name)).toEqual(['urgent']);
    const unloaded = await Job.find('j1');
    // @ts-expect-error not in the type unless loaded: its reader throws
    expect(() => unloaded.tags).toThrow(/a relationship through a junction table is read with includes\('tags'\)/);
  } finally {
    await z.close();
  }
});
