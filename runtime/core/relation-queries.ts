/**
 * Named relation queries: one Zero `defineQuery` per model, taking a validated relation spec. Register the registry on the
 * client (each model's config `query: queries.<model>.relation`) and serve it from the query endpoint: the same definitions
 * build the AST on both sides.
 *
 * API:
 * - `relationQuery(schema, table, options?)`: one `defineQuery(validator, ({ args, ctx }) => zql)`; `options.readPolicy(ctx)`
 *   returns a condition ANDed into the AST (the server's per-model read policy), `options.limits` the spec caps.
 * - `defineRelationQueries(schema, { job: 'jobs', ... }, options?)`: `defineQueries({ job: { relation }, ... })`.
 */
import { defineQueries, defineQuery } from '@rocicorp/zero';
import type { Condition } from './conditions.ts';
import { ConfigError } from './errors.ts';
import { buildRelationQuery, type RelationSpec } from './relation-spec.ts';
import { validateRelationSpec, type SpecLimits } from './spec-validation.ts';
import type { AnySchema } from './zero-types.ts';

/** Options of `relationQuery`: the spec caps and the read policy. */
export interface RelationQueryOptions<Ctx = unknown> {
  readonly limits?: Partial<SpecLimits>;
  /** Conditions the caller's context may see (ANDed into every query of the table); undefined: no restriction. */
  readonly readPolicy?: (ctx: Ctx) => Condition | undefined;
}

/** A model's named relation query as the runtime calls it: `query(spec)` gives the request `z.materialize` / `z.run` take. */
export type RelationQuery = ((spec: RelationSpec) => unknown) & { readonly queryName: string };

/**
 * The named query of one table: validates the spec, then compiles it (with the read policy) onto the table's builder.
 * @example const relation = relationQuery(schema, 'jobs', { readPolicy: (ctx) => ({ op: 'cmp', column: 'owner_id', operator: '=', value: ctx.userID }) });
 */
export function relationQuery<Ctx = unknown>(schema: AnySchema, table: string, options: RelationQueryOptions<Ctx> = {}) {
  // Validated inside the query function rather than through Zero's validator slot: Zero reports a validator's issues as its
  // own untyped error, while an error thrown here reaches the client as our typed InvalidRelationSpecError and the server's
  // query endpoint as an app error.
  return defineQuery(({ args, ctx }: { args: RelationSpec; ctx: Ctx }) =>
    // Zero's Query type is exact per schema and table; the runtime spans schemas (the AST is what matters).
    buildRelationQuery(schema, table, validateRelationSpec(schema, table, args, options.limits), options.readPolicy?.(ctx)) as never,
  );
}

/**
 * The registry of relation queries: `queries.<name>.relation(spec)` for each `name -> table`.
 * @example export const queries = defineRelationQueries(schema, { job: 'jobs', client: 'clients' });
 */
export function defineRelationQueries<const M extends Readonly<Record<string, string>>, Ctx>(
  schema: AnySchema,
  models: M,
  options: { readonly limits?: Partial<SpecLimits>; readonly readPolicy?: { readonly [name: string]: (ctx: Ctx) => Condition | undefined } } = {},
): { readonly [K in keyof M]: { readonly relation: RelationQuery } } {
  // A policy under a misspelt name would leave its model unrestricted: refuse it.
  const stray = Object.keys(options.readPolicy ?? {}).filter((name) => !Object.hasOwn(models, name));
  if (stray.length > 0) {
    throw new ConfigError('defineRelationQueries', stray.map((name) => `readPolicy names '${name}', which is not a model here (models: ${Object.keys(models).join(', ')})`));
  }
  const definitions = Object.fromEntries(
    Object.entries(models).map(([name, table]) => [
      name,
      { relation: relationQuery(schema, table, { limits: options.limits, readPolicy: options.readPolicy?.[name] }) },
    ]),
  );
  return defineQueries(definitions as never) as never;
}
