/**
 * Rails' belongs_to `counter_cache:`: creating a record adds one to its parent's count column, destroying it takes one
 * off, and saving it under another parent moves one from the parent it left to the new one. `delete`, `delete_all`,
 * `update_columns`, `update_all` and `upsert` leave counts alone, as Rails' do; so do a NULL key and a parent that is
 * not there. The count is written without validations or `updated_at`, as Rails' `update_counters`.
 *
 * The count is not a value the client computes: the record's own mutation reads the parent row in its transaction and
 * writes the count plus or minus one, so the server's run counts from the database's value (core/zero-write.ts says how
 * each write path runs it).
 */
import { createBuilder } from '@rocicorp/zero';
import type { ModelDefinition } from './config.ts';
import type { AnySchema, ColumnType } from './zero-types.ts';
import { ConfigError, MissingAttributeError } from './errors.ts';
import { associationHops } from './relationships.ts';
import { Relation } from './relation.ts';
import type { Collection } from './association-reader.ts';

type Row = Readonly<Record<string, unknown>>;
type Key = string | number | boolean;

/**
 * A table as a mutator that knows no schema reads it (the generic mutators take it as an argument, so it is JSON): its
 * name, primary key and the types of the columns read. Zero's query builder needs no more of a table.
 */
export type TableShape = {
  readonly name: string;
  readonly primaryKey: string;
  readonly columns: Readonly<Record<string, ColumnType>>;
};

/** One counter cache as a mutator applies it: the counted table's key columns, and the parent's table, key and count column. */
export type CounterCache = {
  /** The belongs_to relationship counted through. */
  readonly relationship: string;
  readonly foreignKey: readonly string[];
  readonly parent: TableShape;
  /** The parent's columns `foreignKey` points at (Rails' `primary_key:`, the parent's key by default). */
  readonly parentKey: readonly string[];
  readonly column: string;
};

/** One count to move: the parent row `key` names (by `cache.parentKey`), by one up or down. */
export interface CounterChange {
  readonly cache: CounterCache;
  readonly key: readonly Key[];
  readonly by: 1 | -1;
}

/** Where the counts are read and written: a mutator's transaction (`mutatorTransaction`), or this client's Zero. */
export interface CountingTransaction {
  /**
   * Locks `row` of `table` until the transaction ends, where other transactions write at the same time (the push
   * endpoint's PostgreSQL); absent on a client, whose store runs one transaction at a time.
   */
  readonly lock?: (table: TableShape, row: Row) => Promise<void>;
  /** The row of `table` whose `columns` hold `key`, as the transaction sees it now. */
  row(table: TableShape, columns: readonly string[], key: readonly unknown[]): Promise<Row | undefined>;
  /** Writes `values` (the primary key and the columns to set) to a row of `table`. */
  update(table: TableShape, values: Row): Promise<void>;
}

/**
 * The key under which zero-record/server's push endpoint hands its mutators' transactions the Zero schema it serves
 * (server/guarded-transaction.ts): the server's own, for what only the server may name, as the row lock's tables.
 */
export const SERVER_SCHEMA: unique symbol = Symbol.for('zero-record.server-schema');

/** What a Zero mutator's transaction has that the counting uses (on the client or the server). */
export interface MutatorTransaction {
  readonly location: 'client' | 'server';
  readonly mutate: Readonly<Record<string, { update(values: Row): Promise<void> }>>;
  run(query: unknown): Promise<unknown>;
  /** The server's PostgreSQL transaction (Zero's ServerTransaction). */
  readonly dbTransaction?: { query(sql: string, params: unknown[]): Promise<unknown> };
  /** The push endpoint's schema, where zero-record/server runs the mutator. */
  readonly [SERVER_SCHEMA]?: AnySchema;
}

/** A PostgreSQL identifier, quoted whole, as Zero's server quotes a table's server name. */
const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * `SELECT ... FOR UPDATE` of `row` of table `name`, in the names `schema` gives the table and its primary key in
 * PostgreSQL (a Zero schema's `.from(...)`), with the key's values `row` holds. Without the server's schema there is
 * no name to trust: refused (the server's transaction rolls back, so nothing the mutator wrote stays).
 */
function rowLock(schema: AnySchema | undefined, name: string, row: Row): { readonly sql: string; readonly params: unknown[] } {
  if (!schema) {
    throw new ConfigError('zero-record counter caches on the server', [
      "the parent row is locked in PostgreSQL's names for it, which only the server's Zero schema gives (never the client's description)",
      "run recordMutators in zero-record/server's createServer, which hands its mutators the schema, or write through a model's own mutators (defineModelMutators)",
    ]);
  }
  const table = Object.hasOwn(schema.tables, name) ? schema.tables[name] : undefined;
  if (!table) throw new ConfigError('zero-record counter caches on the server', [`the row lock's table '${name}' is not a table of the server's Zero schema`]);
  const where = table.primaryKey.map((column, i) => `${quoted(table.columns[column]?.serverName ?? column)} = $${i + 1}`);
  return { sql: `SELECT 1 FROM ${quoted(table.serverName ?? name)} WHERE ${where.join(' AND ')} FOR UPDATE`, params: table.primaryKey.map((column) => row[column]) };
}

/** The shape of `model`'s table with the types of `columns`. */
export function tableShape(model: ModelDefinition, columns: readonly string[]): TableShape {
  const named = [model.primaryKey, ...columns];
  return { name: model.table, primaryKey: model.primaryKey, columns: Object.fromEntries(named.map((column) => [column, model.columnTypes[column]!])) };
}

/**
 * The counting over a Zero mutator's transaction: rows read with ZQL built from their table's shape, written with
 * `tx.mutate`. On the server, `schema` names the locked rows' tables in PostgreSQL: the server's own (a model's, or
 * the push endpoint's), never a client's description, which would let a client lock any row of any table.
 */
export function mutatorTransaction(tx: MutatorTransaction, schema: AnySchema | undefined): CountingTransaction {
  // Dynamic table and column names: the builder's static types cannot follow them.
  type Where = { where(column: string, value: unknown): Where; one(): unknown };
  const db = tx.location === 'server' ? tx.dbTransaction : undefined;
  return {
    // Zero's own writes cannot take the lock (its update of a key alone writes nothing), so it is PostgreSQL's.
    ...(db && {
      lock: async (table: TableShape, row: Row) => {
        const { sql, params } = rowLock(schema, table.name, row);
        await db.query(sql, params);
      },
    }),
    async row(table, columns, key) {
      const shaped = { tables: { [table.name]: { name: table.name, primaryKey: [table.primaryKey], columns: Object.fromEntries(Object.entries(table.columns).map(([name, type]) => [name, { type }])) } }, relationships: {} };
      let query = (createBuilder(shaped as never) as unknown as Record<string, Where>)[table.name]!;
      columns.forEach((column, i) => (query = query.where(column, key[i])));
      return (await tx.run(query.one())) as Row | undefined;
    },
    update: (table, values) => tx.mutate[table.name]!.update(values),
  };
}

/**
 * The model's counter caches (`only` those of the relationships named), resolved against their parents. A count column
 * the parent does not have is Rails' unknown attribute; one that holds no numbers is a ConfigError. Both are raised
 * before anything is written.
 */
export function counterCachesOf(model: ModelDefinition, only?: readonly string[]): CounterCache[] {
  const named = Object.entries(model.counterCaches).filter(([name]) => !only || only.includes(name));
  return named.map(([name, column]) => {
    const parent = new Relation(model).associatedModel(name);
    if (!parent.columns.includes(column)) throw new MissingAttributeError(column);
    if (parent.columnTypes[column] !== 'number') {
      throw new ConfigError(`${model.className} counterCaches`, [`'${name}' counts in ${parent.table}.${column}, a ${parent.columnTypes[column]} column: a count needs a number column`]);
    }
    // The config allows counter caches on belongs_to relationships alone: one hop.
    const { sourceField, destField } = associationHops(model, name)[0]!;
    return { relationship: name, foreignKey: sourceField, parent: tableShape(parent, [...destField, column]), parentKey: destField, column };
  });
}

/**
 * The counter caches Rails' has_many keeps itself as records leave it without their own callbacks (`delete` nullifying
 * or deleting them, `delete_all`, `clear`): the records' belongs_to back to the owner through the collection's key,
 * where it counts in the owner's `<has_many>_count`, the column Rails 6.1's `has_cached_counter?` knows the has_many's
 * count by. A count under another name is left, as Rails leaves it; the records' other counter caches too.
 */
export function collectionCounterCaches(model: ModelDefinition, collection: Collection): string[] {
  return Object.entries(model.counterCaches)
    .filter(([name, column]) => {
      if (column !== `${collection.name}_count`) return false;
      const { sourceField, destSchema } = associationHops(model, name)[0]!;
      return destSchema === collection.ownerTable && sourceField.length === collection.foreignKey.length && sourceField.every((key, i) => key === collection.foreignKey[i]);
    })
    .map(([name]) => name);
}

/** The key `columns` hold in `row`; undefined when the row is none or one of them is NULL (Rails: no parent, no count). */
function keyOf(row: Row | undefined, columns: readonly string[]): Key[] | undefined {
  const key = columns.map((column) => row?.[column]);
  return key.every((value): value is Key => value !== null && value !== undefined) ? key : undefined;
}

/**
 * The counts a write moves: `before` is the stored row (none for a create), `after` the row as written (none for a
 * destroy). A key that changed takes one off the parent it left and adds one to the new; an unchanged one moves none.
 */
export function counterChanges(caches: readonly CounterCache[], before: Row | undefined, after: Row | undefined): CounterChange[] {
  const changes: CounterChange[] = [];
  for (const cache of caches) {
    const left = keyOf(before, cache.foreignKey);
    const joined = keyOf(after, cache.foreignKey);
    if (left && joined && left.every((value, i) => Object.is(value, joined[i]))) continue;
    if (left) changes.push({ cache, key: left, by: -1 });
    if (joined) changes.push({ cache, key: joined, by: 1 });
  }
  return changes;
}

/**
 * Moves the counts in the mutator's transaction: each parent row read there and its count written plus or minus one
 * (NULL counting as 0, as Rails' COALESCE). On the server the parent row is locked first (SELECT ... FOR UPDATE, which
 * waits for any other transaction writing the row and holds it until this one commits), then read again: without it
 * PostgreSQL's read committed lets two transactions read the same count and both write it plus one. Rows are locked in
 * one order (table, then key), so two writes moving counts between the same parents do not deadlock.
 */
export async function applyCounterChanges(tx: CountingTransaction, changes: readonly CounterChange[]): Promise<void> {
  const ordered = [...changes].sort((a, b) => compare(a.cache.parent.name, b.cache.parent.name) || compare(JSON.stringify(a.key), JSON.stringify(b.key)));
  for (const change of ordered) {
    const { parent: table, parentKey, column } = change.cache;
    const pk = table.primaryKey;
    let parent = await tx.row(table, parentKey, change.key);
    if (parent && tx.lock) {
      await tx.lock(table, parent);
      parent = await tx.row(table, parentKey, change.key);
    }
    if (!parent) continue; // a dangling key: Rails' UPDATE ... WHERE matches no row
    const count = parent[column];
    await tx.update(table, { [pk]: parent[pk], [column]: (typeof count === 'number' ? count : 0) + change.by });
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
