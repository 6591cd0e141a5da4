/**
 * Model config validation, TTL normalisation and write-side errors: each asserts the error type and its message.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { ConfigError, RECORD_VALUES, TtlError, defineColumnCopy, defineColumnGetters, defineModel, normalizeTtl, setWarningSink, validateModelConfig, ttlToMs } from '../../runtime/index.ts';
import { resetWarnings } from '../../runtime/core/warn.ts';
import { createSchema, number, string, table } from '@rocicorp/zero';
import { schema } from '../support/zero.ts';

describe('validateModelConfig', () => {
  test('lists every problem in one ConfigError', () => {
    const config = {
      schema,
      table: 'jobs',
      ttl: '1 hour',
      // A scope may share a column's name (Rails allows `Client.active` beside an `active` column).
      scopes: { where: (r: never) => r, title: (r: never) => r, 'bad-name': (r: never) => r },
      relationships: { owner: () => ({ schema, table: 'clients' }) },
      validations: { nope: [{ kind: 'presence' as const }], title: [{ kind: 'shiny' } as never] },
      colour: 'red',
      query: () => 'not a named query',
    };
    let error: unknown;
    try {
      validateModelConfig(config as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      "unknown option 'colour' (known: schema, table, className, primaryKey, ttl, scopes, defaultScope, inheritance, enums, relationships, dependents, touches, counterCaches, validations, defaults, shadowedColumns, timestamps, zero, query, find, columnGetters, columnCopy)",
      `Invalid TTL "1 hour": use '30s', '5m', '2h', '1d' (a number and one of s, m, h, d), 'forever', 'none', or a non-negative number of milliseconds.`,
      "scope 'bad-name' is not a valid identifier",
      "relationship 'owner' is not defined for 'jobs' in the Zero schema (it has: client, tasks)",
      "scope 'where' clashes with the member 'where' of ActiveRecord model objects: rename the scope",
      "'query' must be a named query from defineQueries (queries.<model>.relation in the generated queries.ts)",
      "validation for unknown column 'nope'",
      "validation 'shiny' on 'title' is unknown (known: presence, absence, length, numericality, inclusion, exclusion, format)",
    ]);
    expect((error as Error).message).toMatch(/^Invalid model config for 'jobs': 8 problems:\n  - unknown option 'colour'/);
  });

  test('column getters: one per record column, nothing else (a stale generated config says to regenerate)', () => {
    const getters = defineColumnGetters({
      get id() { return this[RECORD_VALUES]["id"]; },
      get title() { return this[RECORD_VALUES]["title"]; },
      get colour() { return this[RECORD_VALUES]["colour"]; },
    });
    expect(() => defineModel({ schema, table: 'clients', columnGetters: getters })).toThrow(
      new ConfigError("Invalid model config for 'clients'", [
        "columnGetters has no getter for 'name' (regenerate the model)",
        "columnGetters defines 'title', 'colour', not a record column (regenerate the model)",
      ]),
    );
    // A shadowed column is read with read_attribute, never through a getter.
    const named = defineColumnGetters({ get id() { return this[RECORD_VALUES]["id"]; }, get name() { return this[RECORD_VALUES]["name"]; } });
    expect(() => defineModel({ schema, table: 'clients', shadowedColumns: ['name'], columnGetters: named })).toThrow(
      new ConfigError("Invalid model config for 'clients'", ["columnGetters defines 'name', not a record column (regenerate the model)"]),
    );
    expect(() => defineModel({ schema, table: 'clients', columnGetters: { id: 1, name: 2 } })).toThrow(
      new ConfigError("Invalid model config for 'clients'", ["columnGetters has no getter for 'id', 'name' (regenerate the model)"]),
    );
    expect(defineModel({ schema, table: 'clients', columnGetters: named }).columnGetters).toBe(named);
  });

  test('column copy: every record column, by its own value, in schema order (a stale generated config says to regenerate)', () => {
    // clients: id, name
    const stale = defineColumnCopy((record, row) => {
      record['colour'] = row['colour'];
    });
    expect(() => defineModel({ schema, table: 'clients', columnCopy: stale })).toThrow(
      new ConfigError("Invalid model config for 'clients'", [
        "columnCopy does not copy 'id', 'name' (regenerate the model)",
        "columnCopy sets 'colour', not a record column (regenerate the model)",
      ]),
    );
    const crossed = defineColumnCopy((record, row) => {
      record['id'] = row['id'];
      record['name'] = row['id'];
    });
    expect(() => defineModel({ schema, table: 'clients', columnCopy: crossed })).toThrow(
      new ConfigError("Invalid model config for 'clients'", ["columnCopy sets 'name' to another value than the row's (regenerate the model)"]),
    );
    const all = ['id', 'name'];
    const reordered = defineColumnCopy((record, row) => {
      for (const column of [...all].reverse()) record[column] = row[column];
    });
    expect(() => defineModel({ schema, table: 'clients', columnCopy: reordered })).toThrow(
      new ConfigError("Invalid model config for 'clients'", ['columnCopy copies the columns out of schema order (regenerate the model)']),
    );
    expect(() => defineModel({ schema, table: 'clients', columnCopy: (() => { throw new TypeError('no row'); }) as never })).toThrow(
      new ConfigError("Invalid model config for 'clients'", ['columnCopy threw TypeError: no row (regenerate the model)']),
    );
    expect(() => defineModel({ schema, table: 'clients', columnCopy: {} as never })).toThrow(
      new ConfigError("Invalid model config for 'clients'", ["'columnCopy' must be a column copy function (regenerate the model)"]),
    );
    // A shadowed column stays off the record (read with read_attribute): the copy must leave it out.
    const inOrder = defineColumnCopy((record, row) => {
      for (const column of all) record[column] = row[column];
    });
    expect(() => defineModel({ schema, table: 'clients', shadowedColumns: ['name'], columnCopy: inOrder })).toThrow(
      new ConfigError("Invalid model config for 'clients'", ["columnCopy sets 'name', not a record column (regenerate the model)"]),
    );
    expect(defineModel({ schema, table: 'clients', columnCopy: inOrder }).columnCopy).toBe(inOrder);
    // A copy of whatever the row holds would also copy shadowed columns and loaded associations, which Zero's rows carry.
    const everything = defineColumnCopy((record, row) => {
      for (const key in row) record[key] = row[key];
    });
    expect(() => defineModel({ schema, table: 'clients', shadowedColumns: ['name'], columnCopy: everything })).toThrow(
      new ConfigError("Invalid model config for 'clients'", ["columnCopy sets 'name', 'zero-record: not a column', not a record column (regenerate the model)"]),
    );
    // A copy of a definition is a config again, checked again: here its copy no longer fits the shadowed columns.
    const clients = defineModel({ schema, table: 'clients', columnCopy: inOrder });
    expect(defineModel(clients)).toBe(clients);
    expect(() => defineModel({ ...clients, shadowedColumns: ['name'] })).toThrow(
      new ConfigError("Invalid model config for 'clients'", ["columnCopy sets 'name', not a record column (regenerate the model)"]),
    );
    const copied = defineModel({ ...clients, ttl: '5m' });
    expect(copied).not.toBe(clients);
    expect(copied).toEqual({ ...clients, ttl: '5m' });
    // An integer-like column name: JavaScript lists it first on any object (Zero's columns too), wherever the copy puts it.
    const years = createSchema({ tables: [table('totals').columns({ id: string(), '2024': number() }).primaryKey('id')] });
    const yearsCopy = defineColumnCopy((record, row) => {
      record['id'] = row['id'];
      record['2024'] = row['2024'];
    });
    expect(defineModel({ schema: years, table: 'totals', columnCopy: yearsCopy }).columnCopy).toBe(yearsCopy);
  });

  test('unknown table names the known ones', () => {
    expect(() => defineModel({ schema, table: 'jbos' })).toThrow(
      new ConfigError("Invalid model config for 'jbos'", ["unknown table 'jbos' (the schema has: jobs, clients, tasks, counters)"]),
    );
  });

  test('primary key must be a column; className must be an identifier', () => {
    expect(() => defineModel({ schema, table: 'jobs', primaryKey: 'uuid', className: 'Bad Name' })).toThrow(
      /className "Bad Name" is not a valid identifier\n {2}- primary key 'uuid' is not a column of 'jobs'/,
    );
  });

  test('defaults: className from the table, primary key from the schema, TTL 5m', () => {
    const job = defineModel({ schema, table: 'jobs' });
    expect([job.className, job.primaryKey, job.ttl]).toEqual(['Job', 'id', '5m']);
    expect(job.columns).toEqual(['id', 'title', 'status', 'country', 'priority', 'client_id', 'created_at']);
    expect(defineModel({ schema, table: 'counters' }).columnTypes).toEqual({ id: 'number', value: 'number' });
  });

  test('the same config object always yields the same definition', () => {
    const config = { schema, table: 'tasks' } as const;
    expect(defineModel(config)).toBe(defineModel(config));
  });
});

describe('TTL', () => {
  let warnings: string[] = [];
  afterEach(() => {
    warnings = [];
    resetWarnings();
  });
  const capture = () => setWarningSink((message) => warnings.push(message));

  test.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['forever', Infinity],
    ['none', 0],
    [250, 250],
    [0, 0],
  ] as const)('accepts %s', (value, ms) => {
    expect(ttlToMs(value)).toBe(ms);
    expect(normalizeTtl(value)).toBe(value);
  });

  test.each([['1 hour'], ['5'], ['m5'], [-1], [Number.NaN], [Infinity], [null], [undefined], [{ minutes: 5 }], [['5m']], ['5M'], ['1y']])(
    'rejects %j with a TtlError naming the value',
    (value) => {
      let error: unknown;
      try {
        normalizeTtl(value);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TtlError);
      expect((error as TtlError).value).toBe(value);
      expect((error as Error).message).toMatch(/^Invalid TTL /);
    },
  );

  test('a TTL above the 10-minute clamp warns once per value', () => {
    const previous = capture();
    try {
      normalizeTtl('1h');
      normalizeTtl('1h');
      normalizeTtl('2h');
      normalizeTtl('10m');
    } finally {
      setWarningSink(previous);
    }
    expect(warnings).toEqual([
      `zero-record: TTL "1h" is above Zero's 10-minute maximum; Zero keeps the query for 10 minutes.`,
      `zero-record: TTL "2h" is above Zero's 10-minute maximum; Zero keeps the query for 10 minutes.`,
    ]);
  });

  test('relation ttl() validates before anything reaches Zero', () => {
    const job = defineModel({ schema, table: 'jobs' });
    expect(() => defineModel({ schema, table: 'jobs', ttl: { slice: 1 } as never })).toThrow(ConfigError);
    expect(job.ttl).toBe('5m');
  });
});
