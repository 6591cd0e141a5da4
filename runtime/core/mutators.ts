/**
 * The runtime's Zero custom mutators (the Zero 1.x write path). Register them on the client
 * (`new Zero({ schema, mutators: recordMutators })`) and in the app's push endpoint, so the same definitions run on both sides.
 * Apps whose schema sets `enableLegacyMutators` write through Zero's CRUD mutators instead; see `writeRow` in zero-write.ts.
 */
import { defineMutator, defineMutators } from '@rocicorp/zero';
import { SERVER_SCHEMA, applyCounterChanges, counterChanges, mutatorTransaction, type CounterCache, type MutatorTransaction, type TableShape } from './counter-caches.ts';

/** The row operations the runtime writes through Zero. */
export type WriteOperation = 'insert' | 'update' | 'upsert' | 'delete';

export interface WriteArgs {
  readonly table: string;
  readonly values: Readonly<Record<string, string | number | boolean | null>>;
  /**
   * The counter caches this write keeps, as the model's config resolves them (the client sends them for insert, update
   * and delete, and for an upsert only where a has_many's removal counts: core/collection-writes.ts), and the shape of
   * the written table (its key and the counted keys) to read the stored row by: the counts move in this mutation's
   * transaction (core/counter-caches.ts).
   */
  readonly counterCaches?: { readonly table: TableShape; readonly caches: readonly CounterCache[] };
  [key: string]: unknown;
}

type CrudTable = Record<WriteOperation, (values: WriteArgs['values']) => Promise<void>>;

/** The schema table `name` of a transaction's `mutate` (not an inherited member such as `constructor`). */
function crudTable(mutate: unknown, name: unknown): CrudTable | undefined {
  const table: unknown = typeof name === 'string' ? (mutate as Record<string, unknown>)[name] : undefined;
  return typeof table === 'object' && table !== null && typeof (table as Partial<CrudTable>).insert === 'function' ? (table as CrudTable) : undefined;
}

const write = (operation: WriteOperation) =>
  defineMutator(async ({ tx, args }) => {
    const { table: name, values, counterCaches } = args as unknown as WriteArgs;
    const table = crudTable(tx.mutate, name);
    if (!table) throw new Error(`zero-record: unknown table '${name}'`);
    if (!counterCaches) return table[operation](values);
    // The caches are the client's description, as the table and values are: each table named must be the schema's.
    for (const named of [counterCaches.table, ...counterCaches.caches.map((cache) => cache.parent)]) {
      if (!crudTable(tx.mutate, named.name)) throw new Error(`zero-record: unknown table '${named.name}' in counterCaches`);
    }
    // The row lock's PostgreSQL names come from the push endpoint's schema, not from the caches the client described.
    const transaction = tx as unknown as MutatorTransaction;
    const counting = mutatorTransaction(transaction, transaction[SERVER_SCHEMA]);
    const { primaryKey } = counterCaches.table;
    const before = operation === 'insert' ? undefined : await counting.row(counterCaches.table, [primaryKey], [values[primaryKey]]);
    await table[operation](values);
    // An update or delete of a row that is not there writes nothing, and counts nothing; an upsert inserts it.
    if ((operation === 'update' || operation === 'delete') && !before) return;
    const after = operation === 'delete' ? undefined : { ...before, ...values };
    await applyCounterChanges(counting, counterChanges(counterCaches.caches, before, after));
  });

/** `zeroRecord.insert | update | upsert | delete`, each taking `{ table, values }`. Authorize them in your push endpoint. */
export const recordMutators = defineMutators({
  zeroRecord: {
    insert: write('insert'),
    update: write('update'),
    upsert: write('upsert'),
    delete: write('delete'),
  },
});
