/**
 * Per-model custom mutators (the modern Zero write path): `create`, `update`, `destroy`, `upsert` for each model, each
 * checking its arguments against the model's columns and types and, for create/update, the model's Rails validations.
 * The same definitions run optimistically on the client and authoritatively in the push endpoint, so a server-side
 * rejection carries the same typed error (`RecordInvalidError` details travel in Zero's error result).
 *
 * API: `defineModelMutators({ job: jobConfig, ... })` -> Zero's `defineMutators` registry (`mutators.job.create({ values })`).
 * Register it on the client (`new Zero({ mutators })`) and in the push endpoint. The runtime's writes use a model's
 * mutators once they are defined (the registry is their one home: `mutatorsOf(model)`).
 *
 * create, update and destroy keep the model's counter caches in their own transaction (core/counter-caches.ts), unless
 * called with `counterCaches: false` (Rails' `delete` and `update_columns`, which skip them). Called with a list of
 * relationships, any of the four keeps only those (a has_many's removal, counted on its owner alone, as Rails does).
 */
import { defineMutator, defineMutators, type AnyMutatorRegistry } from '@rocicorp/zero';
import { defineModel, type ModelConfig, type ModelDefinition } from './config.ts';
import { MutationError, RecordNotUniqueError, ZeroRecordError, describeValue } from './errors.ts';
import { keyNotFound } from './finders.ts';
import { assertValid } from './validations.ts';
import { buildFindQuery } from './relation-spec.ts';
import { applyCounterChanges, counterCachesOf, counterChanges, mutatorTransaction, type MutatorTransaction } from './counter-caches.ts';
import type { WriteOperation } from './mutators.ts';

type Values = Readonly<Record<string, unknown>>;
/**
 * The argument of every model mutator; `counterCaches: false` leaves the parents' counts as they are (default: kept,
 * except by upsert), a list of relationships keeps only theirs.
 */
export type ModelMutatorArgs = { readonly values: Readonly<Record<string, string | number | boolean | null>>; readonly counterCaches?: boolean | readonly string[] };
/** The Rails-named operations of a model's mutators. */
export type ModelMutatorName = 'create' | 'update' | 'destroy' | 'upsert';

const NAMES: Readonly<Record<WriteOperation, ModelMutatorName>> = { insert: 'create', update: 'update', delete: 'destroy', upsert: 'upsert' };

interface TableWriter {
  insert(values: Values): Promise<void>;
  update(values: Values): Promise<void>;
  upsert(values: Values): Promise<void>;
  delete(values: Values): Promise<void>;
}
interface Tx extends MutatorTransaction {
  /** Zero's: 'optimistic' (first client run), 'rebase' (client re-run on a newer server snapshot), 'authoritative' (server). */
  readonly reason: 'optimistic' | 'rebase' | 'authoritative';
  readonly mutate: Readonly<Record<string, TableWriter>>;
}

/** Checks the untrusted arguments: an object of known columns with values of the columns' types; the key where needed. */
function checkedValues(model: ModelDefinition, operation: ModelMutatorName, args: unknown): Values {
  const fail = (message: string): never => {
    throw new MutationError(model.className, operation, message);
  };
  const values = (args as { values?: unknown } | null)?.values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return fail(`expected { values: { column: value } }, got ${describeValue(args)}`);
  for (const [column, value] of Object.entries(values)) {
    const type = model.columnTypes[column];
    if (!Object.hasOwn(model.columnTypes, column)) fail(`unknown attribute '${column}' for ${model.className} (columns: ${model.columns.join(', ')})`);
    if (value === null || type === 'json') continue;
    const ok = type === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === type;
    if (!ok) fail(`column '${column}' of ${model.className} holds ${type}s; got ${describeValue(value)}`);
  }
  const key = (values as Values)[model.primaryKey];
  if (key === undefined || key === null) fail(`'${model.primaryKey}' is required`);
  const counterCaches = (args as { counterCaches?: unknown }).counterCaches;
  const named = (list: unknown[]) => list.every((name) => typeof name === 'string' && Object.hasOwn(model.counterCaches, name));
  if (counterCaches !== undefined && typeof counterCaches !== 'boolean' && !(Array.isArray(counterCaches) && named(counterCaches))) {
    const caches = Object.keys(model.counterCaches).join(', ') || 'none';
    fail(`counterCaches is true, false or a list of ${model.className}'s counter caches (${caches}); got ${describeValue(counterCaches)}`);
  }
  return values as Values;
}

/** Moves the counts a write made, given the row before it and after it; undefined where the write keeps no counts. */
type Count = (before: Values | undefined, after: Values | undefined) => Promise<void>;

function mutatorsFor(model: ModelDefinition) {
  const write = (name: ModelMutatorName, run: (tx: Tx, values: Values, count: Count | undefined) => Promise<void>) =>
    defineMutator(async ({ tx, args }: { tx: unknown; args: ModelMutatorArgs }) => {
      const values = checkedValues(model, name, args);
      // The counts a write moves, from the rows before and after it as this transaction has them; the caches resolved
      // before anything is written (a count column the parent lacks refuses the write).
      const only = Array.isArray(args.counterCaches) ? args.counterCaches : undefined;
      // Rails' upsert runs no callbacks: it keeps the counts a list names, no others.
      const keeps = args.counterCaches !== false && (name !== 'upsert' || only !== undefined) && Object.keys(model.counterCaches).length > 0;
      const caches = keeps ? counterCachesOf(model, only) : undefined;
      const count: Count | undefined = caches && (async (before, after) => applyCounterChanges(mutatorTransaction(tx as Tx, model.schema), counterChanges(caches, before, after)));
      if ((tx as Tx).reason !== 'rebase') return run(tx as Tx, values, count);
      // Zero re-runs a pending write on each newer server snapshot, where the row may be gone (another client destroyed
      // it, or it is not synced) or no longer valid with the other changes. A throw here is a poke error to Zero, which
      // then stops syncing the client (connection 'error'). The write passed its checks once, and the server runs it
      // authoritatively and answers: until then the client shows the server's rows without this write.
      try {
        await run(tx as Tx, values, count);
      } catch (error) {
        if (!(error instanceof ZeroRecordError)) throw error;
      }
    });
  const table = (tx: Tx) => tx.mutate[model.table]!;
  /** The row stored under `values`' key, where the mutator runs (this client's store, or the server's transaction). */
  const stored = async (tx: Tx, values: Values) =>
    (await tx.run(buildFindQuery(model.schema, model.table, model.primaryKey, values[model.primaryKey] as string | number))) as Values | undefined;
  return {
    create: write('create', async (tx, values, count) => {
      const row = Object.fromEntries(model.columns.map((c) => [c, values[c] ?? null]));
      assertValid(model.className, model.validations, row);
      // Zero's insert skips a row whose key is taken (ON CONFLICT DO NOTHING), so a create that raced another client's
      // would succeed writing nothing: refused, as the database's unique key refuses Rails' INSERT.
      if (await stored(tx, values)) throw RecordNotUniqueError.keyTaken(model.className, model.primaryKey, values[model.primaryKey]);
      await table(tx).insert(values);
      await count?.(undefined, row);
    }),
    update: write('update', async (tx, values, count) => {
      // Rails validates the record as it will be: the stored row with the changes applied.
      const current = await stored(tx, values);
      if (!current) throw keyNotFound(model, values[model.primaryKey]);
      const row = { ...current, ...values };
      assertValid(model.className, model.validations, row);
      await table(tx).update(values);
      await count?.(current, row);
    }),
    destroy: write('destroy', async (tx, values, count) => {
      // Rails decrements only when its DELETE removed a row: a row already gone counts nothing.
      const current = count ? await stored(tx, values) : undefined;
      await table(tx).delete({ [model.primaryKey]: values[model.primaryKey] });
      if (current) await count?.(current, undefined);
    }),
    // Rails' upsert skips validations and callbacks (counter caches too, but those a list names).
    upsert: write('upsert', async (tx, values, count) => {
      const current = count ? await stored(tx, values) : undefined;
      await table(tx).upsert(values);
      await count?.(current, { ...current, ...values });
    }),
  };
}

/** What the runtime calls to write: the registered mutator of each operation, by model. */
type RegisteredMutators = Readonly<Record<ModelMutatorName, (args: ModelMutatorArgs) => unknown>>;
const registered = new WeakMap<ModelDefinition, RegisteredMutators>();

/**
 * The custom mutators of every model, keyed as given: `mutators.<name>.create | update | destroy | upsert({ values })`.
 * @example export const mutators = defineModelMutators({ job: jobConfig, client: clientConfig });
 */
export function defineModelMutators<const M extends Readonly<Record<string, ModelDefinition<never, never> | ModelConfig>>>(
  models: M,
): { readonly [K in keyof M]: RegisteredMutators } & AnyMutatorRegistry {
  const definitions = Object.entries(models).map(([name, config]) => [name, defineModel(config as ModelConfig)] as const);
  const registry = defineMutators(Object.fromEntries(definitions.map(([name, model]) => [name, mutatorsFor(model)])) as never) as unknown as Record<
    string,
    RegisteredMutators
  >;
  for (const [name, model] of definitions) registered.set(model, registry[name]!);
  return registry as never;
}

/** The model's mutator for a write operation, once `defineModelMutators` has defined it; else undefined (legacy paths). */
export function modelMutatorOf(model: ModelDefinition, operation: WriteOperation): ((args: ModelMutatorArgs) => unknown) | undefined {
  return registered.get(model)?.[NAMES[operation]];
}
