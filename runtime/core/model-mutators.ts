/**
 * Per-model custom mutators (the modern Zero write path): `create`, `update`, `destroy`, `upsert` for each model, each
 * checking its arguments against the model's columns and types and, for create/update, the model's Rails validations.
 * The same definitions run optimistically on the client and authoritatively in the push endpoint, so a server-side
 * rejection carries the same typed error (`RecordInvalidError` details travel in Zero's error result).
 *
 * API: `defineModelMutators({ job: jobConfig, ... })` -> Zero's `defineMutators` registry (`mutators.job.create({ values })`).
 * Register it on the client (`new Zero({ mutators })`) and in the push endpoint. The runtime's writes use a model's
 * mutators once they are defined (the registry is their one home: `mutatorsOf(model)`).
 */
import { defineMutator, defineMutators, type AnyMutatorRegistry } from '@rocicorp/zero';
import { defineModel, type ModelConfig, type ModelDefinition } from './config.ts';
import { MutationError, RecordNotUniqueError, ZeroRecordError, describeValue } from './errors.ts';
import { keyNotFound } from './finders.ts';
import { assertValid } from './validations.ts';
import { buildFindQuery } from './relation-spec.ts';
import type { WriteOperation } from './mutators.ts';

type Values = Readonly<Record<string, unknown>>;
/** The argument of every model mutator. */
export type ModelMutatorArgs = { readonly values: Readonly<Record<string, string | number | boolean | null>> };
/** The Rails-named operations of a model's mutators. */
export type ModelMutatorName = 'create' | 'update' | 'destroy' | 'upsert';

const NAMES: Readonly<Record<WriteOperation, ModelMutatorName>> = { insert: 'create', update: 'update', delete: 'destroy', upsert: 'upsert' };

interface TableWriter {
  insert(values: Values): Promise<void>;
  update(values: Values): Promise<void>;
  upsert(values: Values): Promise<void>;
  delete(values: Values): Promise<void>;
}
interface Tx {
  /** Zero's: 'optimistic' (first client run), 'rebase' (client re-run on a newer server snapshot), 'authoritative' (server). */
  readonly reason: 'optimistic' | 'rebase' | 'authoritative';
  readonly mutate: Readonly<Record<string, TableWriter>>;
  run(query: unknown): Promise<unknown>;
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
  return values as Values;
}

function mutatorsFor(model: ModelDefinition) {
  const write = (name: ModelMutatorName, run: (tx: Tx, values: Values) => Promise<void>) =>
    defineMutator(async ({ tx, args }: { tx: unknown; args: ModelMutatorArgs }) => {
      const values = checkedValues(model, name, args);
      if ((tx as Tx).reason !== 'rebase') return run(tx as Tx, values);
      // Zero re-runs a pending write on each newer server snapshot, where the row may be gone (another client destroyed
      // it, or it is not synced) or no longer valid with the other changes. A throw here is a poke error to Zero, which
      // then stops syncing the client (connection 'error'). The write passed its checks once, and the server runs it
      // authoritatively and answers: until then the client shows the server's rows without this write.
      try {
        await run(tx as Tx, values);
      } catch (error) {
        if (!(error instanceof ZeroRecordError)) throw error;
      }
    });
  const table = (tx: Tx) => tx.mutate[model.table]!;
  /** The row stored under `values`' key, where the mutator runs (this client's store, or the server's transaction). */
  const stored = async (tx: Tx, values: Values) =>
    (await tx.run(buildFindQuery(model.schema, model.table, model.primaryKey, values[model.primaryKey] as string | number))) as Values | undefined;
  return {
    create: write('create', async (tx, values) => {
      const row = Object.fromEntries(model.columns.map((c) => [c, values[c] ?? null]));
      assertValid(model.className, model.validations, row);
      // Zero's insert skips a row whose key is taken (ON CONFLICT DO NOTHING), so a create that raced another client's
      // would succeed writing nothing: refused, as the database's unique key refuses Rails' INSERT.
      if (await stored(tx, values)) throw RecordNotUniqueError.keyTaken(model.className, model.primaryKey, values[model.primaryKey]);
      await table(tx).insert(values);
    }),
    update: write('update', async (tx, values) => {
      // Rails validates the record as it will be: the stored row with the changes applied.
      const current = await stored(tx, values);
      if (!current) throw keyNotFound(model, values[model.primaryKey]);
      assertValid(model.className, model.validations, { ...current, ...values });
      await table(tx).update(values);
    }),
    destroy: write('destroy', async (tx, values) => table(tx).delete({ [model.primaryKey]: values[model.primaryKey] })),
    // Rails' upsert skips validations.
    upsert: write('upsert', async (tx, values) => table(tx).upsert(values)),
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
