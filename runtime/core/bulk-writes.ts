/**
 * Rails' writes on a whole relation, shared by both flavours: `update_all`, `delete_all`, the loading half of
 * `destroy_all`, and `find_in_batches` / `find_each` / `in_batches`' batches.
 *
 * Zero has no UPDATE ... WHERE: the relation's rows are loaded (Zero's authoritative answer when there is a server),
 * then written one Zero mutation per row. So unlike Rails' single statement, a bulk write is not atomic: a write Zero
 * rejects halfway leaves the rows before it written (the error says which operation failed).
 */
import { QueryError, ZeroRecordError, describeValue } from './errors.ts';
import { collectionOf, type Collection } from './association-reader.ts';
import { collectionCounterCaches } from './counter-caches.ts';
import { capLimit } from './finders.ts';
import { assertColumn, type Scalar } from './conditions.ts';
import { columnValues, stamps } from './writes.ts';
import { isRequired } from './config.ts';
import { loadRelation } from './reads.ts';
import { touchedTimestamps } from './touches.ts';
import { writeRow, type WriteOptions } from './zero-write.ts';
import type { Relation } from './relation.ts';
import type { RowData } from './zero-types.ts';

/** The attributes of `update_all`, checked and cast to the column types as every write's are (no validations, as Rails). */
function updateValues(relation: Relation, attributes: Readonly<Record<string, unknown>>): Readonly<Record<string, Scalar | null>> {
  const { model } = relation;
  const values = columnValues(model, attributes, 'update_all');
  const columns = Object.keys(values);
  if (columns.length === 0) throw new QueryError('Empty list of attributes to change');
  if (columns.includes(model.primaryKey)) throw new QueryError(`${model.className}.update_all: changing the primary key '${model.primaryKey}' is not supported`);
  return values;
}

/** What a bulk write counts: the counter caches of these relationships (a has_many's removal: `collectionCounterCaches`). */
interface Counted {
  readonly counterCaches?: readonly string[];
}

/**
 * `write` for each row: all at once, or one after another where they count. Zero's CRUD path reads each parent's count
 * on this client and writes it after the row, so two rows of one parent written side by side would write the same count.
 */
async function writeEach(rows: readonly RowData[], { counterCaches = [] }: Counted, write: (row: RowData) => Promise<void>): Promise<void> {
  if (counterCaches.length === 0) await Promise.all(rows.map(write));
  else for (const row of rows) await write(row);
}

/**
 * Rails' `update_all(attributes)`: sets the columns on every row of the relation, without validations or timestamps,
 * and returns how many rows it wrote. Each row is written whole (its columns as read, with the changes): Zero's `update`
 * mutator validates, and Rails' update_all does not.
 */
export async function updateAll(relation: Relation, attributes: Readonly<Record<string, unknown>>, options?: WriteOptions, counted: Counted = {}): Promise<number> {
  const { model } = relation;
  const values = updateValues(relation, attributes);
  const rows = await loadRelation(relation);
  await writeEach(rows, counted, (row) => {
    const next: Record<string, Scalar | null> = Object.create(null) as Record<string, Scalar | null>;
    for (const column of model.columns) next[column] = column in values ? values[column]! : (row[column] as Scalar | null);
    return writeRow(model, 'upsert', next, options, counted);
  });
  return rows.length;
}

/**
 * Rails' `touch_all(*names)`: `updated_at` (where the table has it, whatever `timestamps:` says, as `touch`) and `names` set to one instant on every row, without
 * validations; returns how many rows it wrote.
 */
export async function touchAll(relation: Relation, names: readonly string[], options?: WriteOptions): Promise<number> {
  const { model } = relation;
  for (const name of names) assertColumn(model, name, `${model.className}.touch_all`);
  return updateAll(relation, stamps(model, [...touchedTimestamps(model), ...names]), options);
}

/** Rails' `delete_all`: deletes every row of the relation (no callbacks) and returns how many. */
export async function deleteAll(relation: Relation, options?: WriteOptions, counted: Counted = {}): Promise<number> {
  const { model } = relation;
  const rows = await loadRelation(relation);
  await writeEach(rows, counted, (row) => writeRow(model, 'delete', { [model.primaryKey]: row[model.primaryKey] as Scalar }, options, counted));
  return rows.length;
}

/**
 * `relation.delete_all()` as Rails answers it: a has_many as its reader returns it (`client.jobs.delete_all`) follows
 * Rails' CollectionProxy: its rows are deleted when the association is `dependent: :destroy` or `:delete_all`, else
 * their foreign key is set to NULL (Rails' nullify, the default) and they stay; either way the owner's count of them
 * goes down by as many (`collectionCounterCaches`). Any other relation's rows are deleted, counting nothing. `method`
 * names the write in a refusal (`clear` is the collection's `delete_all`).
 */
export async function deleteAllOf(relation: Relation, options?: WriteOptions, method = 'delete_all'): Promise<number> {
  const collection = collectionOf(relation);
  if (!collection) return deleteAll(relation, options);
  return removeFromCollection(relation, collection, options, method);
}

/**
 * Takes the rows of `members` (rows of `collection`) out of it without their callbacks, as Rails' `delete_all` does and
 * its `delete` where `dependent:` is not `:destroy`: deleted under `dependent: :delete_all` (and `:destroy`, which
 * `delete_all` deletes under), else their key set to NULL (a required key refused first). The owner's count of them goes
 * down by as many; the rows' other counter caches stay, as Rails' single statement leaves them. `method` names the
 * operation in the refusal.
 */
export async function removeFromCollection(members: Relation, collection: Collection, options: WriteOptions | undefined, method: string): Promise<number> {
  const counted = { counterCaches: collectionCounterCaches(members.model, collection) };
  if (collection.dependent === 'destroy' || collection.dependent === 'delete_all') return deleteAll(members, options, counted);
  await assertNullable(members, collection.foreignKey, `${collection.owner}#${collection.name}.${method}`);
  return updateAll(members, Object.fromEntries(collection.foreignKey.map((column) => [column, null])), options, counted);
}

/** Whether the relation has any row. */
export async function hasRows(relation: Relation): Promise<boolean> {
  return (await loadRelation(capLimit(relation, 1))).length > 0;
}

/**
 * Refuses, before anything is written, to set `columns` of the relation's rows to NULL where the schema requires them
 * (Rails gets the database's NotNullViolation there). `context` names the operation in the message.
 */
export async function assertNullable(relation: Relation, columns: readonly string[], context: string): Promise<void> {
  const required = columns.filter((column) => isRequired(relation.model, column));
  if (required.length > 0 && (await hasRows(relation))) {
    throw new ZeroRecordError(`${context} cannot set ${relation.model.className}.${required.join(', ')} to NULL: the column is required (Rails: NotNullViolation); nothing was written`);
  }
}

/** Options of `find_each` / `find_in_batches` (Rails' names). */
export interface BatchOptions {
  /** Rows per batch; default 1000 (Rails' default, and the named queries' default limit cap). */
  readonly batch_size?: number;
  /** The first primary key to include. */
  readonly start?: Scalar;
  /** The last primary key to include. */
  readonly finish?: Scalar;
  /** Primary key order of the walk; default `'asc'`. */
  readonly order?: 'asc' | 'desc';
}

/**
 * Rails' `find_in_batches`: the relation's rows in batches ordered by primary key, each batch asked for after the last
 * key of the one before, so rows written meanwhile are neither skipped nor repeated. The relation's own order is
 * replaced (Rails ignores it too); its limit is honoured; an offset is refused (it would apply to every batch).
 */
export async function* batches(relation: Relation, options: BatchOptions = {}, method = 'find_in_batches'): AsyncGenerator<readonly RowData[]> {
  const { model } = relation;
  const context = `${model.className}.${method}`;
  const { batch_size: size = 1000, start, finish, order = 'asc' } = options;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    throw new QueryError(`${context}: ${method === 'in_batches' ? 'of' : 'batch_size'} must be a positive integer, got ${describeValue(size)}`);
  }
  if (order !== 'asc' && order !== 'desc') throw new QueryError(`${context}: order must be 'asc' or 'desc', got ${describeValue(order)}`);
  if (relation.state.offset !== undefined) throw new QueryError(`${context}: a relation with an offset cannot be walked in batches; drop the offset or narrow it with where`);
  const pk = model.primaryKey;
  const [low, high] = order === 'asc' ? (['gte', 'lte'] as const) : (['lte', 'gte'] as const);
  let remaining = relation.state.limit;
  let walk = relation.unscope('order', 'limit').order({ [pk]: order });
  if (start !== undefined) walk = walk.where({ [pk]: { [low]: start } });
  if (finish !== undefined) walk = walk.where({ [pk]: { [high]: finish } });
  let after: Scalar | undefined;
  while (remaining === undefined || remaining > 0) {
    const take = remaining === undefined ? size : Math.min(size, remaining);
    const next = after === undefined ? walk : walk.where({ [pk]: { [order === 'asc' ? 'gt' : 'lt']: after } });
    const rows = await loadRelation(next.limit(take));
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < take) return;
    if (remaining !== undefined) remaining -= rows.length;
    after = rows[rows.length - 1]![pk] as Scalar;
  }
}

/** Options of `in_batches` (Rails' names: `of` rows per batch, default 1000; `start`, `finish`, `order` as above). */
export interface InBatchesOptions extends Omit<BatchOptions, 'batch_size'> {
  readonly of?: number;
}

/** What a batch relation must answer for `in_batches`' bulk forms: the relation methods of either flavour. */
interface BatchRelation {
  update_all(attributes: Readonly<Record<string, unknown>>, options?: WriteOptions): Promise<number>;
  delete_all(options?: WriteOptions): Promise<number>;
  destroy_all(options?: WriteOptions): Promise<unknown>;
}

/**
 * Rails' `in_batches` (its BatchEnumerator): `each` calls back with one relation per batch, `where(id: the batch's
 * keys)` on the relation the walk started from, so each batch's `update_all`, `delete_all`, `count`... act on those rows
 * only. Not an async iterator: an ActiveRecord relation is thenable, and `for await` would load it instead. Its own
 * `update_all` / `delete_all` answer the total count and `destroy_all` nothing, as Rails' do; `each_record` walks the
 * records (made by the flavour from each batch's rows).
 * @example await ActiveJob.where({ status: 'done' }).in_batches({ of: 500 }).each((batch) => batch.update_all({ archived: true }));
 */
export class BatchEnumerator<R extends Relation & BatchRelation, Item> {
  readonly #relation: R;
  readonly #options: BatchOptions;
  readonly #records: (rows: readonly RowData[]) => readonly Item[];

  constructor(relation: R, options: InBatchesOptions, records: (rows: readonly RowData[]) => readonly Item[]) {
    const { of, ...rest } = options;
    this.#relation = relation;
    this.#options = of === undefined ? rest : { ...rest, batch_size: of };
    this.#records = records;
  }

  /** Rails' `in_batches { |relation| ... }`: `callback` with each batch's relation, one after the other. */
  async each(callback: (batch: R) => unknown): Promise<void> {
    const pk = this.#relation.model.primaryKey;
    for await (const rows of batches(this.#relation, this.#options, 'in_batches')) {
      await callback(this.#relation.where({ [pk]: rows.map((row) => row[pk] as Scalar) }));
    }
  }

  /** Rails' `in_batches.update_all`: each batch's `update_all`; the total count. */
  async update_all(attributes: Readonly<Record<string, unknown>>, options?: WriteOptions): Promise<number> {
    let total = 0;
    await this.each(async (batch) => (total += await batch.update_all(attributes, options)));
    return total;
  }

  /** Rails' `in_batches.delete_all`: each batch's `delete_all`; the total count. */
  async delete_all(options?: WriteOptions): Promise<number> {
    let total = 0;
    await this.each(async (batch) => (total += await batch.delete_all(options)));
    return total;
  }

  /** Rails' `in_batches.destroy_all`: each batch's records destroyed through their own `destroy`. */
  async destroy_all(options?: WriteOptions): Promise<void> {
    await this.each((batch) => batch.destroy_all(options));
  }

  /** Rails' `in_batches.each_record`: every record, one batch loaded at a time. */
  async *each_record(): AsyncGenerator<Item> {
    for await (const rows of batches(this.#relation, this.#options, 'in_batches')) yield* this.#records(rows);
  }
}
