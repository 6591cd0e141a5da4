/**
 * Writes as per-model custom mutators on a real local Zero: the runtime's create/update/destroy/upsert go through
 * `mutators.<model>.*`, whose bodies check the arguments and the Rails validations where they run (client and push
 * endpoint), and a mutator's failure comes back as the typed error.
 */
import { Zero } from '@rocicorp/zero';
import { afterEach, describe, expect, test } from 'vitest';
import { ActiveRecord, ConfigError, RecordInvalidError, RecordNotFoundError, RecordNotUniqueError, defineModel, defineModelMutators } from '../../runtime/index.ts';
import { schema } from '../support/zero.ts';

let z: Zero<typeof schema> | undefined;
afterEach(async () => {
  await z?.close();
  z = undefined;
});

let created = 0;
function setup() {
  const jobConfig = defineModel({
    schema,
    table: 'jobs',
    zero: () => z,
    validations: { title: [{ kind: 'presence' }], status: [{ kind: 'inclusion', in: ['active', 'done'], allow_nil: true }] },
  });
  const mutators = defineModelMutators({ job: jobConfig });
  z = new Zero({ userID: 'm', storageKey: `mutators-${process.pid}-${++created}`, cacheURL: null, kvStore: 'mem', schema, mutators, logLevel: 'error' });
  return { Job: ActiveRecord.createModel(jobConfig), mutators, z };
}

describe('per-model mutators', () => {
  test("create refuses a key a row has (Zero's insert would skip it and succeed), with details the client raises RecordNotUniqueError from", async () => {
    const { Job, mutators } = setup();
    await Job.create_bang({ id: 'j1', title: 'Paint' });
    // Called directly, as the push endpoint runs it for a create that raced another client's.
    const outcome = (await z!.mutate(mutators.job.create({ values: { id: 'j1', title: 'Other' } }) as never).client) as { type: string; error?: { details?: unknown } };
    expect(outcome).toMatchObject({ type: 'error', error: { type: 'app', details: { name: 'RecordNotUniqueError', model: 'Job', operation: 'insert' } } });
    const raised = RecordNotUniqueError.fromDetails(outcome.error?.details);
    expect([raised instanceof RecordNotUniqueError, raised?.message]).toEqual([true, `Job insert failed: the key 'id'="j1" is taken: the row already exists`]);
    expect((await Job.find('j1')).title).toBe('Paint');
  });

  test("the runtime's writes go through mutators.<model>.* (the only mutators this client has)", async () => {
    const { Job } = setup();
    const job = await Job.create({ id: 'j1', title: 'Paint', status: 'active' });
    await job.update({ status: 'done' });
    expect((await Job.find('j1')).status).toBe('done');
    await Job.upsert({ id: 'j2', title: 'Wire' });
    expect(await Job.pluck('id')).toEqual(['j1', 'j2']);
    await job.destroy();
    expect(await Job.pluck('id')).toEqual(['j2']);
  });

  test("a mutator's validation failure is a RecordInvalidError with the mutator's messages (the stored row, not the caller's copy)", async () => {
    const { Job, mutators } = setup();
    const job = await Job.create({ id: 'j1', title: 'Paint', status: 'active' });
    // Upsert skips validations (as in Rails): the stored row now has a status the model does not allow.
    await Job.upsert({ id: 'j1', title: 'Paint', status: 'bogus' });
    // The caller's copy still says 'active', so the client-side check passes; the mutator validates the stored row.
    const error = await job.update_bang({ title: 'Repaint' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordInvalidError);
    expect((error as RecordInvalidError).fullMessages).toEqual(['Status is not included in the list']);
    expect((error as RecordInvalidError).errors).toEqual({ status: ['is not included in the list'] });
    expect((await Job.find('j1')).title).toBe('Paint');
    // Rails' update (no bang): the mutator's refusal is a failed validation like the client's, so false + errors.
    expect(await job.update({ title: 'Repaint again' })).toBe(false);
    expect(job.errors.full_messages()).toEqual(['Status is not included in the list']);
    expect(job.changed()).toEqual(['title']);

    // Called directly, as a push endpoint would, the mutators refuse what the client runtime would have caught earlier.
    const direct = await z!.mutate(mutators.job.create({ values: { id: 'j3', title: '' } }) as never).client;
    expect(direct).toMatchObject({ type: 'error', error: { type: 'app', details: { name: 'RecordInvalidError', fullMessages: ["Title can't be blank"] } } });
  });

  test('save({ validate: false }) skips the record\'s own check, not the mutator\'s: a server must not take the client\'s word', async () => {
    const { Job } = setup();
    const job = await Job.create({ id: 'j1', title: 'Paint' });
    job.title = '';
    expect(await job.save({ validate: false })).toBe(false);
    expect(job.errors.full_messages()).toEqual(["Title can't be blank"]);
    expect((await Job.find('j1')).title).toBe('Paint');
  });

  test("{ wait: 'server' } on a client without a server is refused at once instead of waiting forever, and nothing is written", async () => {
    const { Job } = setup();
    const error = await Job.create({ id: 'j1', title: 'Paint' }, { wait: 'server' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('no server will ever confirm the write');
    expect(await Job.count()).toBe(0);
  });

  test('hostile arguments are refused by the mutator with a message, and nothing is written', async () => {
    const { Job, mutators } = setup();
    const attempts: [unknown, string][] = [
      [{ values: { id: 'x', title: 'T', password: 'p' } }, "unknown attribute 'password' for Job"],
      [{ values: { id: 'x', title: 42 } }, "column 'title' of Job holds strings; got 42"],
      [{ values: { title: 'keyless' } }, "'id' is required"],
      [{ values: 'DROP TABLE jobs' }, 'expected { values: { column: value } }'],
      [null, 'expected { values: { column: value } }'],
    ];
    for (const [args, message] of attempts) {
      const result = (await z!.mutate(mutators.job.create(args as never) as never).client) as { type: string; error?: { message: string } };
      expect(result.type).toBe('error');
      expect(result.error!.message).toContain(message);
    }
    expect(await Job.count()).toBe(0);
    // An update of a row the client does not have is refused where it first runs, with the details of a RecordNotFoundError.
    const error = await z!.mutate(mutators.job.update({ values: { id: 'ghost', title: 'Boo' } }) as never).client;
    expect(error).toMatchObject({
      type: 'error',
      error: { message: "Couldn't find Job with 'id'=\"ghost\"", details: { name: 'RecordNotFoundError', model: 'Job', primaryKey: 'id', id: 'ghost' } },
    });
  });

  test('an update of a record whose row is gone is a RecordNotFoundError through the runtime, and writes nothing', async () => {
    const { Job, mutators } = setup();
    const job = await Job.create({ id: 'j1', title: 'Paint' });
    await z!.mutate(mutators.job.destroy({ values: { id: 'j1' } }) as never).client;
    const error = await job.update_bang({ title: 'Repaint' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordNotFoundError);
    expect(error).toMatchObject({ model: 'Job', primaryKey: 'id', id: 'j1' });
    expect((error as Error).message).toBe("Couldn't find Job with 'id'=\"j1\"");
    expect(await Job.count()).toBe(0);
    // The Rails push endpoint names its error RecordNotFound (rails/lib/zero_record/push/model_operations.rb): the same error.
    const fromRails = RecordNotFoundError.fromDetails({ name: 'RecordNotFound', model: 'Job', primaryKey: 'id', id: 'j1' }, "Couldn't find Job with 'id'=j1");
    expect(fromRails).toBeInstanceOf(RecordNotFoundError);
    expect(fromRails).toMatchObject({ model: 'Job', primaryKey: 'id', id: 'j1' });
    expect(RecordNotFoundError.fromDetails({ name: 'RecordInvalidError', model: 'Job' }, 'x')).toBeUndefined();
  });
});
