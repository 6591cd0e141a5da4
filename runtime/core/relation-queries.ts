/**
 * Named relation queries: one Zero `defineQuery` per model, taking a validated relation spec. Register the registry on the
 * client (each model's config `query: queries.<model>.relation`) and serve it from the query endpoint: the same definitions
 * build the AST on both sides. Read policies are not part of it: the server applies its per-table policies
 * (`createServer({ policies })`) to the AST every named query builds, at every level.
 *
 * API:
 * - `relationQuery(schema, table, options?)`: one `defineQuery(({ args }) => zql)`; `options.limits` are the spec caps.
 * - `defineRelationQueries(schema, { job: 'jobs', ... }, options?)`: `defineQueries({ job: { relation }, ... })`.
 */
import { defineQueries, defineQuery } from '@rocicorp/zero';
import { buildRelationQuery, compiledRuntimeSpec, runtimeSpecTable, type RelationSpec } from './relation-spec.ts';
import { assertWithinLimitCap, specLimits, validateRelationSpec, type SpecLimits } from './spec-validation.ts';
import type { AnySchema } from './zero-types.ts';

/** Options of `relationQuery`: the spec caps. */
export interface RelationQueryOptions {
  readonly limits?: Partial<SpecLimits>;
}

/** A model's named relation query as the runtime calls it: `query(spec)` gives the request `z.materialize` / `z.run` take. */
export type RelationQuery = ((spec: RelationSpec) => unknown) & { readonly queryName: string };

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

/**
 * The registry of relation queries: `queries.<name>.relation(spec)` for each `name -> table`.
 * @example export const queries = defineRelationQueries(schema, { job: 'jobs', client: 'clients' });
 */
export function defineRelationQueries<const M extends Readonly<Record<string, string>>>(
  schema: AnySchema,
  models: M,
  options: RelationQueryOptions = {},
): { readonly [K in keyof M]: { readonly relation: RelationQuery } } {
  const definitions = Object.fromEntries(Object.entries(models).map(([name, table]) => [name, { relation: relationQuery(schema, table, options) }]));
  return defineQueries(definitions as never) as never;
}
