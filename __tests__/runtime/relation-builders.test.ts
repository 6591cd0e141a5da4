/**
 * Records made through a relation, as Rails makes them: `relation.new` / `build` / `create` / `create!` start with the
 * columns the relation pins to one value (its `where_values_hash`), then the attributes given; so the has_many builders
 * (`client.jobs.new`, `client.jobs.create`) set the foreign key. Real local Zero; each answer checked against Ruby's
 * ActiveRecord over SQLite.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Zero } from '@rocicorp/zero';
import { ActiveRecord, RecordNotSavedError, defineModel, type ModelDefinition } from '../../runtime/index.ts';
import { localZero, schema, type TestSchema } from '../support/zero.ts';

let z: Zero<TestSchema>;
const zero = () => z;
const jobConfig = defineModel({ schema, table: 'jobs', zero, validations: { title: [{ kind: 'presence' }] } });
const clientConfig = defineModel({ schema, table: 'clients', zero, relationships: { jobs: (): ModelDefinition => jobConfig } });
const Job = ActiveRecord.createModel(jobConfig);
const Client = ActiveRecord.createModel(clientConfig);

beforeEach(async () => {
  z = localZero();
  await Client.create_bang({ id: 'c1', name: 'Acme' });
});
afterEach(() => z.close());

describe('relation.new / build: the pinned columns, then the attributes', () => {
  test('a column pinned to one value (or NULL) is set; ranges and lists pin nothing; attributes given win', () => {
    const job = Job.where({ status: 'active', client_id: 'c1', country: null }).where({ priority: { gte: 3 } }).new({ title: 'Paint' });
    expect([job.new_record_p(), job.title, job.status, job.client_id, job.country, job.priority]).toEqual([true, 'Paint', 'active', 'c1', null, null]);
    expect(Job.where({ status: ['active', 'done'] }).build().status).toBe(null);
    expect(Job.where({ status: 'active' }).new({ status: 'done' }).status).toBe('done');
    expect(Job.new({ title: 'x' }).changes()).toEqual({ title: [null, 'x'] });
    // Rails' `or` keeps what both sides pin outside the OR.
    const either = Job.where({ client_id: 'c1', status: 'active' }).or(Job.where({ client_id: 'c1', status: 'done' })).new();
    expect([either.client_id, either.status]).toEqual(['c1', null]);
  });
});

describe('none keeps what the relation pins (Rails 6.1 and 8.1 alike)', () => {
  test('a record built through none takes its pins, none.or(other) reads as other, and none answers nothing', async () => {
    await Job.create_bang([{ id: 'j1', title: 'a', client_id: 'c1' }, { id: 'j2', title: 'b', client_id: 'c2' }]);
    const none = Job.where({ client_id: 'c1', status: 'active' }).none();
    expect([none.new().client_id, none.new().status, await none.ids(), await none.count()]).toEqual(['c1', 'active', [], 0]);
    expect(await none.unscope('where').ids()).toEqual([]);
    expect(await none.rewhere({ status: 'done' }).ids()).toEqual([]);
    // Rails: `where(client_id: 'c1').none.or(where(client_id: 'c2'))` is the second relation's rows; so the other way round.
    expect(await none.unscope({ where: 'status' }).or(Job.where({ client_id: 'c2' })).ids()).toEqual(['j2']);
    expect(await Job.where({ client_id: 'c2' }).or(Job.where({ client_id: 'c1' }).none()).ids()).toEqual(['j2']);
    expect(await Job.all().merge(Job.where({ client_id: 'c1' }).none()).ids()).toEqual([]);
  });
});

describe('first_or_create / first_or_create_bang / first_or_initialize', () => {
  test("the relation's first record by primary key, else one made through the relation with the attributes", async () => {
    await Job.create_bang([{ id: 'j2', title: 'b', status: 'active' }, { id: 'j1', title: 'a', status: 'active' }]);
    expect((await Job.where({ status: 'active' }).first_or_create({ title: 'ignored' })).id).toBe('j1');
    const made = await Job.where({ status: 'done' }).first_or_create({ id: 'j3', title: 'Paint' });
    expect([made.persisted_p(), made.status, (await Job.find('j3')).status]).toEqual([true, 'done', 'done']);
    const fresh = await Job.where({ status: 'draft' }).first_or_initialize({ id: 'j4', title: 'Wire' });
    expect([fresh.new_record_p(), fresh.status, await Job.exists_p('j4')]).toEqual([true, 'draft', false]);
    const invalid = await Job.where({ status: 'draft' }).first_or_create({ id: 'j5' });
    expect([invalid.new_record_p(), invalid.errors.full_messages()]).toEqual([true, ["Title can't be blank"]]);
    await expect(Job.where({ status: 'draft' }).first_or_create_bang({ id: 'j5' })).rejects.toThrow("Validation failed: Title can't be blank");
    expect(await Job.order('id').ids()).toEqual(['j1', 'j2', 'j3']);
  });
});

describe('create_with', () => {
  test('records made through the relation start with its attributes, over what it pins; the attributes given win; null forgets', async () => {
    const paint = await Job.create_with({ status: 'active', title: 'Untitled' }).find_or_create_by({ id: 'j1', title: 'Paint' });
    expect([paint.status, paint.title, (await Job.find('j1')).status]).toEqual(['active', 'Paint', 'active']);
    expect(await Job.create_with({ status: 'done' }).find_or_create_by({ id: 'j1' })).toMatchObject({ status: 'active' }); // found: untouched
    expect(Job.where({ status: 'active' }).create_with({ status: 'done' }).new().status).toBe('done');
    expect(Job.create_with({ status: 'done' }).merge(Job.create_with({ country: 'UK' })).new()).toMatchObject({ status: 'done', country: 'UK' });
    expect(Job.create_with({ status: 'done' }).create_with(null).new().status).toBe(null);
  });
});

describe('relation.create / create!', () => {
  test('create saves with the pinned columns; a list creates each; an invalid one comes back unsaved with errors', async () => {
    const created = await Job.where({ status: 'active' }).create({ id: 'j1', title: 'Paint' });
    expect([created.persisted_p(), (await Job.find('j1')).status]).toEqual([true, 'active']);
    const [a, b] = await Job.where({ client_id: 'c1' }).create([{ id: 'j2', title: 'Wire' }, { id: 'j3', title: '' }]);
    expect([a!.client_id, a!.persisted_p(), b!.new_record_p(), b!.errors.full_messages()]).toEqual(['c1', true, true, ["Title can't be blank"]]);
    await expect(Job.where({ status: 'done' }).create_bang({ id: 'j4', title: '' })).rejects.toThrow("Validation failed: Title can't be blank");
    expect(await Job.ids()).toEqual(['j1', 'j2']);
  });

  test("has_many builders: client.jobs.new / create set the client's key, and the association reads the new job", async () => {
    const client = await Client.find('c1');
    const jobs = client.jobs;
    // Without includes the association is a relation (loaded with includes, it is the array of records).
    if (Array.isArray(jobs)) throw new Error('client.jobs was loaded');
    const job = jobs.new({ title: 'Paint' });
    expect([job.client_id, job.new_record_p()]).toEqual(['c1', true]);
    await jobs.create_bang({ id: 'j9', title: 'Roof' });
    expect((await client.jobs).map((j) => [j.id, j.client_id])).toEqual([['j9', 'c1']]);
  });
});

describe('the has_many of a new record', () => {
  test("creates nothing (Rails: You cannot call create unless the parent is saved); builds only once its key is set", async () => {
    for (const client of [Client.new({ name: 'Initech' }), Client.new({ id: 'c5', name: 'Initech' })]) {
      const jobs = client.jobs;
      if (Array.isArray(jobs)) throw new Error('client.jobs was loaded');
      await expect(jobs.create({ id: 'j7', title: 'Paint' })).rejects.toThrow(new RecordNotSavedError('Client', 'You cannot call create unless the parent is saved'));
      await expect(jobs.where({ status: 'active' }).create_bang({ id: 'j7', title: 'Paint' })).rejects.toThrow('You cannot call create unless the parent is saved');
      // Every creating form creates through the association: first_or_create and find_or_create_by as Rails' (checked).
      for (const create of [() => jobs.first_or_create({ id: 'j7', title: 'x' }), () => jobs.find_or_create_by_bang({ id: 'j7', title: 'x' }), () => jobs.create_or_find_by({ id: 'j7', title: 'x' })]) {
        await expect(create()).rejects.toThrow(new RecordNotSavedError('Client', 'You cannot call create unless the parent is saved'));
      }
    }
    const keyless = Client.new({ name: 'Initech' }).jobs;
    if (Array.isArray(keyless)) throw new Error('client.jobs was loaded');
    // Rails sets the key when it saves the parent with its associations; nothing here does, so it says so.
    expect(() => keyless.new({ title: 'Paint' })).toThrow("Save the Client first: its key is not set, and a new record's associations are not saved with it");
    const keyed = Client.new({ id: 'c5', name: 'Initech' }).jobs;
    if (Array.isArray(keyed)) throw new Error('client.jobs was loaded');
    expect(keyed.new({ title: 'Paint' }).client_id).toBe('c5'); // as Rails
    expect(await Job.count()).toBe(0);
    const client = Client.new({ id: 'c6', name: 'Initech' });
    await client.save_bang();
    const jobs = client.jobs;
    if (Array.isArray(jobs)) throw new Error('client.jobs was loaded');
    expect((await jobs.create_bang({ id: 'j8', title: 'Paint' })).client_id).toBe('c6');
  });

  test("the owner's key wins over a key given (Rails: the association sets it)", async () => {
    const jobs = (await Client.find('c1')).jobs;
    if (Array.isArray(jobs)) throw new Error('client.jobs was loaded');
    expect(jobs.new({ title: 'Paint', client_id: 'c2' }).client_id).toBe('c1');
    expect((await jobs.where({ status: 'active' }).create_bang({ id: 'j1', title: 'Paint', client_id: 'c2' })).client_id).toBe('c1');
    expect((await Job.find('j1')).client_id).toBe('c1');
  });
});
