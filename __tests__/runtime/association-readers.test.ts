/**
 * Association readers without `includes`, ActiveRecord flavour, against a real local Zero in both read modes:
 * `await job.client` is the associated record or null (a NULL or dangling key), `job.tasks` a relation of the associated
 * model to await or refine; a record loaded with `includes` holds the loaded value, and `await` reads it the same way.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { READ_MODES, seed, setup, type Models } from './fixtures.ts';

interface Client { readonly name: string; readonly constructor: { readonly name: string } }
interface Task { readonly title: string }
/** Until the record types carry associations, the readers are reached through this view of a record. */
type WithAssociations = { readonly client: PromiseLike<Client | null> | Client | null; readonly tasks: PromiseLike<Task[]> & { order(o: string): PromiseLike<Task[]> } };
const associations = (record: unknown) => record as WithAssociations;

describe.each(READ_MODES)('%s', (mode) => {
  let m: Models;
  beforeAll(async () => {
    m = setup(mode);
    await seed(m);
  });
  afterAll(() => m.z.close());

  test('belongs_to: the associated record, a model record; null for a NULL key', async () => {
    const client = await associations(await m.Job.find('j1')).client;
    expect(client?.name).toBe('Acme');
    expect(client?.constructor.name).toBe('Client');
    expect(await associations(await m.Job.find('j4')).client).toBeNull();
  });

  test('has_many: a relation of the associated model, to await or refine', async () => {
    const job = associations(await m.Job.find('j1'));
    expect((await job.tasks.order('position')).map((t) => t.title)).toEqual(['Primer', 'Second coat']);
    expect((await associations(await m.Job.find('j2')).tasks).length).toBe(0);
  });

  test('after includes the loaded value is on the record, and await gives the same answer', async () => {
    const job = associations(await m.Job.includes('client').find('j3'));
    expect((job.client as Client).name).toBe('Globex');
    expect((await job.client)?.name).toBe('Globex');
    expect(Object.keys(await m.Job.find('j1'))).not.toContain('client');
  });
});
