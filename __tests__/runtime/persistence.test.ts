/**
 * Rails' persistence and dirty tracking on ActiveRecord records, table-driven, against a real local Zero. Every
 * expectation is what Active Record answers for the same calls (checked with Ruby's ActiveRecord over SQLite: the
 * return value, the messages, NULL handling), `!` spelled `_bang` and `?` spelled `_p`.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Zero, boolean, createSchema, number, string, table } from '@rocicorp/zero';
import {
  ActiveRecord, MissingAttributeError, QueryError, RecordInvalidError, RecordNotFoundError, RecordNotSavedError, UnknownAttributeError, ZeroRecordError, recordMutators,
} from '../../runtime/index.ts';
import { seed, setup, type Models } from './fixtures.ts';

let m: Models;
beforeEach(async () => {
  m = setup();
  await seed(m);
});
afterEach(() => m.z.close());

type Job = ReturnType<Models['Job']['new']>;
const stored = async (id: string) => {
  const row = await m.Job.find_by({ id });
  return row && { title: row.title, status: row.status, priority: row.priority };
};

describe('new, save, create', () => {
  test('new: an unsaved record with the assigned values, NULL elsewhere; nothing written', async () => {
    const job = m.Job.new({ id: 'n1', title: 'Paint' });
    expect([job.new_record_p(), job.persisted_p(), job.destroyed_p()]).toEqual([true, false, false]);
    expect({ ...job }).toEqual({ id: 'n1', title: 'Paint', status: null, country: null, priority: null, client_id: null, created_at: null });
    expect(job.changes()).toEqual({ id: [null, 'n1'], title: [null, 'Paint'] }); // Rails: assigned values are changes
    expect(job.errors.empty_p()).toBe(true);
    expect(await m.Job.exists_p('n1')).toBe(false);
    expect(m.Job.build({ title: 'x' }).new_record_p()).toBe(true);
  });

  test("new refuses unknown attributes, as Rails (UnknownAttributeError, Rails' message; a QueryError like every bad input)", () => {
    const error = (() => {
      try {
        m.Job.new({ colour: 'red' } as never);
      } catch (e) {
        return e;
      }
    })();
    expect([error instanceof UnknownAttributeError, error instanceof QueryError, (error as Error).message, (error as UnknownAttributeError).attribute]).toEqual([
      true, true, "unknown attribute 'colour' for Job.", 'colour',
    ]);
  });

  const saves: [string, Record<string, unknown>, boolean, Record<string, string[]>][] = [
    ['valid', { title: 'Paint' }, true, {}],
    ['blank title', { title: '  ' }, false, { title: ["can't be blank"] }],
    ['two failures, declaration order', { title: '', status: 'lost' }, false, { title: ["can't be blank"], status: ['is not included in the list'] }],
    ['NULL status is allowed (allow_nil)', { title: 'Paint', status: null }, true, {}],
    ['too long', { title: 'x'.repeat(21) }, false, { title: ['is too long (maximum is 20 characters)'] }],
  ];
  test.each(saves)('save of a new record, %s: returns %s, errors as Rails', async (_name, attributes, ok, errors) => {
    const job = m.Job.new({ id: 's1', ...attributes });
    expect(await job.save()).toBe(ok);
    expect(job.errors.to_hash()).toEqual(errors);
    expect([job.new_record_p(), job.persisted_p()]).toEqual([!ok, ok]);
    expect(await m.Job.exists_p('s1')).toBe(ok);
    if (ok) expect(job.changed_p()).toBe(false);
  });

  test('save_bang raises RecordInvalidError with Rails message and fills errors', async () => {
    const job = m.Job.new({ id: 's2', title: '' });
    await expect(job.save_bang()).rejects.toThrow(new RecordInvalidError('Job', { title: ["can't be blank"] }, ["Title can't be blank"], { title: [{ error: 'blank' }] }));
    expect(job.errors.full_messages()).toEqual(["Title can't be blank"]);
    job.title = 'Fixed';
    expect(await job.save_bang()).toBe(true);
    expect([job.errors.any_p(), job.persisted_p()]).toEqual([false, true]);
  });

  test('save({ validate: false }) and save_bang({ validate: false }) write an invalid record, as Rails', async () => {
    const job = await m.Job.find('j1');
    job.title = '';
    expect(await job.save({ validate: false })).toBe(true);
    expect([job.changed_p(), job.errors.any_p(), (await stored('j1'))?.title]).toEqual([false, false, '']);
    const fresh = m.Job.new({ id: 's3', title: '' });
    expect(await fresh.save_bang({ validate: false })).toBe(true);
    expect([fresh.persisted_p(), (await stored('s3'))?.title]).toEqual([true, '']);
    // validate: true is the default, said out loud.
    fresh.status = 'nope';
    expect(await fresh.save({ validate: true })).toBe(false);
    expect(fresh.errors.full_messages()).toEqual(["Title can't be blank", 'Status is not included in the list']);
  });

  test('create returns the record: saved when valid, unsaved with errors when not (Rails), no UUID until saved', async () => {
    const good = await m.Job.create({ title: 'Good' });
    expect([good.persisted_p(), good.id]).toEqual([true, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect((await m.Job.find(good.id)).title).toBe('Good');
    const bad = await m.Job.create({ title: '' });
    expect([bad.new_record_p(), bad.id, bad.errors.full_messages()]).toEqual([true, null, ["Title can't be blank"]]);
  });

  test("create([a, b]) creates each in turn, as Rails; create_bang stops at the first invalid one, whose error names the record", async () => {
    const made = await m.Job.create([{ id: 'a1', title: 'One' }, { id: 'a2', title: '' }]);
    expect(made.map((j) => [j.id, j.persisted_p()])).toEqual([['a1', true], ['a2', false]]);
    const error = await m.Job.create_bang([{ id: 'b1', title: 'One' }, { id: 'b2', title: '' }, { id: 'b3', title: 'Three' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordInvalidError);
    // Rails' RecordInvalid#record: the record that failed.
    expect(((error as RecordInvalidError).record as { id: string }).id).toBe('b2');
    expect(await m.Job.where({ id: ['b1', 'b2', 'b3'] }).pluck('id')).toEqual(['b1']);
  });

  test('create_bang raises; other failures raise from create too (a duplicate key is not a validation)', async () => {
    await expect(m.Job.create_bang({ title: '' })).rejects.toThrow("Validation failed: Title can't be blank");
    await expect(m.Job.create({ id: 'j1', title: 'Dup' })).rejects.toThrow(`Job insert failed: the key 'id'="j1" is taken: the row already exists`);
  });

  test('previous_changes after create: every column the insert set (Rails: id, title, timestamps)', async () => {
    const job = await m.Job.create({ id: 'p1', title: 'Paint' });
    expect(Object.keys(job.previous_changes())).toEqual(['id', 'title', 'created_at']);
    expect(job.saved_changes()).toBe(job.previous_changes());
  });
});

describe('update and the class-level writes', () => {
  const updates: [string, Record<string, unknown>, boolean, string[], string][] = [
    ['valid', { title: 'Repaint' }, true, [], 'Repaint'],
    ['invalid', { title: '' }, false, ["Title can't be blank"], 'Paint'],
    ['same value (no change, no write)', { title: 'Paint' }, true, [], 'Paint'],
  ];
  test.each(updates)('record.update, %s: returns %s with errors %j; the database keeps %s', async (_name, attributes, ok, messages, inDatabase) => {
    const job = await m.Job.find('j1');
    expect(await job.update(attributes)).toBe(ok);
    expect(job.errors.full_messages()).toEqual(messages);
    expect((await stored('j1'))?.title).toBe(inDatabase);
    // Rails: a failed update leaves the assigned value on the record, still a change.
    expect(job.title).toBe(attributes.title);
    expect(job.changed()).toEqual(ok ? [] : ['title']);
  });

  test('update_bang raises and keeps the record changed', async () => {
    const job = await m.Job.find('j1');
    await expect(job.update_bang({ title: '' })).rejects.toThrow(RecordInvalidError);
    expect(job.errors.get('title')).toEqual(["can't be blank"]);
    expect(await job.update_bang({ title: 'Ok' })).toBe(true);
    expect(job.errors.get('title')).toEqual([]);
  });

  test('Model.update returns the record (with errors when invalid); update_bang raises; both find first', async () => {
    const bad = await m.Job.update('j1', { title: '' });
    expect([bad.id, bad.errors.full_messages()]).toEqual(['j1', ["Title can't be blank"]]);
    expect((await m.Job.update('j1', { title: 'New' })).title).toBe('New');
    await expect(m.Job.update_bang('j1', { title: '' })).rejects.toThrow("Validation failed: Title can't be blank");
    const missing = await m.Job.update('nope', { title: 'x' }).catch((e: unknown) => e);
    expect([missing instanceof RecordNotFoundError, (missing as Error).message]).toEqual([true, `Couldn't find Job with 'id'="nope"`]);
  });

  test('save writes only the changed columns; NULL is a value like any other', async () => {
    const job = await m.Job.find('j1');
    job.country = null;
    expect(job.changes()).toEqual({ country: ['UK', null] });
    expect(await job.save()).toBe(true);
    expect((await m.Job.find('j1')).country).toBeNull();
    expect(job.previous_changes()).toEqual({ country: ['UK', null] });
  });

  test('assign_attributes casts as Rails does (a numeric string, a blank number) and refuses a non-hash', async () => {
    const job = await m.Job.find('j2');
    job.assign_attributes({ priority: '3' as never });
    expect([job.priority, job.changed_p()]).toEqual([3, false]); // '3' is the 3 already stored: no change
    job.assign_attributes({ priority: '' as never });
    expect(job.changes()).toEqual({ priority: [3, null] });
    expect(() => job.assign_attributes('x' as never)).toThrow('When assigning attributes, you must pass a hash as an argument, String passed.');
  });
});

describe('destroy, reload, touch, increment, toggle', () => {
  test('destroy deletes, freezes and returns the record; save afterwards is false, save_bang RecordNotSaved', async () => {
    const job = await m.Job.find('j2');
    expect(await job.destroy()).toBe(job);
    expect([job.destroyed_p(), job.persisted_p(), job.new_record_p(), Object.isFrozen(job)]).toEqual([true, false, false, true]);
    expect(await m.Job.exists_p('j2')).toBe(false);
    expect(await job.save()).toBe(false);
    await expect(job.save_bang()).rejects.toThrow(new RecordNotSavedError('Job', 'Failed to save the record'));
    expect(() => {
      (job as { title: unknown }).title = 'x';
    }).toThrow(TypeError); // Rails: FrozenError
  });

  test('destroy of a new record writes nothing; destroy_bang is destroy', async () => {
    const job = m.Job.new({ id: 'j1', title: 'Same id as a stored job' });
    await job.destroy_bang();
    expect([job.destroyed_p(), job.new_record_p()]).toEqual([true, true]);
    expect(await m.Job.exists_p('j1')).toBe(true);
  });

  test('reload drops unsaved changes and reads the database; a deleted row is RecordNotFoundError', async () => {
    const job = await m.Job.find('j3');
    job.title = 'Unsaved';
    await m.Job.update_bang('j3', { priority: 9 });
    expect(await job.reload()).toBe(job);
    expect([job.title, job.priority, job.changed_p()]).toEqual(['Plumb', 9, false]);
    await m.Job.destroy('j3');
    await expect(job.reload()).rejects.toThrow(`Couldn't find Job with 'id'="j3"`);
  });

  const counters: [string, (job: Job) => Job, number | null][] = [
    ['increment', (job) => job.increment('priority'), 2],
    ['increment by 5', (job) => job.increment('priority', 5), 6],
    ['decrement', (job) => job.decrement('priority'), 0],
    ['decrement by 3', (job) => job.decrement('priority', 3), -2],
  ];
  test.each(counters)('%s changes the attribute, returns the record, saves nothing', async (_name, act, value) => {
    const job = await m.Job.find('j1'); // priority 1
    expect(act(job)).toBe(job);
    expect(job.changes()).toEqual({ priority: [1, value] });
    expect((await stored('j1'))?.priority).toBe(1);
  });

  test('update_columns / update_column write at once, cast, without validations; those columns are saved, other changes stay', async () => {
    const job = await m.Job.find('j1');
    job.title = 'Dirty';
    expect(await job.update_columns({ priority: '7' as never, status: 'nope' })).toBe(true);
    expect([job.priority, job.status, job.changes()]).toEqual([7, 'nope', { title: ['Paint', 'Dirty'] }]);
    expect(await stored('j1')).toEqual({ title: 'Paint', status: 'nope', priority: 7 });
    expect(await job.update_column('title', '')).toBe(true);
    expect([(await stored('j1'))?.title, job.changed_p()]).toEqual(['', false]);
    await expect(job.update_columns({ nope: 1 } as never)).rejects.toThrow(new MissingAttributeError('nope'));
    await expect(job.update_columns({})).rejects.toThrow('Empty list of attributes to change');
    // undefined is not given (as in update): nothing is written as NULL.
    await expect(job.update_columns({ status: undefined })).rejects.toThrow('Empty list of attributes to change');
    expect(await job.update_columns({ status: undefined, country: 'FR' })).toBe(true);
    expect([job.status, (await m.Job.find('j1')).status, (await m.Job.find('j1')).country]).toEqual(['nope', 'nope', 'FR']);
    await expect(m.Job.new({ title: 'x' }).update_columns({ title: 'y' })).rejects.toThrow(new ZeroRecordError('cannot update a new record'));
    await job.destroy();
    await expect(job.update_column('title', 'y')).rejects.toThrow(new ZeroRecordError('cannot update a destroyed record'));
  });

  test('increment of NULL counts from 0 (Rails); increment_bang writes that column alone, skipping validations', async () => {
    const job = await m.Job.find('j4'); // priority NULL
    expect(job.increment('priority').priority).toBe(1);
    job.title = ''; // invalid, unsaved: increment_bang neither validates nor writes it
    expect(await job.increment_bang('priority', 2)).toBe(job);
    expect(await stored('j4')).toEqual({ title: 'Tile', status: null, priority: 3 });
    expect(job.changes()).toEqual({ title: ['Tile', ''] });
    expect((await job.decrement_bang('priority')).priority).toBe(2);
    expect(() => job.increment('nope' as never)).toThrow("can't write unknown attribute `nope`");
  });

  test('touch(name) writes that timestamp as now, without validations; a new or destroyed record raises as Rails', async () => {
    const job = await m.Job.find('j1');
    const before = Date.now();
    job.title = ''; // invalid and unsaved: touch neither validates nor writes it
    expect(await job.touch('created_at')).toBe(true);
    expect(job.created_at).toBeGreaterThanOrEqual(before);
    expect((await m.Job.find('j1')).created_at).toBe(job.created_at);
    expect(job.changed()).toEqual(['title']);
    const message = 'Cannot touch on a new or destroyed record object. Consider using persisted?, new_record?, or destroyed? before touching.';
    await expect(m.Job.new({ title: 'x' }).touch()).rejects.toThrow(new ZeroRecordError(message));
    await job.destroy();
    await expect(job.touch()).rejects.toThrow(message);
  });
});

describe('timestamps are one instant, as Rails stamps them', () => {
  test("create gives created_at and updated_at the same time, and touch every column it names, however the clock moves between reads", async () => {
    const stamped = table('stamped').columns({ id: string(), created_at: number().optional(), updated_at: number().optional(), seen_at: number().optional() }).primaryKey('id');
    const schema = createSchema({ tables: [stamped] });
    const z = new Zero({ userID: 'u', storageKey: `stamped-${Math.random()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
    const Stamped = ActiveRecord.createModel({ schema, table: 'stamped', zero: z });
    let tick = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => ++tick); // a clock that moves on every read
    try {
      const record = await Stamped.create_bang({ id: 's' });
      expect(record.updated_at).toBe(record.created_at);
      await record.touch('seen_at');
      expect(record.seen_at).toBe(record.updated_at);
    } finally {
      clock.mockRestore();
      await z.close();
    }
  });
  test("Rails' other timestamp names: create sets created_on and updated_on, update, touch and touch_all updated_on", async () => {
    const dated = table('dated').columns({ id: string(), name: string(), created_on: number().optional(), updated_on: number().optional() }).primaryKey('id');
    const schema = createSchema({ tables: [dated] });
    const z = new Zero({ userID: 'u', storageKey: `dated-${Math.random()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
    const Dated = ActiveRecord.createModel({ schema, table: 'dated', zero: z });
    try {
      const record = await Dated.create_bang({ id: 'd', name: 'a' });
      expect([record.created_on! > 0, record.updated_on]).toEqual([true, record.created_on]);
      const stamps: [string, boolean][] = [];
      const moved = async (what: string, write: () => Promise<unknown>) => {
        await Dated.update_all({ created_on: 1, updated_on: 1 });
        await write();
        const found = await Dated.find('d');
        stamps.push([what, found.updated_on! > 1 && found.created_on === 1]);
      };
      await moved('update', async () => (await Dated.find('d')).update_bang({ name: 'b' }));
      await moved('touch', async () => (await Dated.find('d')).touch());
      await moved('touch_all', () => Dated.all().touch_all());
      expect(stamps).toEqual([['update', true], ['touch', true], ['touch_all', true]]);
    } finally {
      await z.close();
    }
  });
});

describe('a model with a boolean and updated_at', () => {
  let z: Zero<typeof schema> | undefined;
  afterEach(() => z?.close());
  const switches = table('switches').columns({ id: string(), name: string(), on: boolean().optional(), updated_at: number().optional() }).primaryKey('id');
  const schema = createSchema({ tables: [switches] });
  const model = () => {
    z = new Zero({ userID: 'u', storageKey: `switches-${Date.now()}-${Math.random()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
    return ActiveRecord.createModel({ schema, table: 'switches', zero: z, validations: { name: [{ kind: 'presence' }] } });
  };

  test('toggle: NULL -> true -> false, not saved; toggle_bang saves without validations and returns true', async () => {
    const Switch = model();
    const s = await Switch.create_bang({ id: 's', name: 'Porch' });
    expect(s.toggle('on').on).toBe(true);
    expect(s.toggle('on').on).toBe(false);
    expect(s.changes()).toEqual({ on: [null, false] });
    expect((await Switch.find('s')).on).toBeNull();
    s.name = '';
    expect(await s.toggle_bang('on')).toBe(true); // Rails' update_attribute: save(validate: false)
    expect([(await Switch.find('s')).on, (await Switch.find('s')).name, s.changed_p()]).toEqual([true, '', false]);
  });

  test("a boolean column casts as ActiveModel's Type::Boolean on assignment and in where (each answer is ActiveRecord 6.1's)", async () => {
    const Switch = model();
    await Switch.create_bang([{ id: 'a', name: 'a', on: true }, { id: 'b', name: 'b', on: false }, { id: 'c', name: 'c' }]);
    const given = ['', '1', '0', 'true', 'false', 'f', 'off', 'abc', 'yes', 2, 0, ' ', 'FALSE', 'False'];
    const assigned = given.map((value) => Switch.new({ on: value as never }).on);
    expect(assigned).toEqual([null, true, false, true, false, false, false, true, true, true, false, true, false, true]);
    const matched = await Promise.all(given.slice(1).map(async (value) => (await Switch.where({ on: value as never }).pluck('name')).join()));
    expect(matched).toEqual(['a', 'b', 'a', 'b', 'b', 'b', 'a', 'a', 'a', 'b', 'a', 'b', 'a']);
    // Rails' where(on: '') is `on = NULL`, which matches nothing; here it is refused, as a blank number is.
    expect(() => Switch.where({ on: '' as never })).toThrow(QueryError);
    // A plain record holds what was assigned; Rails' cast value is what attributes(), dirty tracking and save see.
    const s = await Switch.find('a');
    s.on = '' as never;
    expect([s.changes(), s.attributes().on]).toEqual([{ on: [true, null] }, null]);
    await s.save_bang();
    expect((await Switch.find('a')).on).toBeNull();
  });

  test('save sets updated_at; touch sets it alone; increment_bang does not (Rails update_counters)', async () => {
    const Switch = model();
    const s = await Switch.create_bang({ id: 's', name: 'Porch' });
    const created = s.updated_at!;
    expect(created).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await s.touch()).toBe(true);
    expect(s.updated_at).toBeGreaterThan(created);
    expect([(await Switch.find('s')).updated_at, s.changed_p()]).toEqual([s.updated_at, false]);
    expect(await s.save()).toBe(true); // nothing changed: no write, updated_at kept
    expect((await Switch.find('s')).updated_at).toBe(s.updated_at);
  });
});

describe("what a record says of itself, as ActiveRecord 6.1 answers, and Rails 7+ where they differ (from its source: previously_persisted? is !new_record? && destroyed?; destroy clears previously_new_record?)", () => {
  test('previously_new_record_p: true after the save that created the row, until another save, a reload or a destroy', async () => {
    const job = m.Job.new({ id: 'p1', title: 'a' });
    const answers: [string, boolean][] = [['new', job.previously_new_record_p()]];
    await job.save_bang();
    answers.push(['created', job.previously_new_record_p()]);
    job.title = 'assigned';
    answers.push(['created, then assigned', job.previously_new_record_p()]);
    await job.reload();
    answers.push(['reloaded', job.previously_new_record_p()]);
    await job.save_bang();
    answers.push(['saved without changes', job.previously_new_record_p()]);
    const created = await m.Job.create_bang({ id: 'p2', title: 'k' });
    await created.update_bang({ title: 'kk' });
    answers.push(['updated', created.previously_new_record_p()]);
    const destroyed = await m.Job.create_bang({ id: 'p3', title: 'd' });
    await destroyed.destroy();
    answers.push(['destroyed after create', destroyed.previously_new_record_p()]);
    answers.push(['found', (await m.Job.find('p1')).previously_new_record_p()]);
    expect(answers).toEqual([
      ['new', false], ['created', true], ['created, then assigned', true], ['reloaded', false], ['saved without changes', false],
      ['updated', false], ['destroyed after create', false], ['found', false], // 6.1 kept true after destroy; Rails 7+ clears it
    ]);
    expect([destroyed.previously_persisted_p(), created.previously_persisted_p(), m.Job.new({ title: 'x' }).previously_persisted_p()]).toEqual([true, false, false]);
    const unsaved = m.Job.new({ title: 'x' });
    await unsaved.destroy();
    expect(unsaved.previously_persisted_p()).toBe(false); // never saved: Rails' new_record? stays true
  });

  test('has_attribute_p, attribute_present_p, attribute_names and attributes (unsaved values included, cast)', async () => {
    const job = m.Job.new({ title: '  ', priority: 0 });
    expect([job.has_attribute_p('title'), job.has_attribute_p('id'), job.has_attribute_p('nope')]).toEqual([true, true, false]);
    // Rails: "  " and 0 are present (not nil, and no empty?), nil and "" are not; an unknown name is not.
    expect([job.attribute_present_p('title'), job.attribute_present_p('priority'), job.attribute_present_p('id'), m.Job.new({ title: '' }).attribute_present_p('title'), job.attribute_present_p('nope')])
      .toEqual([true, true, false, false, false]);
    expect(job.attribute_names()).toEqual(['id', 'title', 'status', 'country', 'priority', 'client_id', 'created_at']);
    const found = await m.Job.find('j1');
    found.priority = '7' as never;
    expect(found.attributes()).toEqual({ ...(await m.Job.find('j1')), priority: 7 });
    expect(job.attributes()).toEqual({ id: null, title: '  ', status: null, country: null, priority: 0, client_id: null, created_at: null });
  });
});

describe("Rails' attribute, key and delete methods, as ActiveRecord 6.1 answers them", () => {
  test('read_attribute, write_attribute, changed_attributes, to_key, to_param', async () => {
    const job = await m.Job.find('j1');
    expect([job.read_attribute('priority'), job.read_attribute('nope' as never), job.write_attribute('priority', '5' as never), job.priority, job.read_attribute('priority')])
      .toEqual([1, null, '5', 5, 5]); // written cast, as a setter assigns; it answers what it was given
    expect(() => job.write_attribute('nope' as never, 1 as never)).toThrow(new MissingAttributeError('nope'));
    expect(job.changed_attributes()).toEqual({ priority: 1 });
    expect([job.to_key(), job.to_param(), m.Job.new().to_key(), m.Job.new().to_param(), m.Job.new({ id: 'x' }).to_key(), m.Job.new({ id: 'x' }).to_param()])
      .toEqual([['j1'], 'j1', null, null, ['x'], 'x']);
  });

  test('update_attribute saves every change without validations; delete removes the row alone (no dependent:), destroyed and frozen', async () => {
    const job = await m.Job.find('j1');
    job.priority = 5;
    expect(await job.update_attribute('title', '')).toBe(true); // presence would refuse it: not run, as Rails
    expect([(await m.Job.find('j1')).title, (await m.Job.find('j1')).priority, job.changed_p()]).toEqual(['', 5, false]);
    const Client = ActiveRecord.createModel({ schema: m.z.schema, table: 'clients', zero: m.z, dependents: { jobs: 'destroy' }, relationships: { jobs: () => m.Job.definition } });
    const client = await Client.find('c1');
    expect([await client.delete(), client.destroyed_p(), Object.isFrozen(client), client.to_param()]).toEqual([client, true, true, 'c1']);
    expect([await Client.exists_p('c1'), await m.Job.where({ client_id: 'c1' }).count()]).toEqual([false, 2]);
    const unsaved = m.Job.new({ title: 'x' });
    expect([await unsaved.delete(), unsaved.destroyed_p(), await m.Job.count()]).toEqual([unsaved, true, 5]);
  });

  test('Model.delete takes keys only: an object (a range or a pattern to where) is refused, nothing deleted', async () => {
    await expect(m.Job.delete({ matches: '%' } as never)).rejects.toThrow(new QueryError('Job.delete: expected a key or a list of keys, got {"matches":"%"}'));
    await expect(m.Job.delete(['j1', { gt: '' }] as never)).rejects.toThrow(QueryError);
    expect(await m.Job.count()).toBe(5);
  });

  test('Model.delete(id or ids) deletes those rows alone and answers how many; column_names, primary_key, table_name', async () => {
    expect([await m.Job.delete('j5'), await m.Job.delete(['j4', 'zz']), await m.Job.delete('none'), await m.Job.count()]).toEqual([1, 1, 0, 3]);
    expect(await m.Task.where({ job_id: 'j1' }).count()).toBe(2);
    expect([m.Job.column_names(), m.Job.primary_key(), m.Job.table_name()]).toEqual([['id', 'title', 'status', 'country', 'priority', 'client_id', 'created_at'], 'id', 'jobs']);
  });
});

describe('dirty tracking', () => {
  test('assigning the value the database holds is no change; changes, changed, attribute_was, attribute_changed_p', async () => {
    const job = await m.Job.find('j1');
    job.title = 'Paint';
    expect([job.changed_p(), job.changed(), job.changes()]).toEqual([false, [], {}]);
    job.priority = 2;
    job.title = 'Repaint';
    expect(job.changed()).toEqual(['title', 'priority']); // column order, as Rails
    expect(job.changes()).toEqual({ title: ['Paint', 'Repaint'], priority: [1, 2] });
    expect([job.attribute_was('title'), job.attribute_was('nope' as never)]).toEqual(['Paint', null]);
    const asked: [string, boolean][] = [
      ['title', job.attribute_changed_p('title')],
      ['title from Paint to Repaint', job.attribute_changed_p('title', { from: 'Paint', to: 'Repaint' })],
      ['title from Other', job.attribute_changed_p('title', { from: 'Other' })],
      ['status', job.attribute_changed_p('status')],
      ['unknown', job.attribute_changed_p('nope' as never)],
    ];
    expect(asked).toEqual([['title', true], ['title from Paint to Repaint', true], ['title from Other', false], ['status', false], ['unknown', false]]);
  });

  test("a form's string in a number column is compared as Rails casts it: '1' for 1 is no change, '' is NULL", async () => {
    const job = await m.Job.find('j1'); // priority 1
    (job as { priority: unknown }).priority = '1';
    expect([job.changed_p(), job.changes(), job.attribute_changed_p('priority')]).toEqual([false, {}, false]);
    (job as { priority: unknown }).priority = '4';
    expect([job.changes(), job.attribute_changed_p('priority', { to: 4 })]).toEqual([{ priority: [1, 4] }, true]);
    expect(await job.save()).toBe(true);
    expect([job.priority, (await m.Job.find('j1')).priority]).toEqual([4, 4]);
    (job as { priority: unknown }).priority = '';
    expect(job.changes()).toEqual({ priority: [4, null] });
  });

  test('NULL to NULL is no change; a value to NULL is', async () => {
    const job = await m.Job.find('j4'); // status NULL
    job.status = null;
    expect(job.changed_p()).toBe(false);
    job.country = null;
    expect(job.changes()).toEqual({ country: ['UK', null] });
  });

  test('restore_attributes puts back the database values and returns the names; one name at a time', async () => {
    const job = await m.Job.find('j1');
    job.title = 'b';
    job.priority = 5;
    expect(job.restore_attributes(['priority'])).toEqual(['priority']);
    expect([job.priority, job.changed()]).toEqual([1, ['title']]);
    expect(job.restore_attributes()).toEqual(['title']);
    expect([job.title, job.changed_p(), job.restore_attributes()]).toEqual(['Paint', false, []]);
  });

  test('a successful save clears the changes; a failed one keeps them', async () => {
    const job = await m.Job.find('j1');
    job.title = '';
    expect(await job.save()).toBe(false);
    expect(job.changed()).toEqual(['title']);
    job.title = 'Saved';
    expect(await job.save()).toBe(true);
    expect([job.changed_p(), job.previous_changes()]).toEqual([false, { title: ['Paint', 'Saved'] }]);
  });

  test("Rails 5.1's dirty names around a save, each as ActiveRecord answers: before, to be saved, saved, saved again, reloaded", async () => {
    const job = await m.Job.find('j1');
    expect([job.saved_changes(), job.attribute_before_last_save('title'), job.saved_change_to_attribute_p('title')]).toEqual([{}, null, false]);
    job.title = 'Repaint';
    expect([
      job.will_save_change_to_attribute_p('title'), job.will_save_change_to_attribute_p('title', { from: 'Paint', to: 'Repaint' }),
      job.attribute_change_to_be_saved('title'), job.attribute_in_database('title'), job.has_changes_to_save_p(), job.changes_to_save(),
      job.changed_attribute_names_to_save(), job.will_save_change_to_attribute_p('status'), job.attribute_change_to_be_saved('status'),
    ]).toEqual([true, true, ['Paint', 'Repaint'], 'Paint', true, { title: ['Paint', 'Repaint'] }, ['title'], false, null]);
    await job.save_bang();
    expect([
      job.saved_change_to_attribute_p('title'), job.saved_change_to_attribute_p('title', { from: 'Paint' }), job.saved_change_to_attribute_p('title', { to: 'x' }),
      job.saved_change_to_attribute('title'), job.saved_change_to_attribute('status'), job.attribute_before_last_save('title'),
      job.attribute_before_last_save('status'), job.attribute_previously_changed_p('title'), job.attribute_previously_was('title'),
    ]).toEqual([true, true, false, ['Paint', 'Repaint'], null, 'Paint', 'active', true, 'Paint']);
    await job.save_bang(); // a save with nothing to write is still the last save
    expect([job.saved_changes(), job.attribute_before_last_save('title'), job.saved_change_to_attribute_p('title')]).toEqual([{}, 'Repaint', false]);
    await job.update_bang({ title: 'Third' });
    await job.reload(); // Rails' reload forgets the last save
    expect([job.saved_changes(), job.attribute_before_last_save('title'), job.previous_changes(), job.saved_change_to_attribute_p('title')]).toEqual([{}, null, {}, false]);
    const created = await m.Job.create_bang({ id: 'n9', title: 'New' });
    expect([created.attribute_before_last_save('title'), created.saved_change_to_attribute_p('id')]).toEqual([null, true]);
    const unknown = 'nope' as 'title';
    expect([job.saved_change_to_attribute_p(unknown), job.attribute_before_last_save(unknown), job.will_save_change_to_attribute_p(unknown)]).toEqual([false, null, false]);
  });

  test('reads stay own data properties: dirty tracking adds no getter, and the record spreads to its columns', async () => {
    const job = await m.Job.find('j1');
    job.title = 'Changed';
    expect(Object.getOwnPropertyDescriptor(job, 'title')).toEqual({ value: 'Changed', writable: true, enumerable: true, configurable: true });
    expect(Object.keys(job)).toEqual(['id', 'title', 'status', 'country', 'priority', 'client_id', 'created_at']);
  });
});

describe('errors', () => {
  test("Rails' ActiveModel::Errors: get (errors[:attr]), full_messages, added_p, count, empty_p / any_p, base", async () => {
    const job = m.Job.new({ title: '', status: 'lost' });
    expect(job.valid_p()).toBe(false);
    expect(job.invalid_p()).toBe(true);
    const e = job.errors;
    expect([e.get('title'), e.get('status'), e.get('country')]).toEqual([["can't be blank"], ['is not included in the list'], []]);
    expect(e.full_messages()).toEqual(["Title can't be blank", 'Status is not included in the list']);
    expect(e.full_messages_for('title')).toEqual(["Title can't be blank"]);
    expect([e.added_p('title', "can't be blank"), e.added_p('title', 'is invalid'), e.include_p('status')]).toEqual([true, false, true]);
    expect([e.count(), e.size(), e.empty_p(), e.any_p(), e.attribute_names()]).toEqual([2, 2, false, true, ['title', 'status']]);
    e.add('base', 'Nope');
    e.add('client_id', 'bad');
    expect(e.full_messages().slice(2)).toEqual(['Nope', 'Client bad']); // Rails: base alone, client_id humanized
    job.title = 'Fine';
    job.status = 'done';
    expect([job.valid_p(), e.full_messages()]).toEqual([true, []]); // valid? clears the errors first
  });
});

// Rails' numericality validation reads the value before its type cast (checked with ActiveRecord: `priority = 'abc'`
// then save is false, "Priority is not a number"); a form's text reaches the record as a string.
describe('a number column that validates numericality', () => {
  let z: Zero<typeof schema> | undefined;
  afterEach(() => z?.close());
  const tasks = table('tasks').columns({ id: string(), title: string(), priority: number().optional() }).primaryKey('id');
  const schema = createSchema({ tables: [tasks] });
  const model = (numericality: boolean) => {
    z = new Zero({ userID: 'u', storageKey: `numbers-${Date.now()}-${Math.random()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
    const validations = { title: [{ kind: 'presence' as const }], ...(numericality ? { priority: [{ kind: 'numericality' as const, allow_nil: true }] } : {}) };
    return ActiveRecord.createModel({ schema, table: 'tasks', zero: z, validations });
  };

  test("'abc' fails the validation: save and update are false with every message, create returns the unsaved record, save_bang raises", async () => {
    const Task = model(true);
    const task = await Task.create_bang({ id: 't', title: 'Feed', priority: 2 });
    task.title = '';
    (task as { priority: unknown }).priority = 'abc';
    expect(await task.save()).toBe(false);
    expect(task.errors.full_messages()).toEqual(["Title can't be blank", 'Priority is not a number']);
    await expect(task.save_bang()).rejects.toThrow(new RecordInvalidError('Task', { title: ["can't be blank"], priority: ['is not a number'] }, ["Title can't be blank", 'Priority is not a number'], { title: [{ error: 'blank' }], priority: [{ error: 'not_a_number', value: 'abc' }] }));
    expect(await task.update({ title: 'Feed' })).toBe(false);
    expect(task.errors.full_messages()).toEqual(['Priority is not a number']);
    const fresh = await Task.create({ id: 'u', title: 'Walk', priority: 'x' as never });
    expect([fresh.new_record_p(), fresh.errors.full_messages()]).toEqual([true, ['Priority is not a number']]);
    expect((await Task.find('t')).priority).toBe(2);
    expect(await task.save({ validate: false }).catch((e: unknown) => e)).toBeInstanceOf(QueryError);
  });

  test("the value is read as Rails' NumericalityValidator reads what was typed: Kernel.Float's grammar, no hexadecimal, only_integer by its text (each answer is ActiveRecord 6.1's)", async () => {
    z = new Zero({ userID: 'u', storageKey: `typed-${Date.now()}-${Math.random()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
    const Task = ActiveRecord.createModel({ schema, table: 'tasks', zero: z, validations: { priority: [{ kind: 'numericality', only_integer: true }] } });
    const typed = [' 12', '12', '+12', '017', '1_000', '1.0', '1e5', '.5', '5.', '0x1A', '1__000', 'Infinity', '1,000', ''];
    const answers = typed.map((value) => {
      const task = Task.new({ id: 't', title: 'x' });
      (task as { priority: unknown }).priority = value;
      return task.valid_p() ? 'ok' : task.errors.get('priority')[0];
    });
    const integer = 'must be an integer';
    const nan = 'is not a number';
    expect(answers).toEqual([integer, 'ok', 'ok', 'ok', integer, integer, integer, integer, nan, nan, nan, nan, nan, nan]);
    const saved = Task.new({ id: 's', title: 'x' });
    (saved as { priority: unknown }).priority = '1.0';
    expect([await saved.save(), saved.errors.full_messages()]).toEqual([false, ['Priority must be an integer']]);
    expect(await Task.exists_p('s')).toBe(false);
  });

  test("a cleared field ('') is NULL to allow_nil, as Rails judges allow_nil on the cast value: save and valid_p agree", async () => {
    const Task = model(true);
    const task = await Task.create_bang({ id: 't', title: 'Feed', priority: 2 });
    (task as { priority: unknown }).priority = '';
    expect([task.valid_p(), await task.save(), (await Task.find('t')).priority]).toEqual([true, true, null]);
    const fresh = Task.new({ id: 'u', title: 'x', priority: '' as never });
    expect([fresh.valid_p(), await fresh.save()]).toEqual([true, true]);
  });

  test('without the validation the value is a clear QueryError, not a silent 0 as Rails would store', async () => {
    const Task = model(false);
    const task = await Task.create_bang({ id: 't', title: 'Feed', priority: 2 });
    (task as { priority: unknown }).priority = 'abc';
    await expect(task.save()).rejects.toThrow(/column 'priority' of Task holds numbers; got "abc"/);
  });
});
