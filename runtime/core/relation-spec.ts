/**
 * The relation spec: a Relation as plain JSON, the one form a read takes between the Rails-style API and ZQL.
 *
 * API (shared by the client runtime and the server endpoints, so both build the same AST and the UI does not flicker):
 * - `RelationSpec`: `{ where?, order?, limit?, offset?, includes? }`. `where` is a `Condition` tree (`cmp` / `and` / `or` /
 *   `const` / `exists`, the last being Zero's `whereExists` on a relationship, `negated` for NOT EXISTS; `not` is already
 *   pushed down to complementary operators, see conditions.ts); `order` is `[column, 'asc' | 'desc']`
 *   pairs; `includes` is `[relationshipName, RelationSpec]` pairs. Scopes are compiled into these fields on the client (a
 *   scope is a function of the relation), so the spec names no code and the server runs none of the client's. What the
 *   client does to Zero's rows afterwards (`in_order_of`'s list order, see Relation#rows) is not part of it.
 * - `applySpec(query, spec)`: compiles a spec onto a ZQL query.
 * - `buildRelationQuery(schema, table, spec)`: the same, from the schema's `createBuilder(schema)[table]`.
 * - `buildFindQuery(schema, table, column, key)`: the row whose `column` is `key`, in Zero's singular format (`.one()`):
 *   what `find(id)`'s spec compiles to, built from the key alone.
 * - `compiledSpec(schema, table, spec)`: `buildRelationQuery` kept per spec object, so an interned spec read again reads
 *   through the same ZQL query object.
 * - `runtimeSpec(table, parts)` / `runtimeSpecTable(spec)`: a spec marked as built by a Relation (whose methods checked it
 *   against the model), and the mark read back; a spec parsed from a request never carries it (the mark is kept beside the
 *   spec, in this module). Identical specs of a table are one object (a bounded cache of recently used ones), and
 *   `compiledRuntimeSpec` keeps the ZQL compiled from it: a relation built again reads through the same ZQL query object,
 *   so neither we nor Zero (which caches its normalized AST and hash per AST object) redo that work.
 * - `plainFindKey(spec, primaryKey)`: the key of a spec that is exactly `find(id)` (key = value, limit 1, nothing else),
 *   which a model with a find query sends as that query's bare key instead of the spec.
 * - `dropOffset(spec, rows)`: ZQL has no OFFSET; the query loads `limit + offset` rows and the reader drops the first `offset`.
 * Validate every other spec with `validateRelationSpec` (spec-validation.ts) before building it.
 */
import { createBuilder } from '@rocicorp/zero';
import { toExpression, type Condition, type ExpressionBuilder } from './conditions.ts';
import type { AnySchema } from './zero-types.ts';

/** Sort direction of an `order` column. */
export type Direction = 'asc' | 'desc';

/** A Relation as JSON: what the client sends as the argument of `queries.<model>.relation(spec)`. */
// A type alias, not an interface: Zero's query arguments must be assignable to its JSON type, which needs an index signature.
export type RelationSpec = {
  readonly where?: Condition;
  readonly order?: readonly (readonly [column: string, direction: Direction])[];
  readonly limit?: number;
  readonly offset?: number;
  readonly includes?: readonly (readonly [relationship: string, spec: RelationSpec])[];
};

/** The ZQL query surface the compiler uses (Zero's Query, typed loosely: the runtime spans schemas). */
export interface ZqlQuery {
  where(build: (eb: ExpressionBuilder<unknown>) => unknown): ZqlQuery;
  where(column: string, operator: string, value: unknown): ZqlQuery;
  orderBy(column: string, direction: Direction): ZqlQuery;
  limit(n: number): ZqlQuery;
  /** Limit 1 in Zero's singular format: a run or a view yields the row or undefined. */
  one(): ZqlQuery;
  related(name: string, build?: (q: ZqlQuery) => ZqlQuery): ZqlQuery;
}

/** Compiles `spec` onto a ZQL query of the spec's table. */
export function applySpec(query: ZqlQuery, spec: RelationSpec): ZqlQuery {
  const where = spec.where;
  let q = query;
  if (where) {
    // The common case, comparisons ANDed together, takes ZQL's direct form (cheaper than the expression builder).
    const comparisons = where.op === 'cmp' ? [where] : where.op === 'and' && where.conds.every((c) => c.op === 'cmp') ? where.conds : undefined;
    if (comparisons) for (const c of comparisons as Extract<Condition, { op: 'cmp' }>[]) q = q.where(c.column, c.operator, c.value);
    else if (!(where.op === 'const' && where.value)) q = q.where((eb) => toExpression(eb, where));
  }
  for (const [column, direction] of spec.order ?? []) q = q.orderBy(column, direction);
  if (spec.limit !== undefined) q = q.limit(spec.limit + (spec.offset ?? 0));
  for (const [name, sub] of spec.includes ?? []) q = q.related(name, (related) => applySpec(related, sub));
  return q;
}

const builders = new WeakMap<AnySchema, Record<string, ZqlQuery>>();

function tableQuery(schema: AnySchema, table: string): ZqlQuery {
  let builder = builders.get(schema);
  if (!builder) builders.set(schema, (builder = createBuilder(schema) as unknown as Record<string, ZqlQuery>));
  return builder[table]!;
}

/** The ZQL query for `spec` on `table` of `schema` (the builder is made once per schema). */
export function buildRelationQuery(schema: AnySchema, table: string, spec: RelationSpec): ZqlQuery {
  return applySpec(tableQuery(schema, table), spec);
}

/**
 * The row of `table` whose `column` is `key`, in Zero's singular format: the AST `find(id)`'s spec (that comparison, limit
 * 1) compiles to, `.one()` giving the limit, and the query a hand-written find by id builds.
 */
export function buildFindQuery(schema: AnySchema, table: string, column: string, key: string | number): ZqlQuery {
  return tableQuery(schema, table).where(column, '=', key).one();
}

/**
 * Which specs a Relation built for a model with a named relation query (marked by table), kept beside the spec, not on
 * it: the spec stays a plain object, which Zero serializes (twice per read, to hash its arguments) on V8's fast path
 * (measured: a spec marked with a non-enumerable symbol property made a named where + order + limit read about 6%
 * slower), and only this module can mark one, which no parsed request and no object literal can imitate. Only specs sent
 * as a relation query's argument are marked (a WeakMap entry costs about 1-2 us): not those of legacy models, nor
 * find(id)'s.
 */
const runtimeSpecs = new WeakMap<RelationSpec, string>();

/**
 * The ZQL a spec was compiled to, and by what (a named query's compiler, or a schema's builder): ZQL queries are
 * immutable, so an interned spec read again (a relation awaited twice, a live view opened again, the same relation built
 * again) is compiled once, and Zero, which caches its normalized AST and hash per AST object, skips that work too.
 */
const compiledSpecs = new WeakMap<RelationSpec, { readonly by: object; readonly zql: ZqlQuery }>();

function compiled(spec: RelationSpec, by: object): ZqlQuery | undefined {
  const known = compiledSpecs.get(spec);
  return known?.by === by ? known.zql : undefined;
}

function remember(spec: RelationSpec, by: object, zql: ZqlQuery): ZqlQuery {
  compiledSpecs.set(spec, { by, zql });
  return zql;
}

/** `buildRelationQuery(schema, table, spec)`, compiled once per spec object (a Relation's specs are interned). */
export function compiledSpec(schema: AnySchema, table: string, spec: RelationSpec): ZqlQuery {
  const query = tableQuery(schema, table);
  return compiled(spec, query) ?? remember(spec, query, applySpec(query, spec));
}

/**
 * How many distinct runtime specs stay interned (all tables together) in each of two generations: specs used since the
 * current generation began, and those of the one before (moved up when used again); when the current one is full it
 * becomes the previous one and the oldest is dropped whole. Enough for the relations a screen reads again and again (its
 * live views, the finds in an `{#each}`); an entry costs about 0.65 KB for a `find` (measured: the spec, its JSON as the
 * key, its compiled ZQL, and Zero's normalized AST and hash kept for that ZQL). Two generations rather than an exact
 * least-recently-used order: a hit is one lookup and a miss one insert, with no reordering (which cost about 1.5 us per
 * new spec, every find of an id not read recently).
 */
const INTERNED_SPECS = 256;
let interned = new Map<string, RelationSpec>();
let previouslyInterned = new Map<string, RelationSpec>();

function intern(id: string, spec: RelationSpec): void {
  if (interned.size >= INTERNED_SPECS) {
    previouslyInterned = interned;
    interned = new Map();
  }
  interned.set(id, spec);
}

function lookUp(id: string): RelationSpec | undefined {
  const known = interned.get(id);
  if (known) return known;
  const earlier = previouslyInterned.get(id);
  if (earlier) intern(id, earlier);
  return earlier;
}

/**
 * A spec of `table` from a Relation's parts (checked by its methods against the model), marked as such when `mark` (only
 * this module can mark one so) because it will be a named relation query's argument. Identical parts give the same
 * object, so its compiled ZQL (and Zero's work keyed by that ZQL's AST) is reused. `parts` is a fresh object with only the
 * fields that are set (the caller hands it over: it becomes the spec when new).
 */
export function runtimeSpec(table: string, parts: RelationSpec, mark: boolean): RelationSpec {
  const id = JSON.stringify(table) + JSON.stringify(parts);
  let spec = lookUp(id);
  if (!spec) intern(id, (spec = parts));
  if (mark && !runtimeSpecs.has(spec)) runtimeSpecs.set(spec, table);
  return spec;
}

/** The table a Relation built `spec` for, or undefined for any other value (a spec from a request or from app code). */
export function runtimeSpecTable(spec: unknown): string | undefined {
  return typeof spec === 'object' && spec !== null ? runtimeSpecs.get(spec as RelationSpec) : undefined;
}

/** The ZQL `compile` (one named query's compiler) makes of a runtime-built `spec`, compiled on the first read only. */
export function compiledRuntimeSpec(spec: RelationSpec, compile: (spec: RelationSpec) => ZqlQuery): ZqlQuery {
  if (!runtimeSpecs.has(spec)) return compile(spec);
  return compiled(spec, compile) ?? remember(spec, compile, compile(spec));
}

/** Drops the `offset` rows Zero loaded ahead of the ones asked for. */
export function dropOffset<R>(spec: RelationSpec, rows: readonly R[]): readonly R[] {
  return hasOffset(spec) ? rows.slice(spec.offset) : rows;
}

/** Whether Zero is asked for offset rows that `dropOffset` drops. */
export function hasOffset(spec: RelationSpec): boolean {
  return (spec.offset ?? 0) > 0;
}

/**
 * The key value when `spec` asks for exactly the row whose `primaryKey` equals it (`find(id)`: that comparison, limit 1,
 * nothing else), else undefined. Such a read can be sent as the model's find query, whose argument is the bare key: Zero
 * serializes and hashes a named query's argument twice per read, and the ZQL built is the same either way.
 */
export function plainFindKey(spec: RelationSpec, primaryKey: string): string | number | undefined {
  const where = spec.where;
  if (spec.limit !== 1 || spec.order || spec.offset || spec.includes || where?.op !== 'cmp') return undefined;
  if (where.column !== primaryKey || where.operator !== '=') return undefined;
  const value = where.value;
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}
