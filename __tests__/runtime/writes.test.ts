/**
 * Writes through Zero mutators, validations with Rails messages, and live subscriptions, on a real local Zero.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MutationError, NotNullViolationError, QueryError, QueryFailedError, RecordNotUniqueError, UnknownAttributeError, RecordInvalidError, RecordNotFoundError, ZeroNotReadyError, ActiveRecord, defineModel, configureZero } from '../../runtime/index.ts';
import { liveViewCount } from '../../runtime/core/shared-views.ts';
import { databaseRefusal } from '../../runtime/core/zero-write.ts';
import { seed, setup, type Models } from './fixtures.ts';
import { schema } from '../support/zero.ts';

let m: Models;
beforeEach(async () => {
  m = setup();
  await seed(m);
});
afterEach(() => m.z.close());

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('writes', () => {
  test('create stores the row and returns a record with every column, created_at set as Rails does', async () => {
    const before = Date.now();
    const job = await m.Job.create({ id: 'n1', title: 'New' });
    expect({ ...job, created_at: 0 }).toEqual({ id: 'n1', title: 'New', status: null, country: null, priority: null, client_id: null, created_at: 0 });
    expect(job.created_at).toBeGreaterThanOrEqual(before);
    expect(job.created_at).toBeLessThanOrEqual(Date.now());
    expect((await m.Job.find('n1')).created_at).toBe(job.created_at);
  });

  test('column defaults fill attributes left out; an explicit null wins; timestamps can be turned off', async () => {
    const Job = ActiveRecord.createModel({ schema, table: 'jobs', zero: m.z, defaults: { status: 'active', priority: 1 }, timestamps: false });
    const job = await Job.create({ id: 'd1', title: 'Defaulted', priority: null });
    expect([job.status, job.priority, job.created_at]).toEqual(['active', null, null]);
    expect((await Job.find('d1')).status).toBe('active');
  });

  test("a column the schema requires is refused NULL before anything is written, with PostgreSQL's message (Rails' NotNullViolation)", async () => {
    const message = 'Task insert failed: null value in column "position" of relation "tasks" violates not-null constraint';
    await expect(m.Task.create_bang({ id: 't9', job_id: 'j1', title: 'x' })).rejects.toThrow(new NotNullViolationError('Task', 'insert', 'null value in column "position" of relation "tasks" violates not-null constraint'));
    await expect(m.Task.create({ id: 't9', job_id: 'j1', title: 'x' })).rejects.toThrow(message);
    expect(await m.Task.exists_p('t9')).toBe(false);
    const task = await m.Task.find('t1');
    await expect(task.update_bang({ position: null as never })).rejects.toThrow('Task update failed: null value in column "position" of relation "tasks" violates not-null constraint');
    expect((await m.Task.find('t1')).position).toBe(1);
    // An optional column takes NULL as ever.
    expect((await m.Job.create_bang({ id: 'n0', title: 'x', status: null })).status).toBeNull();
  });

  test("a server's refusal is typed by PostgreSQL's words, as Rails types it by the SQLSTATE", () => {
    const refused = (message: string) => databaseRefusal('Job', 'insert', message, undefined);
    expect(refused('duplicate key value violates unique constraint "jobs_pkey"')).toBeInstanceOf(RecordNotUniqueError);
    expect(refused('null value in column "title" of relation "jobs" violates not-null constraint')).toBeInstanceOf(NotNullViolationError);
    const other = refused('permission denied for table jobs');
    expect([other.constructor, other.message]).toEqual([MutationError, 'Job insert failed: permission denied for table jobs']);
  });

  test('create generates a UUID for a blank string key', async () => {
    const job = await m.Job.create({ title: 'Keyless' });
    expect(job.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await m.Job.find(job.id)).title).toBe('Keyless');
  });

  test('create refuses a duplicate key (Zero would silently ignore it)', async () => {
    await expect(m.Job.create({ id: 'j1', title: 'Dup' })).rejects.toThrow(new RecordNotUniqueError('Job', 'insert', `the key 'id'="j1" is taken: the row already exists`));
    expect((await m.Job.find('j1')).title).toBe('Paint');
  });

  test('create refuses unknown attributes (Zero would store them)', async () => {
    await expect(m.Job.create({ id: 'x', title: 'T', colour: 'red' } as never)).rejects.toThrow(
      new UnknownAttributeError('Job', 'colour'),
    );
    expect(await m.Job.exists_p('x')).toBe(false);
  });

  test('create needs a key for numeric keys', async () => {
    await expect(m.Counter.create({ value: 1 })).rejects.toThrow(QueryError);
  });

  test('validations run before the write, with Rails messages (create_bang raises them)', async () => {
    const error = await m.Job.create_bang({ id: 'bad', title: '   ', status: 'lost' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordInvalidError);
    expect((error as RecordInvalidError).errors).toEqual({ title: ["can't be blank"], status: ['is not included in the list'] });
    expect((error as Error).message).toBe("Validation failed: Title can't be blank, Status is not included in the list");
    expect(await m.Job.exists_p('bad')).toBe(false);
    const long = await m.Job.create_bang({ id: 'l', title: 'x'.repeat(21) }).catch((e: unknown) => e);
    expect((long as Error).message).toBe('Validation failed: Title is too long (maximum is 20 characters)');
  });

  test('record.update writes the given columns, validates the merged record, updates the object', async () => {
    const job = await m.Job.find('j1');
    expect(await job.update({ title: 'Repaint', priority: 2 })).toBe(true);
    expect([job.title, job.priority]).toEqual(['Repaint', 2]);
    const fresh = await m.Job.find('j1');
    expect([fresh.title, fresh.priority, fresh.status]).toEqual(['Repaint', 2, 'active']);
    await expect(job.update_bang({ title: '' })).rejects.toThrow("Validation failed: Title can't be blank");
    expect((await m.Job.find('j1')).title).toBe('Repaint');
  });

  test('class-level update and destroy find first (RecordNotFoundError when missing)', async () => {
    expect((await m.Job.update('j2', { status: 'active' })).status).toBe('active');
    await expect(m.Job.update('zz', { title: 'x' })).rejects.toThrow(RecordNotFoundError);
    const gone = await m.Job.destroy('j2');
    expect(Object.isFrozen(gone)).toBe(true);
    expect(await m.Job.exists_p('j2')).toBe(false);
    await expect(m.Job.destroy('j2')).rejects.toThrow(`Couldn't find Job with 'id'="j2"`);
  });

  test('record.destroy deletes and freezes; reload re-reads', async () => {
    const job = await m.Job.find('j3');
    const copy = await m.Job.find('j3');
    await m.Job.update('j3', { title: 'Replumb' });
    expect((await copy.reload()).title).toBe('Replumb');
    await job.destroy();
    expect(Object.isFrozen(job)).toBe(true);
    await expect(copy.reload()).rejects.toThrow(RecordNotFoundError);
  });

  test('upsert inserts or updates by key', async () => {
    await m.Job.upsert({ id: 'u1', title: 'Up' });
    await m.Job.upsert({ id: 'u1', title: 'Up again' });
    expect((await m.Job.find('u1')).title).toBe('Up again');
    await expect(m.Job.upsert({ title: 'no key' })).rejects.toThrow("Job.upsert: 'id' is required");
  });
});

describe('subscribe', () => {
  test('delivers at once and after every change; releases the Zero view with the last subscriber', async () => {
    const seen: string[][] = [];
    const seenToo: number[] = [];
    const stop = m.Job.active().order('id').subscribe((jobs) => seen.push(jobs.map((j) => j.title)));
    const stopToo = m.Job.active().order('id').subscribe((jobs) => seenToo.push(jobs.length));
    expect(seen).toEqual([['Paint', 'Plumb']]);
    expect(liveViewCount(m.z)).toBe(1); // identical relations share one view
    await m.Job.update('j2', { status: 'active' });
    await tick();
    expect(seen.at(-1)).toEqual(['Paint', 'Wire', 'Plumb']);
    stop();
    expect(liveViewCount(m.z)).toBe(1);
    stopToo();
    expect(liveViewCount(m.z)).toBe(0);
    await m.Job.update('j1', { status: 'done' });
    await tick();
    expect(seen.at(-1)).toEqual(['Paint', 'Wire', 'Plumb']);
    expect(seenToo.at(-1)).toBe(3);
  });
});

describe('Zero source', () => {
  afterEach(() => configureZero(undefined));

  test('a model without a Zero client says how to configure one', async () => {
    const Orphan = ActiveRecord.createModel({ schema, table: 'clients' });
    await expect(Orphan.find('c1')).rejects.toThrow(new ZeroNotReadyError('Client: no Zero client configured; call configureZero(() => zero) or pass zero in the model config'));
  });
});

describe('Rails details', () => {
  test("custom messages interpolate %{attribute} and %{model} (humanized, as Rails' human_attribute_name and model_name.human)", async () => {
    const Line = ActiveRecord.createModel({ schema, table: 'jobs', zero: m.z, className: 'LineItem', validations: { client_id: [{ kind: 'presence', message: '%{attribute} needed for %{model}: %{value}' }] } });
    expect(Line.new({ title: 'x' }).valid_p()).toBe(false);
    const line = Line.new({ title: 'x' });
    line.valid_p();
    expect(line.errors.full_messages()).toEqual(['Client Client needed for Line item: ']);
  });

  test('custom messages interpolate %{value} and %{count}', async () => {
    const Job = ActiveRecord.createModel({
      schema,
      table: 'jobs',
      zero: m.z,
      validations: {
        status: [{ kind: 'inclusion', in: ['active'], message: '%{value} is not a valid status' }],
        title: [{ kind: 'length', maximum: 3, message: 'is longer than %{count}' }],
      },
    });
    await expect(Job.create_bang({ id: 'v', title: 'Long', status: 'lost' })).rejects.toThrow(
      'Validation failed: Status lost is not a valid status, Title is longer than 3', // declaration order, as Rails
    );
  });
});

describe('server confirmation', () => {
  test("{ wait: 'server' } on a schema with legacy CRUD mutators is refused before anything is written", async () => {
    const { Zero, createSchema, string, table } = await import('@rocicorp/zero');
    const notes = table('notes').columns({ id: string(), body: string() }).primaryKey('id');
    const legacy = createSchema({ tables: [notes], enableLegacyMutators: true });
    const z = new Zero({ userID: 'u', storageKey: `crud-${Date.now()}`, cacheURL: null, kvStore: 'mem', schema: legacy, logLevel: 'error' });
    const Note = ActiveRecord.createModel({ schema: legacy, table: 'notes', zero: z });
    const error = await Note.create({ id: 'n', body: 'x' }, { wait: 'server' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MutationError);
    expect((error as Error).message).toMatch(/^Note insert failed: \{ wait: 'server' \} needs the runtime's custom mutators/);
    expect(await Note.exists_p('n')).toBe(false);
    await Note.create({ id: 'n', body: 'x' });
    expect((await Note.find('n')).body).toBe('x');
    await z.close();
  });
});

describe('one-shot reads answered from local data', () => {
  test("whatever Zero's view throws (materialize, or its destroy) is the read's QueryFailedError naming the model, as from z.run", async () => {
    const materialize = m.z.materialize.bind(m.z);
    const spy = vi.spyOn(m.z, 'materialize').mockImplementation(((query: never, options?: never) => {
      const view = materialize(query, options);
      const destroy = view.destroy.bind(view);
      view.destroy = () => {
        destroy();
        throw new Error('destroy failed');
      };
      return view;
    }) as never);
    try {
      const error = await m.Job.find('j1').then(() => null, (e: unknown) => e);
      expect([error instanceof QueryFailedError, (error as Error).message]).toEqual([true, 'Job: query failed: Error: destroy failed']);
      spy.mockImplementation(() => {
        throw new Error('no view');
      });
      await expect(Promise.resolve(m.Job.where({ status: 'active' }))).rejects.toThrow(new QueryFailedError('Job: query failed: Error: no view'));
    } finally {
      spy.mockRestore();
    }
    expect((await m.Job.find('j1')).title).toBe('Paint');
  });
});
