/**
 * Named relation queries: per model a Zero `defineQuery` taking a validated relation spec, and one taking only a key (the
 * most read query of an app, `find(id)`, whose argument Zero then hashes as a bare string rather than a spec). Register the
 * registry on the client (each model's config `query: queries.<model>.relation, find: queries.<model>.find`) and serve it
 * from the query endpoint: the same definitions build the AST on both sides. Read policies are not part of it: the server
 * applies its per-table policies (`createServer({ policies })`) to the AST every named query builds, at every level.
 *
 * API:
 * - `relationQuery(schema, table, options?)`: one `defineQuery(({ args }) => zql)`; `options.limits` are the spec caps.
 * - `findQuery(schema, table, options?)`: `defineQuery(({ args: id }) => zql)`, the row whose key is `id`: the AST the relation
 *   query builds for `find(id)`'s spec, in Zero's singular format (`.one()`: a run or view yields the row or undefined). The
 *   key is the table's one-column Zero primary key.
 * - `defineRelationQueries(schema, { job: 'jobs', ... }, options?)`: `defineQueries({ job: { relation, find }, ... })` (no
 *   `find` for a table whose primary key has several columns).
 */
import { defineQueries, defineQuery, type AnyQueryRegistry } from '@rocicorp/zero';
import { ConfigError } from './errors.ts';
import { buildFindQuery, buildRelationQuery, compiledRuntimeSpec, runtimeSpecTable, type RelationSpec } from './relation-spec.ts';
import { assertWithinLimitCap, specLimits, validateFindKey, validateRelationSpec, type SpecLimits } from './spec-validation.ts';
import type { AnySchema } from './zero-types.ts';

/** Options of `relationQuery`: the spec caps. */
export interface RelationQueryOptions {
  readonly limits?: Partial<SpecLimits>;
}

/** A model's named relation query as the runtime calls it: `query(spec)` gives the request `z.materialize` / `z.run` take. */
export type RelationQuery = ((spec: RelationSpec) => unknown) & { readonly queryName: string };

/** A model's named find query as the runtime calls it: `find(id)` gives the request for the row whose key is `id`. */
export type FindQuery = ((id: string | number) => unknown) & { readonly queryName: string };

/**
 * The named query of one table: validates the spec, then compiles it onto the table's builder.
 * @example const relation = relationQuery(schema, 'jobs', { limits: { maxLimit: 200 } });
 */
export function relationQuery(schema: AnySchema, table: string, options: RelationQueryOptions = {}) {
  const caps = specLimits(options.limits);
  const compile = (spec: RelationSpec) => {
    assertWithinLimitCap(spec, caps);
    return buildRelationQuery(schema, table, spec);
  };
  // Validated inside the query function rather than through Zero's validator slot: Zero reports a validator's issues as its
  // own untyped error, while an error thrown here reaches the client as our typed InvalidRelationSpecError and the server's
  // query endpoint as an app error.
  return defineQuery(({ args }: { args: RelationSpec }) => {
    if (runtimeSpecTable(args) !== table) return buildRelationQuery(schema, table, validateRelationSpec(schema, table, args, caps)) as never;
    // A spec a Relation of this table built: its methods already checked columns, operators and value types against the
    // model, so only the limit cap is checked here (cheap, and it fails before anything is sent). What they do not check
    // (the size caps, a comparison on a json column) the server refuses: it validates every request, and input from the
    // wire never takes this path.
    // Zero's Query type is exact per schema and table; the runtime spans schemas (the AST is what matters).
    return compiledRuntimeSpec(args, compile) as never;
  });
}

/** The one column of `table`'s Zero primary key, or undefined when it has several. */
function keyColumn(schema: AnySchema, table: string): string | undefined {
  const primaryKey = (schema.tables as Record<string, { readonly primaryKey?: readonly string[] }>)[table]?.primaryKey;
  return primaryKey?.length === 1 ? primaryKey[0] : undefined;
}

/**
 * The named find query of one table: the row whose primary key is the argument, after checking it is a value of the key
 * column (type, and `limits.maxKeyLength` for strings) on both sides, as the server must for anything a client sends.
 * @example const find = findQuery(schema, 'jobs'); // z.run(find('j1'))
 */
export function findQuery(schema: AnySchema, table: string, options: RelationQueryOptions = {}) {
  const key = keyColumn(schema, table);
  if (key === undefined) {
    throw new ConfigError(`findQuery: no find query for '${table}'`, [
      `'${table}' has no one-column primary key in the Zero schema (find looks a row up by it)`,
      'read it through its relation query (relationQuery) instead',
    ]);
  }
  const caps = specLimits(options.limits);
  return defineQuery(({ args }: { args: string | number }) => {
    const id = validateFindKey(schema, table, key, args, caps);
    // The AST the relation query builds for find(id)'s spec (the same rows), in the singular format: the query a
    // hand-written find by id builds, so Zero does the same work for it.
    return buildFindQuery(schema, table, key, id) as never;
  });
}

/** A registry entry: the relation query, and the find query when the table has a one-column primary key. */
export interface ModelQueries {
  readonly relation: RelationQuery;
  readonly find?: FindQuery;
}

/**
 * What `defineRelationQueries` returns: each model's queries, and the brand of Zero's query registries (it is one, made
 * by `defineQueries`), so it is what `new Zero({ queries })` and `createServer({ queries })` take.
 */
export type RelationQueries<M> = { readonly [K in keyof M]: ModelQueries } & Pick<AnyQueryRegistry, '~'>;

/**
 * The registry of relation queries: `queries.<name>.relation(spec)` and `queries.<name>.find(id)` for each `name -> table`.
 * @example export const queries = defineRelationQueries(schema, { job: 'jobs', client: 'clients' });
 */
export function defineRelationQueries<const M extends Readonly<Record<string, string>>>(
  schema: AnySchema,
  models: M,
  options: RelationQueryOptions = {},
): RelationQueries<M> {
  const definitions = Object.fromEntries(
    Object.entries(models).map(([name, table]) => {
      const entry: { relation: unknown; find?: unknown } = { relation: relationQuery(schema, table, options) };
      if (keyColumn(schema, table) !== undefined) entry.find = findQuery(schema, table, options);
      return [name, entry];
    }),
  );
  return defineQueries(definitions as never) as never;
}
