/**
 * Rails' `enum` on ActiveRecord models over a real local Zero: the mapping (`Job.priorities`), a scope per label and
 * its `not_` scope, `<label>_p()` / `<label>_bang()`, labels wherever a value is written or compared, and Rails'
 * ArgumentError for a value the enum does not have. Each answer is what Ruby's ActiveRecord gives for
 * `enum status: { active: 'active', done: 'done', on_hold: 'on hold' }, _prefix: :status` and
 * `enum priority: { low: 1, normal: 3, high: 5 }` (checked over SQLite); a column reads its stored value, as Zero's row.
 */
import { afterEach, beforeEach, describe, expect, expectTypeOf, test } from 'vitest';
import { ActiveRecord, ConfigError, QueryError, defineModel, type WriteOptions } from '../../runtime/index.ts';
import { localZero, schema, type TestSchema } from '../support/zero.ts';
import type { Zero } from '@rocicorp/zero';
import { pluralize } from '../../runtime/core/inflect.ts';
import type { RegularPlural } from '../../runtime/core/enums.ts';

const enums = {
  status: { values: { active: 'active', done: 'done', on_hold: 'on hold' }, prefix: 'status' },
  priority: { values: { low: 1, normal: 3, high: 5 } },
} as const;

let z: Zero<TestSchema>;
const zero = () => z;
const jobConfig = defineModel({ schema, table: 'jobs', zero, enums, validations: { title: [{ kind: 'presence' }] } });
const Job = ActiveRecord.createModel(jobConfig);

beforeEach(async () => {
  z = localZero();
  await Job.create_bang({ id: 'j1', title: 'Paint', status: 'active', priority: 1 });
  await Job.create_bang({ id: 'j2', title: 'Wire', status: 'on hold', priority: 5 });
  await Job.create_bang({ id: 'j3', title: 'Plumb', status: 'done', priority: null });
});
afterEach(() => z.close());

const ids = async (relation: PromiseLike<readonly { id: string }[]>) => (await relation).map((job) => job.id).sort();

describe('the model: mappings and scopes', () => {
  test('Job.statuses / Job.priorities: label -> stored value, in declaration order, frozen', () => {
    expect(Job.statuses).toEqual({ active: 'active', done: 'done', on_hold: 'on hold' });
    expect(Object.keys(Job.priorities)).toEqual(['low', 'normal', 'high']);
    expect(Job.priorities.high).toBe(5);
    expect(Object.isFrozen(Job.priorities)).toBe(true);
  });

  test('a scope per label and its not_ scope (where.not: NULL is in neither), prefixed as the enum says, chainable', async () => {
    expect(await ids(Job.status_on_hold())).toEqual(['j2']);
    expect(await ids(Job.not_status_on_hold())).toEqual(['j1', 'j3']);
    expect(await ids(Job.low())).toEqual(['j1']);
    expect(await ids(Job.not_low())).toEqual(['j2']); // Rails: WHERE priority != 1, which NULL does not satisfy
    expect(await ids(Job.where({ title: 'Wire' }).high())).toEqual(['j2']);
    expect(await ids(Job.status_active().or(Job.high()))).toEqual(['j1', 'j2']);
  });

  test('where takes labels for stored values, alone and in lists', async () => {
    expect(await ids(Job.where({ priority: 'high' } as never))).toEqual(['j2']);
    expect(await ids(Job.where({ priority: ['low', 5] } as never))).toEqual(['j1', 'j2']);
    expect(await ids(Job.where({ status: 'on_hold' } as never))).toEqual(['j2']);
    expect(await ids(Job.where({ status: 'on hold' }))).toEqual(['j2']);
    expect(await ids(Job.where({ priority: Job.priorities.normal }))).toEqual([]);
    expect(await ids(Job.where({ priority: '5' as never }))).toEqual(['j2']); // a form's string of a value, as Rails casts it
    // Rails casts an unknown label to NULL for an integer column (no rows); it is named here instead of matching nothing.
    expect(() => Job.where({ priority: 'urgent' as never })).toThrow(new QueryError("Job.where: 'urgent' is not a valid priority"));
    expect(await ids(Job.where({ status: 'paused' }))).toEqual([]); // a string-backed enum compares it, as Rails
  });
});

describe('records: predicates, bangs, assignment', () => {
  test('<label>_p() reads the column, as assigned and not yet saved', async () => {
    const job = await Job.find('j1');
    expect([job.low_p(), job.high_p(), job.status_active_p(), job.status_on_hold_p()]).toEqual([true, false, true, false]);
    job.priority = 'high' as never; // a plain property: cast as Rails casts on assignment when read
    expect([job.low_p(), job.high_p(), job.changes()]).toEqual([false, true, { priority: [1, 5] }]);
    expect((await Job.find('j3')).low_p()).toBe(false); // NULL is no label
    expect([job.attribute_changed_p('priority', { from: 'low', to: 'high' }), job.attribute_changed_p('priority', { from: 1, to: 5 })]).toEqual([true, true]); // Rails 8.1 casts from / to
  });

  test('<label>_bang() is update!(column: value): written, saved, true', async () => {
    const job = await Job.find('j1');
    expect(await job.high_bang()).toBe(true);
    expect([job.priority, job.changed_p(), (await Job.find('j1')).priority]).toEqual([5, false, 5]);
    expect(await job.status_on_hold_bang()).toBe(true);
    expect((await Job.find('j1')).status).toBe('on hold');
  });

  test('new, create and update take labels and store the value', async () => {
    const created = await Job.create({ id: 'j4', title: 'Tile', priority: 'normal' as never, status: 'on_hold' as never });
    expect([created.priority, created.status, created.normal_p()]).toEqual([3, 'on hold', true]);
    expect((await Job.find('j4')).priority).toBe(3);
    const job = await Job.find('j1');
    expect(await job.update({ priority: 'high' as never })).toBe(true);
    expect((await Job.find('j1')).priority).toBe(5);
    for (const blank of ['', '  ', false, [], {}]) expect(Job.new({ priority: blank as never }).priority).toBe(null); // Rails: blank? is nil
  });

  test("a value the enum does not have is Rails' ArgumentError, raised on assignment, nothing written", async () => {
    const invalid = new QueryError("'urgent' is not a valid priority");
    expect(() => Job.new({ title: 'x', priority: 'urgent' as never })).toThrow(invalid);
    expect(() => Job.new({ title: 'x', priority: 2 as never })).toThrow(new QueryError("'2' is not a valid priority"));
    expect(() => Job.new({ title: 'x', priority: '3' as never })).toThrow(new QueryError("'3' is not a valid priority")); // as Rails: the string is no value
    await expect(Job.create({ title: 'x', priority: 'urgent' as never })).rejects.toThrow(invalid);
    const job = await Job.find('j1');
    await expect(job.update({ priority: 'urgent' as never })).rejects.toThrow(invalid);
    job.priority = 'urgent' as never; // a plain property cannot refuse: the save does
    await expect(job.save()).rejects.toThrow(invalid);
    expect([(await Job.find('j1')).priority, await Job.count()]).toEqual([1, 3]);
    expect(() => Job.new({ status: 'paused' as never })).toThrow(new QueryError("'paused' is not a valid status"));
  });
});

describe("Rails 7.1's validate: true", () => {
  test('a value the enum does not have is kept as assigned and fails the inclusion validation: save is false, nothing written', async () => {
    const Validating = ActiveRecord.createModel(
      defineModel({ schema, table: 'jobs', zero, enums: { priority: { values: { low: 1, high: 5 }, validate: true } }, validations: { priority: [{ kind: 'inclusion', in: [1, 5] }] } }),
    );
    const job = Validating.new({ id: 'j9', title: 'Tile', priority: 'urgent' as never });
    expect([job.priority, await job.save(), job.errors.full_messages()]).toEqual(['urgent', false, ['Priority is not included in the list']]);
    await expect(Validating.create_bang({ id: 'j9', title: 'Tile', priority: 'urgent' as never })).rejects.toThrow('Validation failed: Priority is not included in the list');
    expect(await Job.exists_p('j9')).toBe(false);
    expect((await Validating.create({ id: 'j9', title: 'Tile', priority: 'high' as never })).priority).toBe(5);
  });
});

describe('types', () => {
  test("method names friendly as Rails' (each run of ASCII non-word characters one _), at run time and in the types", () => {
    const Odd = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero, enums: { status: { values: { 'w/ extras': 'w', "can't": 'c', 'a - b': 'a' } } } }));
    expectTypeOf(Odd.w_extras).toBeFunction();
    expectTypeOf(Odd.can_t).toBeFunction();
    expectTypeOf(Odd.a_b).toBeFunction();
    expect([typeof Odd.w_extras, typeof Odd.can_t, typeof Odd.a_b]).toEqual(['function', 'function', 'function']);
  });

  test('the mappings, scopes and methods are typed from the config; other names are not', async () => {
    expectTypeOf(Job.priorities).toEqualTypeOf<{ readonly low: 1; readonly normal: 3; readonly high: 5 }>();
    expectTypeOf(Job.statuses.on_hold).toEqualTypeOf<'on hold'>();
    const job = await Job.find('j1');
    expectTypeOf(job.status_on_hold_p).returns.toEqualTypeOf<boolean>();
    expectTypeOf(job.high_bang).returns.resolves.toEqualTypeOf<true>();
    expectTypeOf(job.high_bang).parameters.toEqualTypeOf<[options?: WriteOptions]>(); // as update_bang takes them
    expectTypeOf(Job.not_status_done().high).toBeFunction();
    // @ts-expect-error: the prefix is part of the name
    expect(job.on_hold_p).toBeUndefined();
    // @ts-expect-error: no such label
    expect(Job.urgent).toBeUndefined();
  });
});

describe('config problems (Rails: detect_enum_conflict!)', () => {
  const problems = (config: object) => {
    try {
      defineModel({ schema, table: 'jobs', ...config } as never);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  test('an enum on a column that is not there, or storing values of another type', () => {
    expect(problems({ enums: { colour: { values: { red: 'r' } } } })).toEqual(["enum 'colour' is not a column"]);
    expect(problems({ enums: { priority: { values: { low: 'low' } } } })).toEqual(["enum 'priority': 'low' stores \"low\" in a number column"]);
    expect(problems({ enums: { priority: { values: {} } } })).toEqual(["enum 'priority' needs 'values': an object of label -> stored value"]);
    expect(problems({ enums: { priority: { values: { '1st': 1 } } } })).toEqual([
      "enum 'priority': the label '1st' makes the method name '1st', which is not an identifier (give the enum a prefix)",
    ]);
  });

  test('two enums defining one name; a label named like a record member', () => {
    expect(problems({ enums: { status: { values: { low: 'low' } }, priority: { values: { low: 1 } } } })).toEqual([
      "enum 'priority' would define the scope 'low', already defined by the enum 'status'",
      "enum 'priority' would define the scope 'not_low', already defined by the enum 'status'",
      "enum 'priority' would define the record method 'low_p', already defined by the enum 'status'",
      "enum 'priority' would define the record method 'low_bang', already defined by the enum 'status'",
    ]);
    expect(problems({ enums: { priority: { values: { low: 1 } } }, scopes: { low: (r: never) => r } })).toEqual([]); // the model's scope wins, below
    expect(problems({ enums: { status: { values: { destroy: 'destroy' } } } })).toEqual([
      "enum name 'destroy' clashes with the member 'destroy' of ActiveRecord model objects: give the enum a prefix or suffix",
      "enum method 'destroy_bang' clashes with the member 'destroy_bang' of ActiveRecord records: give the enum a prefix or suffix",
    ]);
  });

  test("a model's own scope named like an enum scope wins, and the enum keeps the rest (Rails: the later definition wins)", async () => {
    const Urgent = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero, enums, scopes: { high: (r) => r.where({ title: 'Paint' }) } }));
    expect(await ids(Urgent.high())).toEqual(['j1']);
    expect(await ids(Urgent.not_high())).toEqual(['j1']); // Rails: WHERE priority != 5, NULL left out
    expect((await Urgent.find('j2')).high_p()).toBe(true);
  });

  test('a copy of a definition with an option changed is defined again from its enums, keeping the scopes of its own', async () => {
    const copy = ActiveRecord.createModel({ ...jobConfig, zero } as typeof jobConfig);
    expect(await ids(copy.high())).toEqual(['j2']);
    const own = defineModel({ schema, table: 'jobs', zero, enums, scopes: { high: (r) => r.where({ title: 'Paint' }) } });
    expect(await ids(ActiveRecord.createModel({ ...own, ttl: '1m' } as typeof own).high())).toEqual(['j1']);
    const relabelled = ActiveRecord.createModel({ ...jobConfig, enums: { priority: { values: { urgent: 5 } } } } as never) as unknown as Record<string, () => PromiseLike<{ id: string }[]>>;
    expect([await ids(relabelled['urgent']!()), relabelled['high']]).toEqual([['j2'], undefined]);
  });
});

describe('the mapping name', () => {
  test('the type-level default plural is the runtime plural for regular enum names; `mapping` names any other', () => {
    const regular = {
      status: 'statuses', kind: 'kinds', category: 'categories', priority: 'priorities', stage: 'stages', day: 'days', match: 'matches', dish: 'dishes',
      class: 'classes', alias: 'aliases', role: 'roles', visibility: 'visibilities', key: 'keys', hero: 'heros', zombie: 'zombies', move: 'moves', payment_status: 'payment_statuses',
    } as const;
    for (const [name, plural] of Object.entries(regular)) expect(pluralize(name)).toBe(plural);
    expectTypeOf<{ -readonly [N in keyof typeof regular]: RegularPlural<N> }>().toEqualTypeOf<{ -readonly [N in keyof typeof regular]: (typeof regular)[N] }>();
    // Where Rails' rules vary or a word is irregular, the type names no mapping (the runtime: campus, axes, matrices, ...).
    const unsure = [
      'campus', 'axis', 'matrix', 'quiz', 'fez', 'half', 'life', 'box', 'person', 'woman', 'child', 'money', 'species', 'news',
      'salesman', 'grandchild', 'mouse', 'medium', 'criteria', 'tomato', 'soliloquy', 'regimen',
    ] as const;
    expect(unsure.map(pluralize)).toEqual([
      'campus', 'axes', 'matrices', 'quizzes', 'fezs', 'halves', 'lives', 'boxes', 'people', 'women', 'children', 'money', 'species', 'news',
      'salesmen', 'grandchildren', 'mice', 'media', 'criteria', 'tomatoes', 'soliloquies', 'regimen',
    ]);
    expectTypeOf<RegularPlural<(typeof unsure)[number]>>().toEqualTypeOf<never>();
    expect(pluralize('species')).toBe('species'); // uncountable: the type level cannot know, so the generator writes `mapping`
    const Named = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero, enums: { status: { values: { open: 'open' }, mapping: 'species' } } }));
    expectTypeOf(Named.species).toEqualTypeOf<{ readonly open: 'open' }>();
    expect(Named.species).toEqual({ open: 'open' });
  });
});
