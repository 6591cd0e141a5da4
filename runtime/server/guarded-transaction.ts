/**
 * A server transaction whose table writes pass the write policy first. Mutators keep calling
 * `tx.mutate.<table>.insert(...)`; a refused change throws an `ApplicationError`, which rolls back
 * the mutator's transaction and fails that one mutation. Raw SQL through `tx.dbTransaction` is not
 * seen by the policy: a mutator that writes that way must check for itself.
 */
import { ApplicationError, createBuilder, type Schema } from '@rocicorp/zero';
import type { ServerTransaction } from '@rocicorp/zero/server';
import type { Policies, PolicyRow, WriteChange } from './policies.ts';

type Operation = WriteChange['operation'];
type TableWriter = Record<Operation, (value: PolicyRow) => Promise<void>>;
type AnyServerTransaction = ServerTransaction<Schema, unknown>;

async function rowBefore(tx: AnyServerTransaction, schema: Schema, table: string, value: PolicyRow): Promise<PolicyRow | undefined> {
  const primaryKey = schema.tables[table]?.primaryKey ?? [];
  // Dynamic table and column names: the builder's static types cannot follow them.
  let query = (createBuilder(schema) as unknown as Record<string, { where(column: string, value: unknown): unknown }>)[table] as unknown as {
    where(column: string, value: unknown): typeof query;
    one(): unknown;
  };
  for (const column of primaryKey) query = query.where(column, value[column]);
  const row = await tx.run(query.one() as Parameters<AnyServerTransaction['run']>[0]);
  return (row ?? undefined) as PolicyRow | undefined;
}

function guardedTable<C>(
  tx: AnyServerTransaction,
  schema: Schema,
  table: string,
  writer: TableWriter,
  allow: NonNullable<Policies<C>[string]['write']>,
  ctx: C,
): TableWriter {
  const guard =
    (operation: Operation) =>
    async (value: PolicyRow): Promise<void> => {
      const before = operation === 'insert' ? undefined : await rowBefore(tx, schema, table, value);
      // Rails' destroy of a row that is already gone writes nothing and succeeds; with nothing written there is nothing
      // to authorize (the Rails push endpoint does the same).
      if (operation === 'delete' && before === undefined) return;
      const after = operation === 'delete' ? undefined : operation === 'insert' || !before ? value : { ...before, ...value };
      if (!(await allow(ctx, { table, operation, before, after }))) {
        throw new ApplicationError(`Not allowed: ${operation} on ${table} was refused by its write policy.`, {
          details: { type: 'WriteDenied', table, operation },
        });
      }
      await writer[operation](value);
    };
  return { insert: guard('insert'), update: guard('update'), upsert: guard('upsert'), delete: guard('delete') };
}

/** `tx` with every `tx.mutate.<table>` that has a write policy checked against it. */
export function guardTransaction<C>(tx: AnyServerTransaction, schema: Schema, policies: Policies<C>, ctx: C): AnyServerTransaction {
  const mutate = tx.mutate as unknown as Record<string, TableWriter>;
  const guarded = new Map<string, TableWriter>();
  const guardedMutate = new Proxy(mutate, {
    get(target, table) {
      const writer = Reflect.get(target, table) as TableWriter | undefined;
      const allow = typeof table === 'string' ? policies[table]?.write : undefined;
      if (!writer || !allow || typeof table !== 'string') return writer;
      let wrapped = guarded.get(table);
      if (!wrapped) guarded.set(table, (wrapped = guardedTable(tx, schema, table, writer, allow, ctx)));
      return wrapped;
    },
  });
  // The transaction keeps private fields: its own methods must run with `this` = the real transaction.
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'mutate') return guardedMutate;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
