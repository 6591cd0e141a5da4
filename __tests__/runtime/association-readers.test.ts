/**
 * Association readers without `includes`, ActiveRecord flavour, against a real local Zero in both read modes:
 * `await job.client` is the associated record or null (a NULL or dangling key), `job.tasks` a relation of the associated
 * model to await or refine; a record loaded with `includes` holds the loaded value, and `await` reads it the same way.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Zero, createSchema, relationships, string, table } from '@rocicorp/zero';
import { ActiveRecord, ActiveRelation, QueryError, UnknownAttributeError, defineModel, recordMutators } from '../../runtime/index.ts';
import { READ_MODES, seed, setup, type Models } from './fixtures.ts';

describe.each(READ_MODES)('%s', (mode) => {
  let m: Models;
  beforeAll(async () => {
    m = setup(mode);
    await seed(m);
  });
  afterAll(() => m.z.close());

  test('belongs_to: the associated record, a model record; null for a NULL key', async () => {
    // Typed from the schema's relationships: a Client record or null, no cast.
    const client = await (await m.Job.find('j1')).client;
    expect(client?.name).toBe('Acme');
    expect(client?.constructor.name).toBe('Client');
    expect(await (await m.Job.find('j4')).client).toBeNull();
  });

  // Each answer is ActiveRecord 6.1's for the same rows: where(client: record), a list, a key, nil.
  test("where by a belongs_to's name compares its key: a record, a list of records, a key, or null", async () => {
    const acme = await m.Client.find('c1');
    const globex = await m.Client.find('c2');
    const ids = (hash: object) => m.Job.where(hash as never).order('id').ids();
    expect(await ids({ client: acme })).toEqual(['j1', 'j2']);
    expect(await ids({ client: [acme, globex] })).toEqual(['j1', 'j2', 'j3', 'j5']);
    expect(await ids({ client: 'c2' })).toEqual(['j3', 'j5']);
    expect(await ids({ client: null })).toEqual(['j4']);
    expect(await m.Job.not({ client: acme } as never).order('id').ids()).toEqual(['j3', 'j5']); // NULL is in neither, as SQL
    // rewhere replaces the key column's condition (Rails: ["j3", "j5"]).
    expect(await m.Job.where({ client: acme } as never).rewhere({ client: globex } as never).order('id').ids()).toEqual(['j3', 'j5']);
    // A hash is not a record: it is the joined row's conditions (joins.test.ts).
    expect(await ids({ client: { name: 'Acme' } })).toEqual(['j1', 'j2']);
    expect(() => m.Job.where({ client: new (class Other {})() } as never)).toThrow(/^Job\.where: 'client' takes a record \(with its id\) or its id, got/);
    expect(() => m.Job.where({ tasks: 't1' } as never)).toThrow(/unknown column 'tasks' for Job/); // a has_many is not a where key, as in Rails
    for (const name of ['constructor', '__proto__', 'toString']) {
      expect(() => m.Job.where(JSON.parse(`{"${name}":"x"}`) as never)).toThrow(new RegExp(`unknown column '${name}' for Job`));
    }
  });

  test('has_many: a relation of the associated model, to await or refine', async () => {
    const { tasks } = await m.Job.find('j1');
    expect(tasks).toBeInstanceOf(ActiveRelation);
    // Not loaded with includes, so a relation: narrow it to refine.
    if (!(tasks instanceof ActiveRelation)) throw new Error('expected a relation');
    expect((await tasks.order('position')).map((t) => t.title)).toEqual(['Primer', 'Second coat']);
    expect((await (await m.Job.find('j2')).tasks).length).toBe(0);
  });

  test('after includes the loaded value is on the record, and await gives the same answer', async () => {
    const job = await m.Job.includes('client').find('j3');
    expect(job.client).not.toHaveProperty('then');
    expect((await job.client)?.name).toBe('Globex');
    expect(Object.keys(await m.Job.find('j1'))).not.toContain('client');
  });
});

// Rails' belongs_to writer and stale-association reload, checked against ActiveRecord 6.1 over SQLite: `job.client = c`
// sets client_id (a change, written by save); a loaded association is read again once its key changes or on reload.
describe('assigning a belongs_to, and a loaded association whose key changes', () => {
  let m: Models;
  beforeEach(async () => {
    m = setup();
    await seed(m);
  });
  afterEach(() => m.z.close());

  test('job.client = client sets client_id; save writes it; null clears it', async () => {
    const job = await m.Job.find('j4');
    const globex = await m.Client.find('c2');
    job.client = globex;
    expect([job.client_id, job.client, job.changes()]).toEqual(['c2', globex, { client_id: [null, 'c2'] }]);
    expect(await job.save()).toBe(true);
    expect((await m.Job.find('j4')).client_id).toBe('c2');
    job.client = null;
    expect([job.client_id, job.client]).toEqual([null, null]);
    await job.save();
    expect((await m.Job.find('j4')).client_id).toBeNull();
  });

  test('new / create take a belongs_to as its record, as Rails: Job.create({ title, client })', async () => {
    const globex = await m.Client.find('c2');
    const job = await m.Job.create_bang({ id: 'j9', title: 'Gutter', client: globex });
    expect([job.client_id, job.client, (await m.Job.find('j9')).client_id]).toEqual(['c2', globex, 'c2']);
    expect(m.Job.new({ title: 'x', client: null }).client_id).toBeNull();
    expect(() => m.Job.new({ title: 'x', tasks: [] } as never)).toThrow(/^Job#tasks=: only a belongs_to association is assigned/);
    expect(() => m.Job.new({ title: 'x', owner: globex } as never)).toThrow(new UnknownAttributeError('Job', 'owner'));
  });

  test('a record of another model, an unsaved record, or a has_many is refused, and nothing changes', async () => {
    const job = await m.Job.find('j1');
    const task = await m.Task.find('t1');
    expect(() => (job.client = task as never)).toThrow(new QueryError('Job#client=: Client expected, got {"id":"t1","job_id":"j1","title":"Primer","position":1} which is an instance of Task'));
    expect(() => (job.client = m.Client.new({ name: 'New' }))).toThrow(/^Job#client=: the Client is not saved yet; save it first/);
    expect(() => ((job as unknown as { tasks: unknown }).tasks = [task])).toThrow(/^Job#tasks=: only a belongs_to association is assigned/);
    expect([job.client_id, job.changed_p()]).toEqual(['c1', false]);
  });

  test('an association loaded by includes is read again after its key changes, and after reload', async () => {
    const job = await m.Job.includes('client').find('j1');
    expect((job.client as { name: string }).name).toBe('Acme');
    job.client_id = 'c2';
    expect((await job.client)?.name).toBe('Globex');
    // Stale, so no longer part of the record's data: a spread or JSON does not start a query for it.
    expect([Object.keys(job.toJSON()).includes('client'), Object.keys(job).includes('client'), 'client' in { ...job }]).toEqual([false, false, false]);
    job.client_id = 'c1';
    await m.Client.update('c1', { name: 'Acme Ltd' });
    await job.reload();
    expect((await job.client)?.name).toBe('Acme Ltd');
    // Loaded and current: part of the record's data (keys, JSON, a spread).
    const fresh = await m.Job.includes('client').find('j1');
    expect([Object.keys(fresh).includes('client'), (fresh.toJSON() as unknown as { client: { name: string } }).client.name, ({ ...fresh } as { client: { name: string } }).client.name]).toEqual([true, 'Acme Ltd', 'Acme Ltd']);
  });
});

describe('a belongs_to whose key column is named like a record member (shadowed)', () => {
  test('includes loads it, and the record reads its key through read_attribute', async () => {
    const owners = table('owners').columns({ id: string(), name: string() }).primaryKey('id');
    const notes = table('notes').columns({ id: string(), errors: string().optional() }).primaryKey('id');
    const noteRelationships = relationships(notes, ({ one }) => ({ owner: one({ sourceField: ['errors'], destField: ['id'], destSchema: owners }) }));
    const schema = createSchema({ tables: [owners, notes], relationships: [noteRelationships] });
    const z = new Zero({ userID: 'u', storageKey: `shadowed-${Date.now()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
    try {
      const ownerConfig = defineModel({ schema, table: 'owners', zero: z });
      const Owner = ActiveRecord.createModel(ownerConfig);
      const Note = ActiveRecord.createModel(defineModel({ schema, table: 'notes', zero: z, shadowedColumns: ['errors'], relationships: { owner: () => ownerConfig } }));
      await Owner.create_bang({ id: 'o1', name: 'Ada' });
      await Note.create_bang({ id: 'n1', errors: 'o1' } as never);
      const note = await Note.includes('owner').find('n1');
      expect([note.read_attribute('errors'), (note.owner as { name: string } | null)?.name]).toEqual(['o1', 'Ada']);
    } finally {
      await z.close();
    }
  });
});

describe('a belongs_to to a key other than the primary key (Rails primary_key:), and a has_one', () => {
  test('assigning the belongs_to writes the column it points at; assigning the has_one is refused', async () => {
    const owners = table('owners').columns({ id: string(), code: string(), name: string() }).primaryKey('id');
    const notes = table('notes').columns({ id: string(), owner_code: string().optional() }).primaryKey('id');
    const noteRelationships = relationships(notes, ({ one }) => ({ owner: one({ sourceField: ['owner_code'], destField: ['code'], destSchema: owners }) }));
    const ownerRelationships = relationships(owners, ({ one }) => ({ note: one({ sourceField: ['id'], destField: ['id'], destSchema: notes }) }));
    const schema = createSchema({ tables: [owners, notes], relationships: [noteRelationships, ownerRelationships] });
    const z = new Zero({ userID: 'u', storageKey: `keyed-${Date.now()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
    try {
      const noteConfig = defineModel({ schema, table: 'notes', zero: z });
      const ownerConfig = defineModel({ schema, table: 'owners', zero: z, relationships: { note: () => noteConfig } });
      const Owner = ActiveRecord.createModel(ownerConfig);
      const Note = ActiveRecord.createModel(defineModel({ schema, table: 'notes', zero: z, relationships: { owner: () => ownerConfig } }));
      const ada = await Owner.create_bang({ id: 'o1', code: 'ADA', name: 'Ada' });
      const note = Note.new({ id: 'n1', owner: ada });
      expect([note.owner_code, note.owner]).toEqual(['ADA', ada]);
      expect(() => ((ada as { note: unknown }).note = note)).toThrow(/^Owner#note=: only a belongs_to association is assigned/);
      expect(ada.id).toBe('o1');
    } finally {
      await z.close();
    }
  });
});
