/**
 * The relation spec contract: a Relation becomes JSON, the JSON passes the validator and builds the same ZQL AST through the
 * named query (the server's path) as on the client; hostile specs get a typed error naming the fault, never a crash.
 */
import { asQueryInternals } from '@rocicorp/zero/bindings';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InvalidRelationSpecError, QueryError } from '../../runtime/index.ts';
import { createServer } from '../../runtime/server/index.ts';
import { defineRelationQueries } from '../../runtime/core/relation-queries.ts';
import type { RelationSpec } from '../../runtime/core/relation-spec.ts';
import { validateRelationSpec } from '../../runtime/core/spec-validation.ts';
import { queryFor, zqlFor } from '../../runtime/core/reads.ts';
import type { Relation } from '../../runtime/index.ts';
import { schema } from '../support/zero.ts';
import { seed, setup, type Models } from './fixtures.ts';

let m: Models;
/** Models reading through their named relation queries: only their specs are marked as runtime-built (compiled once). */
let named: Models;
beforeAll(async () => {
  m = setup();
  named = setup('named queries');
  await seed(m);
});
afterAll(async () => {
  await m.z.close();
  await named.z.close();
});

const queries = defineRelationQueries(schema, { job: 'jobs', client: 'clients' });
const astOf = (query: unknown) => asQueryInternals(query as never).ast;
/** What the server does with a request: JSON in, validated args, the registered query's function. */
const serverAst = (spec: RelationSpec, q = queries.job.relation) => {
  const request = q(JSON.parse(JSON.stringify(spec)) as RelationSpec) as { query: { fn: (o: { args: unknown; ctx: unknown }) => unknown }; args: unknown };
  return astOf(request.query.fn({ args: request.args, ctx: undefined }));
};

const relations: [string, () => Relation][] = [
  ['all', () => m.Job.all()],
  ['hash, array, null, range', () => m.Job.where({ status: 'active', id: ['j1', 'j3'], client_id: null, priority: { gt: 1, lte: 5 } })],
  ['not and or', () => m.Job.not({ status: 'active', country: 'UK' }).or(m.Job.not({ country: 'UK' }).where({ priority: 3 }))],
  ['scope chain, order, limit, offset', () => m.Job.active().by_client('c2').recent().limit(3).offset(1)],
  ['includes with a shaped association', () => m.Job.includes('client', { tasks: (t) => t.where({ position: { gte: 1 } }).order('position desc').limit(5) })],
  ['none', () => m.Job.none()],
  ['where_associated (EXISTS) in an or', () => m.Job.where({ status: 'done' }).or(m.Job.where_associated('tasks').where({ status: 'active' }))],
  ['joins and conditions on joined tables (EXISTS with conditions, one per relationship)', () => m.Job.joins('tasks').where({ tasks: { title: 'Primer' } }).not({ title: 'x', client: { name: 'Acme' } })],
  ['where_missing (its relationship loaded one row deep)', () => m.Job.where_missing('client').includes('tasks').limit(3)],
  ['rewhere, merge, excluding, unscope', () => m.Job.active().rewhere({ status: 'done' }).merge(m.Job.where({ priority: 3 })).excluding('j9').unscope({ where: 'country' })],
  ['in_order_of (the list order and the limit stay on the client)', () => m.Job.order('title').in_order_of('status', ['done', null, 'active']).limit(2)],
];

describe('a Relation as a spec', () => {
  test('is plain JSON: condition tree, order pairs, limit, offset, include pairs (scopes compiled in)', () => {
    const spec = m.Job.active().where({ priority: { gte: 3 } }).order({ created_at: 'desc' }).limit(10).offset(5).includes('client').spec;
    expect(spec).toEqual({
      where: {
        op: 'and',
        conds: [
          { op: 'cmp', column: 'status', operator: '=', value: 'active' },
          { op: 'cmp', column: 'priority', operator: '>=', value: 3 },
        ],
      },
      order: [['created_at', 'desc']],
      limit: 10,
      offset: 5,
      includes: [['client', {}]],
    });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  test('in_order_of sends Zero the filter and the column orders; the list order, limit and offset are applied to its rows', () => {
    const relation = m.Job.order('title').in_order_of('status', ['done', 'active']).limit(2).offset(1);
    expect(relation.spec).toEqual({
      where: { op: 'cmp', column: 'status', operator: 'IN', value: ['done', 'active'] },
      order: [['title', 'asc']],
    });
    expect(relation.key).not.toBe(m.Job.order('title').in_order_of('status', ['active', 'done']).limit(2).offset(1).key);
  });

  test('where({ id: [] }) is sent as matching nothing, and kept per column so rewhere can replace it', () => {
    expect(m.Job.where({ id: [] }).active().spec.where).toEqual({ op: 'const', value: false });
    expect(m.Job.where({ id: [] }).active().matchesNothing).toBe(true);
    expect(m.Job.not({ id: [] }).spec.where).toBeUndefined();
    expect(m.Job.where({ id: [] }).active().rewhere({ id: 'j1' }).spec.where).toEqual({
      op: 'and',
      conds: [
        { op: 'cmp', column: 'status', operator: '=', value: 'active' },
        { op: 'cmp', column: 'id', operator: '=', value: 'j1' },
      ],
    });
  });

  test.each(relations)('%s: passes the validator and builds the same AST on the server as on the client', (_name, relation) => {
    const spec = relation().spec;
    expect(validateRelationSpec(schema, 'jobs', JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    expect(serverAst(spec)).toEqual(astOf(zqlFor(relation())));
  });

  test('identical relations share one spec and one compiled query; the key still says which relations are identical', () => {
    const build = () => named.Job.active().by_client('c2').recent().limit(3);
    const [a, b] = [build(), build()];
    expect(a).not.toBe(b);
    expect(a.spec).toBe(b.spec);
    const compiled = (relation: Relation) => {
      const request = queries.job.relation(relation.spec) as unknown as { query: { fn: (o: { args: unknown; ctx: unknown }) => unknown }; args: unknown };
      return astOf(request.query.fn({ args: request.args, ctx: undefined }));
    };
    // The same AST object: Zero caches its normalized AST and hash per AST object.
    expect(compiled(a)).toBe(compiled(b));
    expect(a.key).toBe(JSON.stringify(['jobs', a.spec, a.model.ttl]));
    const other = build().limit(4);
    expect(other.spec).not.toBe(a.spec);
    expect(other.key).not.toBe(a.key);
    expect(build().ttl('2h').key).not.toBe(a.key);
  });

  test('a legacy relation built again reads through the same ZQL query; find(id) asks for the row by key as .one()', () => {
    const build = () => m.Job.active().by_client('c2').recent().limit(3);
    // The same query object: Zero caches its normalized AST and hash per AST object.
    expect(zqlFor(build())).toBe(zqlFor(build()));
    expect(zqlFor(build().limit(4))).not.toBe(zqlFor(build()));
    const find = asQueryInternals(queryFor(m.z as never, m.Job.where({ id: 'j1' }).limit(1)) as never);
    expect(find.ast).toEqual({ table: 'jobs', where: { type: 'simple', left: { type: 'column', name: 'id' }, right: { type: 'literal', value: 'j1' }, op: '=' }, limit: 1 });
    expect(find.format.singular).toBe(true);
  });

  test('the named query answers on a real local Zero with the rows the Rails API gives', async () => {
    const rows = await m.z.run(queries.job.relation(m.Job.where({ country: 'UK' }).order('created_at').spec) as never);
    expect((rows as { id: string }[]).map((r) => r.id)).toEqual(['j1', 'j4']);
  });

  test("a Relation's spec is compiled once per named query; the same spec as JSON is validated and compiled afresh", () => {
    const clientAst = (spec: RelationSpec) => {
      const request = queries.job.relation(spec) as { query: { fn: (o: { args: unknown; ctx: unknown }) => unknown }; args: unknown };
      return astOf(request.query.fn({ args: request.args, ctx: undefined }));
    };
    const spec = named.Job.where({ status: 'active' }).order('created_at').spec;
    expect(clientAst(spec)).toBe(clientAst(spec));
    expect(serverAst(spec)).not.toBe(clientAst(spec));
    expect(serverAst(spec)).toEqual(clientAst(spec));
    // Another registry's query of the same table compiles it for itself.
    const other = defineRelationQueries(schema, { job: 'jobs' });
    const otherRequest = other.job.relation(spec) as { query: { fn: (o: { args: unknown; ctx: unknown }) => unknown }; args: unknown };
    expect(astOf(otherRequest.query.fn({ args: otherRequest.args, ctx: undefined }))).not.toBe(clientAst(spec));
  });

  test("on the query endpoint, the server's read policy is ANDed into the AST the named query builds", async () => {
    // The one home of read policies: createServer's per-table policies, applied to whatever AST a named query returns.
    const server = createServer<{ userID: string; client: string }>({
      schema,
      // The generated registry as it is: typed as a Zero query registry, no cast.
      queries,
      mutators: {} as never,
      database: 'postgres://nobody@127.0.0.1:1/none', // never connected: the query endpoint only builds ASTs
      authenticate: () => ({ userID: 'u1', client: 'c2' }),
      policies: { jobs: { read: (ctx) => ({ client_id: ctx.client }) } },
    });
    try {
      const spec = m.Job.where({ status: 'active' }).spec;
      const response = await server.query(
        new Request('http://localhost/query?schema=zero_0&appID=zero', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(['transform', [{ id: 'q1', name: 'job.relation', args: [spec] }]]),
        }),
      );
      const body = (await response.json()) as { queries: { ast?: { where?: unknown } }[] };
      expect(body.queries[0]?.ast?.where).toEqual(astOf(zqlFor(m.Job.where({ status: 'active', client_id: 'c2' }))).where);
    } finally {
      await server.close();
    }
  });
});

const cmp = (column: string, operator: string, value: unknown) => ({ op: 'cmp', column, operator, value });
function nested(depth: number): unknown {
  let cond: unknown = cmp('status', '=', 'active');
  for (let i = 0; i < depth; i++) cond = { op: i % 2 ? 'and' : 'or', conds: [cond, cmp('id', '=', `j${i}`)] };
  return { where: cond };
}
/** `depth` EXISTS, each inside the last (jobs -> client -> jobs ...). */
function joinedDeep(depth: number): unknown {
  let cond: unknown = cmp('id', '=', 'x');
  for (let i = depth - 1; i >= 0; i--) cond = { op: 'exists', relationship: i % 2 ? 'jobs' : 'client', negated: false, where: cond };
  return cond;
}
const cyclic: Record<string, unknown> = {};
cyclic.where = cyclic;

describe('hostile specs get InvalidRelationSpecError naming the fault', () => {
  const cases: [string, unknown, string, string][] = [
    ['unknown column', { where: cmp('password', '=', 'x') }, 'where.column', "unknown column \"password\" of 'jobs'"],
    ['unknown column in order', { order: [['secret', 'asc']] }, 'order[0][0]', 'unknown column "secret"'],
    ['bad direction', { order: [['title', 'sideways']] }, 'order[0][1]', "direction must be 'asc' or 'desc'"],
    ['unknown relationship', { includes: [['owner', {}]] }, 'includes[0][0]', "unknown relationship \"owner\" of 'jobs' (relationships: client, tasks)"],
    ['unknown column of an included table', { includes: [['tasks', { where: cmp('status', '=', 'x') }]] }, 'includes[0][1].where.column', "unknown column \"status\" of 'tasks'"],
    ['operator not allowed', { where: cmp('title', 'REGEXP', '.*') }, 'where.operator', 'operator "REGEXP" is not allowed (allowed: =, !=, <, >=, >, <=, IN, NOT IN, IS, IS NOT, LIKE, NOT LIKE, ILIKE, NOT ILIKE)'],
    ['a pattern on a number column', { where: cmp('priority', 'ILIKE', '%1%') }, 'where.value', "column 'priority' of 'jobs' holds numbers"],
    ['a pattern that is no string', { where: cmp('title', 'NOT LIKE', ['%a%']) }, 'where.value', 'NOT LIKE takes a pattern string, got'],
    // Zero's LIKE backtracks on each run of %: this one would hold zero-cache for seconds a row.
    ['a pattern of many % runs', { where: cmp('id', 'ILIKE', '%a%a%a%a%a%a%a%a%a%b') }, 'where.value', "a pattern holds at most 2 runs of %, got 10 (Zero's LIKE backtracks on each)"],
    ['value of the wrong type', { where: cmp('priority', '>', '3') }, 'where.value', "column 'priority' of 'jobs' holds numbers"],
    ['IN without an array', { where: cmp('id', 'IN', 'j1') }, 'where.value', 'IN takes an array'],
    ['object smuggled as a value', { where: cmp('id', '=', { $gt: '' }) }, 'where.value', 'holds strings'],
    ['limit over the cap', { limit: 1_000_000 }, 'limit', 'limit 1000000 is over the cap of 1000'],
    ['limit plus offset over the cap', { limit: 900, offset: 200 }, 'limit', 'limit 900 + offset 200 is over the cap of 1000'],
    ['negative limit', { limit: -1 }, 'limit', 'expected a non-negative integer'],
    ['50-deep condition tree', nested(50), 'where.conds[0].conds[0].conds[0].conds[0].conds[0].conds[0].conds[0].conds[0]', 'conditions nested deeper than 8'],
    ['1 MB spec', { where: cmp('id', 'IN', Array.from({ length: 30_000 }, (_, i) => `job-${i}-${'x'.repeat(20)}`)) }, '', 'over the cap of 65536'],
    ['unknown key', { where: undefined, select: ['*'] }, '', "unknown key 'select'"],
    ['unknown condition', { where: { op: 'raw', sql: 'true' } }, 'where.op', 'unknown condition "raw"'],
    ['exists on an unknown relationship', { where: { op: 'exists', relationship: 'owner', negated: false } }, 'where.relationship', "unknown relationship \"owner\" of 'jobs' (relationships: client, tasks)"],
    ['exists on an inherited name', { where: { op: 'exists', relationship: 'constructor', negated: true } }, 'where.relationship', 'unknown relationship "constructor"'],
    ['exists without negated', { where: { op: 'exists', relationship: 'client' } }, 'where.negated', 'expected false (NOT EXISTS is not supported), got undefined'],
    ['NOT EXISTS (Zero clients cannot run it)', { where: { op: 'exists', relationship: 'client', negated: true } }, 'where.negated', 'expected false (NOT EXISTS is not supported), got true'],
    // A joined table's conditions are checked against that table, as deep as they go.
    ['a joined table\'s unknown column', { where: { op: 'exists', relationship: 'tasks', negated: false, where: cmp('password', '=', 'x') } }, 'where.where.column', "unknown column \"password\" of 'tasks'"],
    ['a joined table\'s value of the wrong type', { where: { op: 'exists', relationship: 'client', negated: false, where: cmp('name', '=', 1) } }, 'where.where.value', "column 'name' of 'clients' holds strings"],
    ['NOT EXISTS with conditions', { where: { op: 'exists', relationship: 'tasks', negated: true, where: cmp('title', '=', 'x') } }, 'where.negated', 'NOT EXISTS is not supported'],
    ['EXISTS nested past the depth cap', { where: joinedDeep(9) }, `where${'.where'.repeat(8)}`, 'conditions nested deeper than 8'],
    ['EXISTS with an unknown key', { where: { op: 'exists', relationship: 'tasks', negated: false, sql: 'true' } }, 'where', "unknown key 'sql' in a 'exists' condition"],
    ['not an object', 'DROP TABLE jobs', '', 'expected an object'],
    ['null', null, '', 'expected an object'],
    ['an array', [], '', 'expected an object'],
    ['a cycle', cyclic, '', 'not serialisable as JSON'],
    ['too many nodes', { where: { op: 'or', conds: Array.from({ length: 600 }, (_, i) => cmp('id', '=', `j${i}`)) } }, 'where.conds[499]', 'more than 500 nodes'],
    ['includes nested too deep', { includes: [['client', { includes: [['jobs', { includes: [['client', { includes: [['jobs', { includes: [['client', {}]] }]] }]] }]] }]] }, 'includes[0][1].includes[0][1].includes[0][1].includes[0][1].includes', 'includes nested deeper than 4'],
  ];
  test.each(cases)('%s', (_name, input, path, message) => {
    let error: unknown;
    try {
      validateRelationSpec(schema, 'jobs', input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRelationSpecError);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as InvalidRelationSpecError).path).toBe(path);
    expect((error as Error).message).toContain(message);
  });

  test('the caps are configurable', () => {
    expect(() => validateRelationSpec(schema, 'jobs', { limit: 20 }, { maxLimit: 10 })).toThrow('limit 20 is over the cap of 10');
    expect(validateRelationSpec(schema, 'jobs', { limit: 2000 }, { maxLimit: 5000 })).toEqual({ limit: 2000 });
    expect(() => validateRelationSpec(schema, 'jobs', nested(3), { maxDepth: 2 })).toThrow('conditions nested deeper than 2');
  });

  test('an unknown table is refused', () => {
    expect(() => validateRelationSpec(schema, 'users', {})).toThrow("unknown table 'users'");
  });

  test('the named query refuses an invalid spec with the typed error (an app error on the server)', () => {
    expect(() => serverAst({ limit: 5000 })).toThrow(InvalidRelationSpecError);
    expect(() => serverAst({ limit: 5000 })).toThrow('limit 5000 is over the cap of 1000');
  });
});
