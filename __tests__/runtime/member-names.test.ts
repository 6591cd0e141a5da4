/**
 * The names scopes, columns and associations may not take are derived from the real objects: this test walks the model
 * objects, relations, records and record handles of both flavours itself (so a method added later is covered without
 * touching a list) and proves every member is refused as a scope name, and as a column name unless the config lists it
 * in `shadowedColumns`, where records read it with `read_attribute` against a real local Zero.
 */
import { Zero, createSchema, string, table } from '@rocicorp/zero';
import { SHADOWED_BY_SCOPES } from '../../runtime/core/collection-writes.ts';
import { afterEach, describe, expect, test } from 'vitest';
import { ActiveRecord, ConfigError, defineModel, recordMutators, type ModelDefinition, type Relation } from '../../runtime/index.ts';
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { RecordList } from '../../runtime/reactive/record.ts';
import { instantiate } from '../../runtime/active/record.ts';
import { localZero, schema } from '../support/zero.ts';

/** Every string-keyed member of `object` and its prototype chain, own fields included. */
function walk(object: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = object; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) names.add(name);
  }
  return [...names];
}

const zeros: Zero<never>[] = [];
afterEach(async () => {
  await Promise.all(zeros.splice(0).map((z) => z.close()));
});

const jobConfig = defineModel({ schema, table: 'jobs', scopes: { active: (r) => r.where({ status: 'active' }) }, relationships: {} });
const Active = ActiveRecord.createModel(jobConfig);
const Reactive = ReactiveRecord.createModel(jobConfig);
const ownNames = new Set([...jobConfig.columns, ...Object.keys(jobConfig.scopes)]);
const row = { id: 'j1', title: 'Paint', status: 'active', country: null, priority: null, client_id: null, created_at: null };

/** Where scopes live: model objects and relations (a scoped one too) of both flavours. */
// Less the collection writes a scope may shadow, as in Rails (collection-writes.test.ts shows one doing so).
const relationMembers = [
  ...walk(Active), ...walk(Active.all()), ...walk(Active.active()),
  ...walk(Reactive), ...walk(Reactive.all()), ...walk(Reactive.active()),
].filter((name) => !ownNames.has(name) && !SHADOWED_BY_SCOPES.includes(name));

/** Where columns and associations live: records of both flavours and reactive record handles. */
function recordMembers(activeRecord: object): string[] {
  const reactiveRecord = new RecordList().records(jobConfig, [row])[0]!;
  // Plus `then`, which no record has but `await` would call on one that had it.
  return [...walk(activeRecord), ...walk(reactiveRecord), ...walk(Reactive.find('j1')), 'then'].filter((name) => !ownNames.has(name));
}

function problemsOf(make: () => unknown): readonly string[] {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return [];
}

describe('scope names', () => {
  test('every member of a relation or model object of either flavour is refused as a scope name, naming the clash', () => {
    const names = [...new Set(relationMembers)];
    // The walk reaches the finders, the reactive array API, the relation's own fields and Object.prototype.
    expect(names).toEqual(expect.arrayContaining(['key', 'spec', 'model', 'state', 'where', 'find_by_bang', 'map', 'length', '$loading', 'toString', '__proto__']));
    for (const name of names) {
      const problems = problemsOf(() => defineModel({ schema, table: 'jobs', scopes: { [name]: (r) => r } }));
      expect(problems, name).toHaveLength(1);
      expect(problems[0], name).toMatch(new RegExp(`^scope '${name.replace(/\$/g, '\\$')}' clashes with the member '.*' of .+: rename the scope$`));
    }
  });

  test("the 'key' regression: a scope named key is refused, even on a definition that skipped defineModel", () => {
    expect(() => defineModel({ schema, table: 'jobs', scopes: { key: (r) => r.where({ status: 'active' }) } })).toThrow(
      new ConfigError("Invalid model config for 'jobs'", ["scope 'key' clashes with the member 'key' of ActiveRecord relations: rename the scope"]),
    );
    // A hand-made definition reaches createModel without defineModel's check: each flavour checks again.
    const forged = Object.freeze({ ...jobConfig, scopes: Object.freeze({ key: (r: Relation) => r }) }) as unknown as ModelDefinition;
    expect(() => ActiveRecord.createModel(forged)).toThrow(/scope 'key' clashes with the member 'key' of ActiveRecord relations/);
    expect(() => ReactiveRecord.createModel(forged)).toThrow(/scope 'key' clashes with the member 'key' of ActiveRecord relations/);
  });

  test('two where() calls keep their own views and rows (the key that shares views is never shadowed)', async () => {
    const z = localZero();
    zeros.push(z as never);
    const Job = ActiveRecord.createModel({ schema, table: 'jobs', zero: z });
    await Job.create({ id: 'a', title: 'Active one', status: 'active' });
    await Job.create({ id: 'd', title: 'Done one', status: 'done' });
    const active = Job.where({ status: 'active' });
    const done = Job.where({ status: 'done' });
    expect(active.key).not.toBe(done.key);
    expect((await active).map((j) => j.id)).toEqual(['a']);
    expect((await done).map((j) => j.id)).toEqual(['d']);
  });

  test('a scope may share a column name: scopes live on relations, columns on records', () => {
    const Job = ActiveRecord.createModel({ schema, table: 'jobs', scopes: { status: (r) => r.where({ status: 'active' }) } });
    expect(Job.status().spec).toEqual(Job.where({ status: 'active' }).spec);
  });
});

describe('column names', () => {
  test('every member of a record or handle of either flavour is refused as a column unless shadowed, and stays readable through read_attribute', async () => {
    // `$` names are refused on their own rule (record state), tested in config.test.ts.
    const names = [...new Set(recordMembers(instantiate(Active.all(), [row])[0]!))].filter((name) => !name.startsWith('$'));
    expect(names).toEqual(expect.arrayContaining(['update', 'destroy', 'reload', 'toJSON', 'read_attribute', 'constructor', 'then', '__proto__', 'hasOwnProperty']));

    const columns: Record<string, ReturnType<typeof string>> = { id: string() };
    // defineProperty: assigning `__proto__` would set the object's prototype instead of adding the column.
    for (const name of names) Object.defineProperty(columns, name, { value: string().optional(), enumerable: true });
    const things = table('things').columns(columns).primaryKey('id');
    const thingSchema = createSchema({ tables: [things] });

    const problems = problemsOf(() => defineModel({ schema: thingSchema, table: 'things' }));
    expect(problems).toHaveLength(names.length);
    for (const [i, name] of names.entries()) {
      expect(problems[i]).toBe(
        `column '${name}' clashes with the member '${name}' of ${problems[i]!.match(/ of (.+): add it/)![1]}: add it to shadowedColumns ` +
          `(records then read it with read_attribute('${name}')), or rename the column`,
      );
    }

    const z = new Zero({ userID: 'test', storageKey: `things-${process.pid}`, cacheURL: null, kvStore: 'mem', schema: thingSchema, mutators: recordMutators, logLevel: 'error' });
    zeros.push(z as never);
    const thingConfig = defineModel({ schema: thingSchema, table: 'things', shadowedColumns: names, zero: z });
    const Thing = ActiveRecord.createModel(thingConfig);
    const values: Record<string, string> = { id: 't1' };
    for (const name of names) Object.defineProperty(values, name, { value: `v-${name}`, enumerable: true });
    await Thing.create(values);

    const thing = (await Thing.find('t1')) as unknown as Record<string, unknown> & { read_attribute(name: string): unknown; toJSON(): Record<string, unknown> };
    const json = thing.toJSON();
    for (const name of names) {
      expect(thing.read_attribute(name), name).toBe(`v-${name}`);
      // The member keeps its name: the column never shadows it.
      expect(thing[name], name).not.toBe(`v-${name}`);
      expect(Object.getOwnPropertyDescriptor(json, name)?.value, name).toBe(`v-${name}`);
    }
    expect(await Thing.where({ id: 't1' }).pluck('constructor')).toEqual(['v-constructor']);
    await (thing as unknown as { update(a: Record<string, unknown>): Promise<unknown> }).update({ then: 'changed' });
    expect(thing.read_attribute('then')).toBe('changed');
    const reloaded = (await Thing.find('t1')) as unknown as { read_attribute(name: string): unknown; toJSON(): Record<string, unknown> };
    expect(reloaded.read_attribute('then')).toBe('changed');
    // Written straight, by name, whatever the name.
    await (thing as unknown as { update_column(name: string, value: unknown): Promise<unknown> }).update_column('__proto__', 'straight');
    expect(((await Thing.find('t1')) as unknown as { read_attribute(name: string): unknown }).read_attribute('__proto__')).toBe('straight');

    // The reactive flavour reads the same columns the same way, from records and handles.
    const ReactiveThing = ReactiveRecord.createModel(thingConfig);
    const reactiveRecord = new RecordList().records(thingConfig, [reloaded.toJSON()])[0] as Record<string, unknown> & { read_attribute(name: string): unknown };
    const handle = ReactiveThing.find('t1') as unknown as Record<string, unknown>;
    for (const name of names) {
      expect(reactiveRecord.read_attribute(name), name).toBe(name === 'then' ? 'changed' : `v-${name}`);
      expect(reactiveRecord[name], name).not.toBe(`v-${name}`);
      expect(handle[name], name).not.toBe(`v-${name}`);
    }
  });

  test('a relationship named like a record member is refused', () => {
    const problems = problemsOf(() => defineModel({ schema, table: 'jobs', relationships: { client: () => jobConfig, reload: () => jobConfig } as never }));
    expect(problems).toContain("relationship 'reload' clashes with the member 'reload' of ActiveRecord records: rename the association");
  });
});
