/**
 * One row written through Zero: the model's own mutators, the schema's legacy CRUD mutators, or the runtime's generic ones.
 */
import type { ModelDefinition } from './config.ts';
import { ConfigError, MutationError, ZeroRecordError, NotNullViolationError, RecordInvalidError, RecordNotFoundError, RecordNotUniqueError } from './errors.ts';
import { recordMutators, type WriteArgs, type WriteOperation } from './mutators.ts';
import { modelMutatorOf } from './model-mutators.ts';
import { awaitZero, hasServer } from './zero-source.ts';
import { monitored } from './monitoring.ts';
import { applyCounterChanges, counterCachesOf, counterChanges, tableShape, type CounterCache, type CountingTransaction } from './counter-caches.ts';
import { loadRelation } from './reads.ts';
import { Relation } from './relation.ts';
import type { Scalar } from './conditions.ts';
import type { RowData } from './zero-types.ts';

/** Options of every write (`create`, `update`, `destroy`, `upsert`). */
export interface WriteOptions {
  /** 'client' (default) resolves once Zero applied the write locally; 'server' also waits for zero-cache's confirmation. */
  readonly wait?: 'client' | 'server';
}

type MutatorOutcome = { type: 'success' } | { type: 'error'; error: { message?: string; details?: unknown } };
interface MutatorResultLike {
  readonly client: Promise<MutatorOutcome>;
  readonly server: Promise<MutatorOutcome>;
}

/**
 * A refusal as Rails types it where PostgreSQL's words say which (Rails reads the SQLSTATE; a mutation's error carries
 * the message): a duplicate key is RecordNotUnique (which `create_or_find_by` answers by finding), NULL in a required
 * column NotNullViolation; anything else a MutationError.
 */
export function databaseRefusal(model: string, operation: string, message: string, cause: unknown): MutationError {
  if (/duplicate key value violates unique constraint/.test(message)) return new RecordNotUniqueError(model, operation, message, { cause });
  if (/violates not-null constraint/.test(message)) return new NotNullViolationError(model, operation, message, { cause });
  return new MutationError(model, operation, message, { cause });
}

/**
 * Writes one row through Zero: the model's own mutators when `defineModelMutators` defined them; else the schema's CRUD
 * mutators when it enables them (`enableLegacyMutators`); else the runtime's generic `recordMutators`. The Zero client
 * must be created with the registry used. Every write outcome passes the monitoring hook here.
 *
 * `counterCaches: true` (insert, update, delete: Rails' create, save and destroy, not delete or update_columns) keeps the
 * model's counter caches; a list of relationships keeps only theirs, whatever the write (a has_many's removal, which
 * Rails counts on its owner alone: core/collection-writes.ts). The custom mutators, the model's and the generic ones,
 * move the counts in the row's own transaction, reading the parent there; Zero's CRUD mutators have no transaction
 * across rows, so the counts are read on this client and written after the row, each a write of its own
 * (docs/records.md says what that cannot promise).
 */
export function writeRow(
  model: ModelDefinition,
  operation: WriteOperation,
  values: WriteArgs['values'],
  options: WriteOptions = {},
  { counterCaches = false }: { readonly counterCaches?: boolean | readonly string[] } = {},
): Promise<void> {
  // Rails' upsert runs no callbacks: only a list names counts it keeps.
  const counting = counterCaches === true && operation === 'upsert' ? false : counterCaches;
  return monitored(model.className, operation, () => writeThroughZero(model, operation, values, options, counting));
}

const hasCounterCaches = (model: ModelDefinition): boolean => Object.keys(model.counterCaches).length > 0;

/** The row of `model` whose `columns` hold `key`, as this client's Zero answers (the server's, when there is one). */
async function rowWhere(model: ModelDefinition, columns: readonly string[], key: readonly unknown[]): Promise<RowData | undefined> {
  const [row] = await loadRelation(new Relation(model).where(Object.fromEntries(columns.map((column, i) => [column, key[i] as Scalar]))).limit(1));
  return row;
}

/** The parent model a counter cache of `model` counts in, by its table. */
function parentOf(model: ModelDefinition, caches: readonly CounterCache[], table: string): ModelDefinition {
  return new Relation(model).associatedModel(caches.find((cache) => cache.parent.name === table)!.relationship);
}

async function writeThroughZero(
  model: ModelDefinition,
  operation: WriteOperation,
  values: WriteArgs['values'],
  options: WriteOptions,
  counting: boolean | readonly string[],
): Promise<void> {
  const z = await awaitZero(model);
  const fail = (message: string, cause?: unknown) => new MutationError(model.className, operation, message, { cause });
  const own = modelMutatorOf(model, operation);
  // Resolved before anything is written: a count column the parent lacks refuses the write, typed, on every path.
  const resolved = counting && hasCounterCaches(model) ? counterCachesOf(model, counting === true ? undefined : counting) : [];
  const caches = resolved.length > 0 ? resolved : undefined;
  if (!own && (model.schema as { enableLegacyMutators?: boolean }).enableLegacyMutators) {
    if (options.wait === 'server') {
      // Zero's CRUD path resolves on the client; a rejection by zero-cache shows only in the connection state.
      throw fail(
        "{ wait: 'server' } needs the runtime's custom mutators (recordMutators, run by your push endpoint); " +
          'this schema enables legacy CRUD mutators, whose server outcome Zero does not report to the caller',
      );
    }
    const crudOf = (table: string) => {
      const crud = (z.mutate as unknown as Record<string, Record<WriteOperation, (v: unknown) => Promise<void>> | undefined>)[table];
      if (!crud) throw fail(`the Zero client has no CRUD mutators for '${table}'`);
      return crud;
    };
    // No transaction spans rows here: the stored row and the parents' counts are this client's reads, written after the row.
    const before = caches && operation !== 'insert' ? await rowWhere(model, [model.primaryKey], [values[model.primaryKey]]) : undefined;
    const crud = crudOf(model.table);
    try {
      await crud[operation](values);
      // An update or delete of a row that is not there wrote nothing; an upsert without one inserted it.
      if (caches && (operation === 'insert' || operation === 'upsert' || before)) {
        const after = operation === 'delete' ? undefined : { ...before, ...values };
        const client: CountingTransaction = {
          row: (table, columns, key) => rowWhere(table.name === model.table ? model : parentOf(model, caches, table.name), columns, key),
          update: (table, row) => crudOf(table.name).update(row),
        };
        await applyCounterChanges(client, counterChanges(caches, before, after));
      }
    } catch (error) {
      if (error instanceof ZeroRecordError) throw error;
      throw fail(String((error as Error)?.message ?? error), error);
    }
    return;
  }
  if (options.wait === 'server' && !hasServer(z)) {
    // Zero never settles `.server` on a client without a server: refuse before writing rather than wait forever.
    throw new ConfigError(`${model.className}.${operation} with { wait: 'server' }`, [
      'this Zero client has no server (cacheURL is null), so no server will ever confirm the write',
      "drop { wait: 'server' } for local-only clients, or create the client with the zero-cache URL",
    ]);
  }
  let result: MutatorResultLike;
  try {
    const request = own
      ? own(counting === true || !hasCounterCaches(model) ? { values } : { values, counterCaches: caches ? caches.map((cache) => cache.relationship) : false })
      : recordMutators.zeroRecord[operation]({ table: model.table, values, ...(caches ? { counterCaches: { table: tableShape(model, caches.flatMap((cache) => cache.foreignKey)), caches } } : {}) });
    result = (z.mutate as unknown as (request: unknown) => MutatorResultLike)(request);
  } catch (error) {
    const registry = own ? 'the generated mutators (defineModelMutators)' : 'recordMutators from zero-record';
    throw fail(`${String((error as Error)?.message ?? error)} (create the Zero client with { mutators } set to ${registry})`, error);
  }
  // A failed mutator's error comes back as a result, typed again here: the server's validation messages as
  // RecordInvalidError, a row missing where the mutator ran as RecordNotFoundError.
  const raise = (outcome: MutatorOutcome, where: string) => {
    if (outcome.type === 'success') return;
    const { details, message = `rejected by the ${where}` } = outcome.error;
    throw (
      RecordInvalidError.fromDetails(details) ??
      RecordNotFoundError.fromDetails(details, message) ??
      RecordNotUniqueError.fromDetails(details) ??
      databaseRefusal(model.className, operation, message, outcome.error)
    );
  };
  raise(await result.client, 'client');
  if (options.wait === 'server') raise(await result.server, 'server');
}
