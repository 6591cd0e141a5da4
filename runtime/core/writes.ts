/**
 * Rails write semantics shared by both flavours: attribute checks, validations, primary keys, then one Zero write.
 */
import { UPDATE_TIMESTAMPS, isRequired, type ModelDefinition } from './config.ts';
import { NotNullViolationError, QueryError, RecordNotUniqueError, UnknownAttributeError, notAHashMessage } from './errors.ts';
import type { Scalar } from './conditions.ts';
import { castColumn, type ColumnValue } from './column-cast.ts';
import { assertValid } from './validations.ts';
import { loadRelation } from './reads.ts';
import { writeRow, type WriteOptions } from './zero-write.ts';
import { ownType } from './inheritance.ts';
import { Relation } from './relation.ts';
import type { RowData } from './zero-types.ts';

type Values = Record<string, ColumnValue>;

/** A fresh values object without a prototype, so a `__proto__` column is a plain key, not the object's prototype. */
const emptyValues = (): Values => Object.create(null) as Values;

/**
 * Checks attribute names (Rails' UnknownAttributeError) and casts values to the column types; a blank string in a
 * number column is NULL, as Rails casts it (what an emptied number input sends).
 */
export function columnValues(model: ModelDefinition, attributes: Readonly<Record<string, unknown>>, operation: string): Values {
  assertAttributes(model, attributes, operation);
  const values = emptyValues();
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    values[name] = castColumn(model, name, value, `${model.className}.${operation}`);
  }
  return values;
}

/** A hash of the model's columns (Rails' UnknownAttributeError otherwise, and Rails' ArgumentError for a non-hash). */
export function assertAttributes(model: ModelDefinition, attributes: unknown, operation: string): asserts attributes is Readonly<Record<string, unknown>> {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    throw new QueryError(notAHashMessage(attributes));
  }
  for (const name of Object.keys(attributes)) if (!model.columns.includes(name)) throw new UnknownAttributeError(model.className, name);
}

/**
 * The database's NOT NULL, before anything is written: a column the Zero schema does not mark optional, given NULL
 * (PostgreSQL would refuse the row when the server writes it, and a client without one would store it). The message
 * is PostgreSQL's, which Rails' ActiveRecord::NotNullViolation carries.
 */
function assertNotNull(model: ModelDefinition, values: Values, operation: 'insert' | 'update'): void {
  const column = Object.keys(values).find((name) => values[name] === null && isRequired(model, name));
  if (column !== undefined) throw new NotNullViolationError(model.className, operation, `null value in column "${column}" of relation "${model.table}" violates not-null constraint`);
}

/** The full row as it will be after the write: every column, missing ones null (what Zero stores). */
function fullRow(model: ModelDefinition, values: Values): Values {
  const row = emptyValues();
  for (const column of model.columns) row[column] = values[column] ?? null;
  return row;
}

/** A new record's values before any assignment: the model's column defaults, NULL elsewhere (Rails' `Model.new`). */
export function newRecordRow(model: ModelDefinition): Values {
  return fullRow(model, { ...model.defaults });
}

/**
 * One instant for `columns`, each in its column's shape (Zero numbers hold epoch milliseconds): Rails stamps
 * created_at and updated_at, or every column `touch` names, with the same time.
 */
export function stamps(model: ModelDefinition, columns: readonly string[]): Record<string, string | number> {
  const at = new Date();
  return Object.fromEntries(columns.map((column) => [column, model.columnTypes[column] === 'string' ? at.toISOString() : at.getTime()]));
}

async function existing(model: ModelDefinition, id: unknown): Promise<RowData | undefined> {
  // Offline, the duplicate-key check uses what this client has, so an offline create is queued instead of waiting.
  const rows = await loadRelation(new Relation(model).where({ [model.primaryKey]: id as Scalar }).limit(1), { offline: 'local' });
  return rows[0];
}

/** Rails' `create!`: validates, assigns a UUID key to string keys left blank, refuses a duplicate key. Returns the stored row. */
export async function createRow(
  model: ModelDefinition,
  attributes: Readonly<Record<string, unknown>>,
  options?: WriteOptions,
  { validate = true }: { readonly validate?: boolean } = {},
): Promise<Values> {
  const values: Values = { ...model.defaults, ...columnValues(model, attributes, 'create') };
  const at = stamps(model, model.timestampColumns);
  for (const column of model.timestampColumns) values[column] ??= at[column]!;
  const pk = model.primaryKey;
  if (values[pk] === undefined || values[pk] === null) {
    if (model.columnTypes[pk] !== 'string') {
      throw new QueryError(`${model.className}.create: '${pk}' is required (Zero clients choose keys; only string keys are generated)`);
    }
    values[pk] = crypto.randomUUID();
  }
  const row = fullRow(model, values);
  if (validate) assertValid(model.className, model.validations, row);
  assertNotNull(model, row, 'insert');
  if (await existing(model, row[pk])) {
    throw RecordNotUniqueError.keyTaken(model.className, pk, row[pk]);
  }
  await writeRow(model, 'insert', row, options, { counterCaches: true });
  return row;
}

/**
 * Rails' `update!` on a loaded row: validates the merged row and sets `updated_at`, writes only the given columns.
 * Returns the merged row. `validate: false` is Rails' `save(validate: false)`; with `touch: false` too, `update_columns`
 * (no `updated_at`, no counter caches).
 */
export async function updateRow(
  model: ModelDefinition,
  current: Readonly<Record<string, unknown>>,
  attributes: Readonly<Record<string, unknown>>,
  options?: WriteOptions,
  { validate = true, touch = true }: { readonly validate?: boolean; readonly touch?: boolean } = {},
): Promise<Values> {
  const values = columnValues(model, attributes, 'update');
  if (touch) {
    const stamped = model.timestampColumns.filter((column) => UPDATE_TIMESTAMPS.includes(column) && values[column] === undefined);
    Object.assign(values, stamps(model, stamped));
  }
  const pk = model.primaryKey;
  if (pk in values && values[pk] !== current[pk]) {
    throw new QueryError(`${model.className}.update: changing the primary key '${pk}' is not supported`);
  }
  const merged = { ...fullRow(model, current as Values), ...values };
  if (validate) assertValid(model.className, model.validations, merged);
  assertNotNull(model, values, 'update');
  await writeRow(model, 'update', { ...values, [pk]: current[pk] as Scalar }, options, { counterCaches: touch });
  return merged;
}

/** Deletes the row with `id`: Rails' destroy, which keeps the counter caches, or with `counterCaches: false` its `delete`. */
export async function destroyRow(model: ModelDefinition, id: unknown, options?: WriteOptions, { counterCaches = true }: { readonly counterCaches?: boolean } = {}): Promise<void> {
  await writeRow(model, 'delete', { [model.primaryKey]: id as Scalar }, options, { counterCaches });
}

/** Rails' `upsert`: inserts or replaces by primary key, skipping validations (as Rails does). */
export async function upsertRow(model: ModelDefinition, attributes: Readonly<Record<string, unknown>>, options?: WriteOptions): Promise<Values> {
  // Rails 7.1+: an STI subclass's upsert writes its type unless the attributes give one (6.1 wrote none).
  const values = columnValues(model, { ...ownType(model), ...attributes }, 'upsert');
  if (values[model.primaryKey] === undefined || values[model.primaryKey] === null) {
    throw new QueryError(`${model.className}.upsert: '${model.primaryKey}' is required`);
  }
  await writeRow(model, 'upsert', values, options);
  return values;
}
