/**
 * Rails compatibility, table-driven: every finder and where-shape against a real local Zero, with Rails' answers,
 * Rails' error messages and SQL NULL semantics.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { QueryError, RecordNotFoundError, SoleRecordExceededError, sanitize_sql_like } from '../../runtime/index.ts';
import { READ_MODES, seed, setup, type Models } from './fixtures.ts';

// Both read paths: the same answers whether Zero is asked client-built ZQL or the model's named relation query.
describe.each(READ_MODES)('%s', (mode) => {
  let m: Models;
  beforeAll(async () => {
    m = setup(mode);
    await seed(m);
  });
  afterAll(() => m.z.close());

  const ids = (records: readonly { id: unknown }[]) => records.map((r) => r.id);

  describe('where shapes', () => {
    const cases: [string, () => PromiseLike<{ id: unknown }[]>, string[]][] = [
      ['hash equality', () => m.Job.where({ status: 'active' }), ['j1', 'j3']],
      ['two columns AND', () => m.Job.where({ status: 'active', country: 'UK' }), ['j1']],
      ['array -> IN', () => m.Job.where({ id: ['j2', 'j4'] }), ['j2', 'j4']],
      ['null -> IS NULL', () => m.Job.where({ status: null }), ['j4']],
      ['array with null -> IN or IS NULL', () => m.Job.where({ status: ['done', null] }), ['j2', 'j4']],
      ['array of only null', () => m.Job.where({ country: [null] }), ['j3']],
      ['empty array matches nothing', () => m.Job.where({ id: [] }), []],
      ['range gt/lte', () => m.Job.where({ priority: { gt: 1, lte: 3 } }), ['j2', 'j5']],
      ['range gte only (endless)', () => m.Job.where({ priority: { gte: 5 } }), ['j3']],
      ['range lt excludes NULL', () => m.Job.where({ priority: { lt: 3 } }), ['j1']],
      ['chained where ANDs', () => m.Job.where({ client_id: 'c1' }).where({ status: 'done' }), ['j2']],
      ['not excludes NULL (three-valued)', () => m.Job.not({ country: 'UK' }), ['j2', 'j5']],
      ['not null -> IS NOT NULL', () => m.Job.not({ country: null }), ['j1', 'j2', 'j4', 'j5']],
      ['not array -> NOT IN, NULL excluded', () => m.Job.not({ status: ['active', 'done'] }), ['j5']],
      ['not array with null', () => m.Job.not({ status: ['active', null] }), ['j2', 'j5']],
      ['not of two columns is NAND (Rails 6.1+), NULL-aware', () => m.Job.not({ status: 'active', country: 'UK' }), ['j2', 'j5']],
      ['not empty array matches every row', () => m.Job.not({ id: [] }), ['j1', 'j2', 'j3', 'j4', 'j5']],
      ['not range', () => m.Job.not({ priority: { gte: 3 } }), ['j1']],
      ['or', () => m.Job.where({ status: 'done' }).or(m.Job.where({ country: null })), ['j2', 'j3']],
      ['or with not', () => m.Job.where({ id: 'j1' }).or(m.Job.not({ status: ['active', 'done', 'archived'] })), ['j1']],
      ['none', () => m.Job.where({ status: 'active' }).none(), []],
      ['all', () => m.Job.all(), ['j1', 'j2', 'j3', 'j4', 'j5']],
      ['scope', () => m.Job.active(), ['j1', 'j3']],
      ['scope with argument', () => m.Job.by_client('c2'), ['j3', 'j5']],
      ['scope chain', () => m.Job.active().by_client('c2').where({ priority: 5 }), ['j3']],
      ['where then scope', () => m.Job.where({ country: 'UK' }).active(), ['j1']],
      ['numeric string cast for number column', () => m.Job.where({ priority: '3' }), ['j2', 'j5']],
      // Arel's matches: ILIKE (its PostgreSQL default), LIKE with case_sensitive; NOT (I)LIKE under not, NULL neither way.
      ['matches is ILIKE', () => m.Job.where({ title: { matches: '%AIN%' } }), ['j1']],
      ['matches case_sensitive is LIKE', () => m.Job.where({ title: { matches: '%AIN%', case_sensitive: true } }), []],
      ['matches: _ is one character', () => m.Job.where({ title: { matches: 'ti_e' } }), ['j4']],
      ['not matches is NOT ILIKE, NULL excluded', () => m.Job.not({ country: { matches: 'u%' } }), ['j2', 'j5']],
      ['sanitize_sql_like matches its text literally', () => m.Job.where({ title: { matches: `%${sanitize_sql_like('a_%')}%` } }), []],
      ['an escaped % is no wildcard run', () => m.Job.where({ title: { matches: '%\\%\\%\\%%' } }), []],
      ["Rails' cast reads '1.' as 1", () => m.Job.where({ priority: '1.' }), ['j1']],
    ];
    test.each(cases)('%s', async (_name, query, expected) => {
      expect(ids(await query()).sort()).toEqual(expected);
    });
  });

  // invert_where is Rails 7's: its answers are SQL's NOT over the same rows (SQLite, through ActiveRecord 6.1); the rest
  // are ActiveRecord 6.1's.
  describe('invert_where, and, find_sole_by, include_p', () => {
    const cases: [string, () => PromiseLike<{ id: unknown }[]>, string[]][] = [
      ['invert_where: NOT, NULL on neither side', () => m.Job.where({ status: 'active' }).invert_where(), ['j2', 'j5']],
      ['invert_where of two columns: NOT (a AND b)', () => m.Job.where({ status: 'active', country: 'UK' }).invert_where(), ['j2', 'j5']],
      ['invert_where of an OR and a range', () => m.Job.where({ priority: { gte: 3 } }).or(m.Job.where({ country: null })).invert_where(), ['j1']],
      ['invert_where, then where', () => m.Job.active().invert_where().where({ client_id: 'c2' }), ['j5']],
      ['invert_where of where_missing', () => m.Job.where_missing('client').invert_where(), ['j1', 'j2', 'j3', 'j5']],
      ['invert_where keeps none', () => m.Job.active().none().invert_where(), []],
      // where.associated is Rails' INNER JOIN: invert_where negates the conditions under it, the join stays.
      ['invert_where of where_associated alone: nothing', () => m.Job.where_associated('client').invert_where(), []],
      ['invert_where under where_associated', () => m.Job.where_associated('client').where({ status: 'active' }).invert_where(), ['j2', 'j5']],
      ['none().or(other) is other, its limit included', () => m.Job.limit(1).none().or(m.Job.where({ status: 'done' })), ['j2']],
      ['and(none) adds a FALSE that unscope(where) removes', () => m.Job.where({ status: 'active' }).and(m.Job.none()).unscope('where'), ['j1', 'j2', 'j3', 'j4', 'j5']],
      ['and', () => m.Job.where({ status: 'active' }).and(m.Job.where({ client_id: 'c1' })), ['j1']],
      ["and under the receiver's order", () => m.Job.order('created_at').where({ status: 'active' }).and(m.Job.where({ country: [null, 'UK'] })), ['j1', 'j3']],
      ['and none', () => m.Job.where({ status: 'active' }).and(m.Job.none()), []],
    ];
    test.each(cases)('%s', async (_name, query, expected) => {
      expect(ids(await query())).toEqual(expected);
    });

    test('and refuses what or refuses, in its own words; a record built through it takes what both pin', () => {
      expect(() => m.Job.limit(1).and(m.Job.where({ client_id: 'c1' }))).toThrow(
        new QueryError('Relation passed to #and must be structurally compatible. Incompatible values: [:limit]'),
      );
      const built = m.Job.where({ status: 'active' }).and(m.Job.where({ client_id: 'c1' })).new();
      expect([built.status, built.client_id]).toEqual(['active', 'c1']);
    });

    test('invert_where refuses to put a where_missing inside an OR', () => {
      const nested = m.Job.where({ status: 'done' }).or(m.Job.where_associated('tasks').where({ country: 'UK' }));
      expect(() => nested.invert_where()).toThrow(/Job\.invert_where: inverting these conditions puts a where_missing inside an OR/);
    });

    test("or / and name what they were given instead of a relation, and refuse a create_with only one side has, as Rails' ArgumentError", () => {
      expect(() => m.Job.all().and('x' as never)).toThrow(new QueryError('Job.and: You have passed String object to #and. Pass a relation of Job instead.'));
      expect(() => m.Job.all().or(null as never)).toThrow(new QueryError('Job.or: You have passed null object to #or. Pass a relation of Job instead.'));
      expect(() => m.Job.create_with({ status: 'archived' }).where({ id: 'j1' }).and(m.Job.where({ client_id: 'c1' }))).toThrow(
        new QueryError('Relation passed to #and must be structurally compatible. Incompatible values: [:create_with]'),
      );
    });

    test('find_sole_by is where(...).sole', async () => {
      expect((await m.Job.active().find_sole_by({ country: 'UK' })).id).toBe('j1');
      await expect(m.Job.find_sole_by({ status: 'active' })).rejects.toBeInstanceOf(SoleRecordExceededError);
      await expect(m.Job.find_sole_by({ status: 'nope' })).rejects.toThrow("Couldn't find Job");
    });

    test('include_p / member_p: the record in the relation, by its key; a limited relation searched as loaded', async () => {
      const [j1, j3] = [await m.Job.find('j1'), await m.Job.find('j3')];
      expect(await Promise.all([m.Job.active().include_p(j1), m.Job.where({ status: 'done' }).include_p(j1), m.Job.active().member_p(j3)])).toEqual([true, false, true]);
      expect(await Promise.all([m.Job.order('id').limit(2).include_p(j3), m.Job.order('id').limit(2).include_p(j1)])).toEqual([false, true]);
      // Anything but a record of the model is not in it (Rails: `is_a?(klass)`); an unsaved record with a row's key is.
      expect(await Promise.all([m.Job.all().include_p('j1'), m.Job.all().include_p(await m.Client.find('c1')), m.Job.all().include_p(m.Job.new({ id: 'j1' }))])).toEqual([false, false, true]);
    });
  });

  describe('order, limit, offset', () => {
    const cases: [string, () => PromiseLike<{ id: unknown }[]>, string[]][] = [
      ['order hash desc', () => m.Job.order({ created_at: 'desc' }), ['j4', 'j5', 'j2', 'j3', 'j1']],
      ['order string', () => m.Job.order('title'), ['j1', 'j3', 'j5', 'j4', 'j2']],
      ['order "column desc"', () => m.Job.order('created_at desc').limit(2), ['j4', 'j5']],
      ['order with ties then second key', () => m.Job.where({ priority: 3 }).order({ priority: 'asc' }, { title: 'asc' }), ['j5', 'j2']],
      ['reorder replaces', () => m.Job.order({ created_at: 'desc' }).reorder({ created_at: 'asc' }).limit(2), ['j1', 'j3']],
      ['limit', () => m.Job.order('created_at').limit(3), ['j1', 'j3', 'j2']],
      ['offset', () => m.Job.order('created_at').offset(3), ['j5', 'j4']],
      ['limit + offset', () => m.Job.order('created_at').limit(2).offset(1), ['j3', 'j2']],
      ['limit(null) removes the limit, as limit(nil)', () => m.Job.order('created_at').limit(2).limit(null), ['j1', 'j3', 'j2', 'j5', 'j4']],
      ['scope order', () => m.Job.recent().limit(1), ['j4']],
      // Rails passes a list value (order, includes) that only the receiver of `or` sets, and keeps it.
      ['or under the receiver\'s order', () => m.Job.order('title').where({ status: 'done' }).or(m.Job.where({ priority: 5 })), ['j3', 'j2']],
      ['or under a scope\'s order', () => m.Job.recent().where({ status: 'done' }).or(m.Job.where({ priority: 5 })), ['j2', 'j3']],
      ['or under the receiver\'s includes', () => m.Job.includes('client').where({ id: 'j1' }).or(m.Job.where({ id: 'j2' })).order('title'), ['j1', 'j2']],
    ];
    test.each(cases)('%s', async (_name, query, expected) => {
      expect(ids(await query())).toEqual(expected);
    });
  });

  describe('terminals', () => {
    test('find returns the record; numbers and strings as Rails casts them', async () => {
      expect((await m.Job.find('j3')).title).toBe('Plumb');
      expect((await m.Counter.find('7')).value).toBe(1);
      expect((await m.Counter.find(7)).id).toBe(7);
    });

    test('find scoped to a relation only finds inside it', async () => {
      expect((await m.Job.active().find('j1')).id).toBe('j1');
      await expect(m.Job.active().find('j2')).rejects.toBeInstanceOf(RecordNotFoundError);
    });

    const notFound: [string, () => Promise<unknown>, string][] = [
      ['find missing string id', () => m.Job.find('abc'), `Couldn't find Job with 'id'="abc"`],
      ['find missing numeric id', () => m.Counter.find(5), `Couldn't find Counter with 'id'=5`],
      ['find non-numeric id on numeric key', () => m.Counter.find('x'), `Couldn't find Counter with 'id'="x"`],
      ['find undefined', () => m.Job.find(undefined), "Couldn't find Job without an ID"],
      ['find null', () => m.Job.find(null), "Couldn't find Job without an ID"],
      [
        'find array, one missing',
        () => m.Job.find(['j1', 'nope']),
        // Rails quotes the ids as it does one (`ids.map(&:inspect)`, since the fix for CVE-2025-55193), and adds no
        // sentence naming the missing ones (only a has_many `ids=` writer does).
        `Couldn't find all Jobs with 'id': ("j1", "nope") (found 1 results, but was looking for 2).`,
      ],
      [
        'find varargs, two missing',
        () => m.Job.find('j1', 'x', 'y'),
        `Couldn't find all Jobs with 'id': ("j1", "x", "y") (found 1 results, but was looking for 3).`,
      ],
      ['find ids on a numeric key, one missing', () => m.Counter.find([7, 8]), "Couldn't find all Counters with 'id': (7, 8) (found 1 results, but was looking for 2)."],
      ['find ids on an ordered relation, one missing', () => m.Job.order('title').find(['j1', 'nope']), `Couldn't find all Jobs with 'id': ("j1", "nope") (found 1 results, but was looking for 2).`],
      [
        // Without an order, the limit picks among the ids, and the message names those it picked.
        'find ids under a limit, one of the first missing',
        () => m.Job.limit(2).find(['nope', 'j1', 'j2']),
        `Couldn't find all Jobs with 'id': ("nope", "j1") (found 1 results, but was looking for 2).`,
      ],
      ['find_by_bang', () => m.Job.find_by_bang({ title: 'Nope' }), "Couldn't find Job"],
      ['first_bang on none', () => m.Job.none().first_bang(), "Couldn't find Job"],
      ['last_bang on none', () => m.Job.none().last_bang(), "Couldn't find Job"],
      ['take_bang on none', () => m.Job.where({ status: 'x' }).take_bang(), "Couldn't find Job"],
      ['sole on none', () => m.Job.where({ status: 'x' }).sole(), "Couldn't find Job"],
    ];
    test.each(notFound)('%s -> RecordNotFoundError', async (_name, run, message) => {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RecordNotFoundError);
      expect((error as Error).message).toBe(message);
      expect((error as RecordNotFoundError).model).toMatch(/^(Job|Counter)$/);
      expect((error as RecordNotFoundError).primaryKey).toBe('id');
    });

    test('RecordNotFoundError carries the id', async () => {
      const error = (await m.Job.find('abc').catch((e: unknown) => e)) as RecordNotFoundError;
      expect(error.id).toBe('abc');
      expect(error.name).toBe('RecordNotFoundError');
    });

    test('find([a, b]) returns records in the order asked, duplicates collapsed', async () => {
      expect(ids(await m.Job.find(['j3', 'j1']))).toEqual(['j3', 'j1']);
      expect(ids(await m.Job.find(['j2', 'j2']))).toEqual(['j2']);
      expect(await m.Job.find([])).toEqual([]);
    });

    // Rails' find_some: an ordered relation gives its own order and applies its limit and offset to the rows; without
    // an order the limit and offset pick among the ids, which keep the order asked.
    test('find([a, b]) on a relation with an order, a limit or an offset', async () => {
      expect(ids(await m.Job.order({ title: 'desc' }).find(['j1', 'j3', 'j2']))).toEqual(['j2', 'j3', 'j1']);
      expect(ids(await m.Job.limit(2).find(['j1', 'j3', 'j2']))).toEqual(['j1', 'j3']);
      expect(ids(await m.Job.offset(1).find(['j1', 'j3', 'j2']))).toEqual(['j3', 'j2']);
      expect(ids(await m.Job.order('title').limit(1).offset(1).find(['j1', 'j2', 'nope']))).toEqual(['j2']);
    });

    test('find_by returns the record or null', async () => {
      expect((await m.Job.find_by({ title: 'Wire' }))?.id).toBe('j2');
      expect(await m.Job.find_by({ title: 'Nope' })).toBeNull();
      expect((await m.Job.find_by({ status: null }))?.id).toBe('j4');
    });

    test('first/last order by primary key when unordered; use the order when given', async () => {
      expect((await m.Job.first())?.id).toBe('j1');
      expect((await m.Job.last())?.id).toBe('j5');
      expect(ids(await m.Job.first(2))).toEqual(['j1', 'j2']);
      expect(ids(await m.Job.last(2))).toEqual(['j4', 'j5']);
      expect((await m.Job.order({ created_at: 'desc' }).first())?.id).toBe('j4');
      expect((await m.Job.order({ created_at: 'desc' }).last())?.id).toBe('j1');
      expect(ids(await m.Job.order({ created_at: 'desc' }).last(2))).toEqual(['j3', 'j1']);
      expect((await m.Job.order('created_at').limit(3).last())?.id).toBe('j2');
      expect(await m.Job.none().first()).toBeNull();
    });

    // Each answer is ActiveRecord 6.1's over SQLite with this seed (in_order_of's is Rails 7's, which 6.1 lacks).
    const ordinals: [string, () => Promise<{ id: unknown } | null>, string | null][] = [
      ['second', () => m.Job.second(), 'j2'],
      ['third', () => m.Job.third(), 'j3'],
      ['fourth', () => m.Job.fourth(), 'j4'],
      ['fifth', () => m.Job.fifth(), 'j5'],
      ['forty_two', () => m.Job.forty_two(), null],
      ['second in the order given', () => m.Job.order({ created_at: 'desc' }).second(), 'j5'],
      ['second of a where', () => m.Job.where({ status: 'active' }).second(), 'j3'],
      ['third of a where of two', () => m.Job.where({ status: 'active' }).third(), null],
      ['second within a limit', () => m.Job.limit(2).second(), 'j2'],
      ['third beyond a limit', () => m.Job.limit(2).third(), null],
      ['second after an offset', () => m.Job.offset(2).second(), 'j4'],
      ['third within an offset and a limit, NULL first', () => m.Job.order('priority', 'id').offset(1).limit(3).third(), 'j5'],
      ['second_to_last', () => m.Job.second_to_last(), 'j4'],
      ['third_to_last', () => m.Job.third_to_last(), 'j3'],
      ['second_to_last in the order given', () => m.Job.order('created_at').second_to_last(), 'j5'],
      ['second_to_last of a limit: its tail', () => m.Job.limit(3).second_to_last(), 'j2'],
      ['third_to_last after an offset', () => m.Job.offset(2).third_to_last(), 'j3'],
      ['third_to_last beyond an offset', () => m.Job.offset(3).third_to_last(), null],
      ['third_to_last of a where of two', () => m.Job.where({ status: 'active' }).third_to_last(), null],
      ['second_to_last of in_order_of', () => m.Job.in_order_of('id', ['j3', 'j1', 'j2']).second_to_last(), 'j1'],
      ['fifth_bang', () => m.Job.fifth_bang(), 'j5'],
    ];
    test.each(ordinals)('%s (Rails: find_nth)', async (_name, run, expected) => {
      expect((await run())?.id ?? null).toBe(expected);
    });

    test("the ordinal _bang finders raise Rails' RecordNotFound when there is no such record", async () => {
      for (const bang of [() => m.Job.where({ status: 'active' }).third_bang(), () => m.Job.where({ id: 'j1' }).second_to_last_bang(), () => m.Job.forty_two_bang()]) {
        const error = await bang().catch((e: unknown) => e);
        expect([error instanceof RecordNotFoundError, (error as Error).message]).toEqual([true, "Couldn't find Job"]);
      }
      expect((await m.Job.second_bang()).id).toBe('j2');
      expect((await m.Job.third_to_last_bang()).id).toBe('j3');
    });

    test('take does not order; returns null on none', async () => {
      expect(ids(await m.Job.where({ status: 'active' }).take(5)).sort()).toEqual(['j1', 'j3']);
      expect(await m.Job.none().take()).toBeNull();
      expect((await m.Job.where({ id: 'j2' }).take_bang()).id).toBe('j2');
    });

    test('sole: exactly one, else SoleRecordExceeded', async () => {
      expect((await m.Job.where({ status: null }).sole()).id).toBe('j4');
      const error = await m.Job.active().sole().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SoleRecordExceededError);
      expect((error as Error).message).toBe('Wanted only one Job');
    });

    test('pluck, pick, ids, exists, count', async () => {
      expect(await m.Job.order('created_at').pluck('title')).toEqual(['Paint', 'Plumb', 'Wire', 'Roof', 'Tile']);
      expect(await m.Job.where({ id: ['j1', 'j2'] }).order('id').pluck('id', 'priority')).toEqual([['j1', 1], ['j2', 3]]);
      expect(await m.Job.order({ created_at: 'desc' }).pick('title')).toBe('Tile');
      expect(await m.Job.none().pick('title')).toBeNull();
      expect(await m.Job.active().order('id').ids()).toEqual(['j1', 'j3']);
      expect(await m.Job.exists_p()).toBe(true);
      expect(await m.Job.exists_p('j2')).toBe(true);
      expect(await m.Job.exists_p('nope')).toBe(false);
      expect(await m.Job.exists_p({ status: 'archived' })).toBe(true);
      expect(await m.Job.exists_p(false)).toBe(false);
      // exists?(nil) is false in Rails; a param that is missing arrives as undefined and means the same.
      expect(await m.Job.exists_p(null)).toBe(false);
      expect(await m.Job.exists_p(undefined)).toBe(false);
      expect(await m.Job.where({ status: 'active' }).exists_p(undefined)).toBe(false);
      expect(await m.Job.none().exists_p()).toBe(false);
      expect(await m.Job.count()).toBe(5);
      expect(await m.Job.active().count()).toBe(2);
      expect(await m.Job.count('priority')).toBe(4);
      expect(await m.Job.order('id').limit(2).count()).toBe(2);
    });

    test('includes loads associations as model records, shaped by a relation', async () => {
      const job = (await m.Job.includes('client', { tasks: (t) => t.order({ position: 'asc' }) }).find('j1')) as unknown as {
        client: { name: string; constructor: { name: string } };
        tasks: { title: string; constructor: { name: string } }[];
      };
      expect(job.client.name).toBe('Acme');
      expect(job.client.constructor.name).toBe('Client');
      expect(job.tasks.map((t) => t.title)).toEqual(['Primer', 'Second coat']);
      expect(job.tasks[0]!.constructor.name).toBe('Task');
      const orphan = (await m.Job.includes('client').find('j4')) as unknown as { client: unknown };
      expect(orphan.client).toBeNull();
    });
  });

  describe('bad finder input', () => {
    const cases: [string, () => unknown, RegExp][] = [
      ['unknown column in where', () => m.Job.where({ nope: 1 }), /Job\.where: unknown column 'nope' for Job \(columns: id, title, status/],
      ['unknown column in not', () => m.Job.not({ nope: 1 }), /Job\.not: unknown column 'nope'/],
      ['unknown column in order', () => m.Job.order('nope'), /Job\.order: unknown column 'nope'/],
      ['bad direction', () => m.Job.order({ title: 'sideways' as 'asc' }), /direction for 'title' must be 'asc' or 'desc', got "sideways"/],
      ['undefined value', () => m.Job.where({ status: undefined as unknown as string }), /value for 'status' is undefined; pass null to match NULL/],
      ['wrong type', () => m.Job.where({ priority: 'high' }), /column 'priority' of Job holds numbers; got "high"/],
      ['empty range', () => m.Job.where({ priority: {} }), /range for 'priority' needs at least one of gt, gte, lt, lte/],
      ['matches on a number column', () => m.Job.where({ priority: { matches: '1%' } }), /Job\.where: matches compares strings; column 'priority' of Job holds numbers/],
      ['matches without a string', () => m.Job.where({ title: { matches: 3 as never } }), /matches for 'title' takes a pattern string, got 3/],
      ['matches with more than two runs of %', () => m.Job.where({ title: { matches: '%a%b%' } }), /Job\.where: matches for 'title': a pattern holds at most 2 runs of %, got 3/],
      ['matches beside a range key', () => m.Job.where({ title: { matches: 'a%', gt: 'a' } as never }), /unknown key 'gt' beside matches for 'title' \(use matches and case_sensitive\)/],
      ['negative limit', () => m.Job.limit(-1), /Job\.limit: expected a non-negative integer, got -1/],
      ['scope missing argument', () => (m.Job.by_client as () => unknown)(), /Job\.by_client: wrong number of arguments \(given 0, expected 1\)/],
      ['pluck unknown column', () => m.Job.pluck('nope'), /Job\.pluck: unknown column 'nope'/],
      ['includes unknown relationship', () => m.Job.includes('owner'), /Job has no relationship 'owner' configured \(configured: client, tasks\)/],
      ['or with incompatible relation', () => m.Job.where({ id: 'j1' }).or(m.Job.limit(1)), /structurally compatible. Incompatible values: \[:limit\]/],
      ['or with an order only the argument has', () => m.Job.where({ id: 'j1' }).or(m.Job.order('title')), /structurally compatible. Incompatible values: \[:order\]/],
      ['or with different orders', () => m.Job.order('title').or(m.Job.order('priority')), /structurally compatible. Incompatible values: \[:order\]/],
    ];
    test.each(cases)('%s -> QueryError', async (_name, run, message) => {
      const error = await (async () => run())().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(QueryError);
      expect((error as Error).message).toMatch(message);
    });
  });

  describe('relations are immutable', () => {
    test('chaining returns new relations and leaves the original as it was', async () => {
      const active = m.Job.active();
      const narrowed = active.where({ country: 'UK' });
      expect(narrowed).not.toBe(active);
      expect(ids(await active).sort()).toEqual(['j1', 'j3']);
      expect(ids(await narrowed)).toEqual(['j1']);
    });

    test('the model itself is not thenable (awaiting it does not load a table)', async () => {
      expect('then' in m.Job).toBe(false);
    });
  });
});
