/**
 * Association readers without `includes`, ActiveRecord flavour, against a real local Zero in both read modes:
 * `await job.client` is the associated record or null (a NULL or dangling key), `job.tasks` a relation of the associated
 * model to await or refine; a record loaded with `includes` holds the loaded value, and `await` reads it the same way.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ActiveRelation } from '../../runtime/index.ts';
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
