/**
 * A server transaction whose table writes pass the write policy first. Mutators keep calling
 * `tx.mutate.<table>.insert(...)`; a refused change throws an `ApplicationError`, which rolls back
 * the mutator's transaction and fails that one mutation. Raw SQL through `tx.dbTransaction` is not
 * seen by the policy: a mutator that writes that way must check for itself. The transaction also
 * hands the mutators the endpoint's schema (`SERVER_SCHEMA`): the runtime's generic mutators take
 * the PostgreSQL names of the rows their counter caches lock from it, not from the client.
 */
import { ApplicationError, createBuilder, type Schema } from '@rocicorp/zero';
import type { ServerTransaction } from '@rocicorp/zero/server';
import { ConfigError } from '../core/errors.ts';
import { SERVER_SCHEMA } from '../core/counter-caches.ts';
import { relationshipHops, type Hop } from '../core/relationships.ts';
import type { Policies, PolicyReads, PolicyRow, WriteChange } from './policies.ts';

type Operation = WriteChange['operation'];
type TableWriter = Record<Operation, (value: PolicyRow) => Promise<void>>;
type AnyServerTransaction = ServerTransaction<Schema, unknown>;

/** The rows of `table` whose `columns` equal `values`, read in the mutator's transaction. */
async function rowsWhere(tx: AnyServerTransaction, schema: Schema, table: string, columns: readonly string[], values: readonly unknown[]): Promise<PolicyRow[]> {
  // Dynamic table and column names: the builder's static types cannot follow them.
  type Where = { where(column: string, value: unknown): Where };
  let query = (createBuilder(schema) as unknown as Record<string, Where>)[table] as Where;
  columns.forEach((column, i) => (query = query.where(column, values[i])));
  return (await tx.run(query as unknown as Parameters<AnyServerTransaction['run']>[0])) as PolicyRow[];
}

const isKey = (value: unknown): boolean => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

async function rowBefore(tx: AnyServerTransaction, schema: Schema, table: string, value: PolicyRow): Promise<PolicyRow | undefined> {
  const primaryKey = schema.tables[table]?.primaryKey ?? [];
  const [row] = await rowsWhere(tx, schema, table, primaryKey, primaryKey.map((column) => value[column]));
  return row;
}

/**
 * The reads a write policy may make in the mutator's transaction, for the rows of `table`: the rows a row is associated
 * with through a relationship of the Zero schema (one hop, or two through a junction table), from its values, so an
 * insert's parent is found before the row exists. A NULL key is associated with nothing, as Rails answers nil.
 */
export function policyReads(tx: AnyServerTransaction, schema: Schema, table: string): PolicyReads {
  const follow = async (row: PolicyRow, name: string, cardinality: Hop['cardinality']): Promise<PolicyRow[]> => {
    const hops = relationshipHops(schema, table, name);
    if (hops.length === 0) throw new ConfigError('zero-record/server write policy', [`'${name}' is not a relationship of ${table} in the Zero schema`]);
    const single = hops.length === 1 && hops[0]!.cardinality === 'one';
    if (single !== (cardinality === 'one')) {
      throw new ConfigError('zero-record/server write policy', [`${table}.${name} is ${single ? 'one row: read it with one()' : 'many rows: read them with many()'}`]);
    }
    let rows: readonly PolicyRow[] = [row];
    for (const hop of hops) {
      const next: PolicyRow[] = [];
      for (const source of rows) {
        const values = hop.sourceField.map((column) => source[column]);
        // A key is a scalar: anything else (a client's array or object, in a mutator that writes what it was sent) is
        // associated with nothing, so a policy reading it refuses, where Zero's where would throw on it.
        if (values.every(isKey)) next.push(...(await rowsWhere(tx, schema, hop.destSchema, hop.destField, values)));
      }
      rows = next;
    }
    return [...rows];
  };
  return {
    one: async (row, name) => (await follow(row, name, 'one'))[0],
    many: (row, name) => follow(row, name, 'many'),
  };
}

function guardedTable<C>(
  tx: AnyServerTransaction,
  schema: Schema,
  table: string,
  writer: TableWriter,
  allow: NonNullable<Policies<C>[string]['write']>,
  ctx: C,
): TableWriter {
  const reads = policyReads(tx, schema, table);
  const guard =
    (operation: Operation) =>
    async (value: PolicyRow): Promise<void> => {
      const before = operation === 'insert' ? undefined : await rowBefore(tx, schema, table, value);
      // Rails' destroy of a row that is already gone writes nothing and succeeds; with nothing written there is nothing
      // to authorize (the Rails push endpoint does the same).
      if (operation === 'delete' && before === undefined) return;
      const after = operation === 'delete' ? undefined : operation === 'insert' || !before ? value : { ...before, ...value };
      if (!(await allow(ctx, { table, operation, before, after }, reads))) {
        throw new ApplicationError(`Not allowed: ${operation} on ${table} was refused by its write policy.`, {
          details: { type: 'WriteDenied', table, operation },
        });
      }
      await writer[operation](value);
    };
  return { insert: guard('insert'), update: guard('update'), upsert: guard('upsert'), delete: guard('delete') };
}

/** `tx` with every `tx.mutate.<table>` that has a write policy checked against it, and `schema` as its `SERVER_SCHEMA`. */
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
      if (property === SERVER_SCHEMA) return schema;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
