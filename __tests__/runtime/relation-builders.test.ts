/**
 * Records made through a relation, as Rails makes them: `relation.new` / `build` / `create` / `create!` start with the
 * columns the relation pins to one value (its `where_values_hash`), then the attributes given; so the has_many builders
 * (`client.jobs.new`, `client.jobs.create`) set the foreign key. Real local Zero; each answer checked against Ruby's
 * ActiveRecord over SQLite.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Zero } from '@rocicorp/zero';
import { ActiveRecord, defineModel, type ModelDefinition } from '../../runtime/index.ts';
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
