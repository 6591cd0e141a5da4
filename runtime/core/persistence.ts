/**
 * Rails' record API, persistence and dirty tracking, written once for both flavours over their `RecordStore`:
 * `save` / `save_bang`, `update` / `update_bang`, `destroy` / `destroy_bang`, `valid_p`, `errors`, `changes`, ...
 * Each flavour puts `recordMethods(store)` on its records' prototype.
 *
 * Rails' split is kept: the plain forms answer a failed validation with `false` and the messages in `errors`; the
 * `_bang` forms raise `RecordInvalidError`. Any other failure (a duplicate key, a write Zero refuses) raises in both, as
 * Rails raises every exception that is not `RecordInvalid`. A server's validation failure (`{ wait: 'server' }`) is a
 * failed validation like the client's.
 */
import { ZeroRecordError, MissingAttributeError, QueryError, RecordInvalidError, RecordNotDestroyedError, RecordNotSavedError } from './errors.ts';
import { assertAttributes, columnValues, createRow, destroyRow, stamps, updateRow } from './writes.ts';
import { destroyDependents, type Refusal } from './dependents.ts';
import { assertTouchable, touchedTimestamps, touchParents } from './touches.ts';
import { assignableValue, assignedValue, tryCast, validatesNumber, validatesUncast } from './column-cast.ts';
import type { WriteOptions } from './zero-write.ts';
import { validate } from './validations.ts';
import { findPlan } from './finders.ts';
import { loadRelation } from './reads.ts';
import { Relation } from './relation.ts';
import { changedColumns, changesBetween, changesOf, columnChanged, columnObject, currentAttributes, sameValue, valueNow, type Changes, type RecordStore } from './record-state.ts';
import type { RowData } from './zero-types.ts';
import type { ModelDefinition } from './config.ts';
import type { Errors } from './record-errors.ts';
import { enumRecordMethods } from './enums.ts';

type Column<Row> = keyof Row & string;
type NumberColumn<Row> = { [K in keyof Row]-?: NonNullable<Row[K]> extends number ? K : never }[keyof Row] & string;
/** Rails' `save(validate: false)`: `{ validate: false }` skips the validations (the record's, on the client). */
export interface SaveOptions extends WriteOptions {
  readonly validate?: boolean;
}

/** Rails' `changes` of a row type: column -> [value in the database, value now]. */
export type RowChanges<Row> = { [K in keyof Row]?: [Row[K], Row[K]] };

/**
 * Rails' persistence and dirty-tracking methods, the same on the records of both flavours (`!` spelled `_bang`, `?`
 * spelled `_p`: docs/names.md).
 */
export interface PersistenceMethods<Row> {
  /** Rails' `errors`: the messages of the last validation (`valid_p`, `save`, `update`, `create`); reactive in Svelte. */
  readonly errors: Errors;
  /** Rails' `save`: inserts a new record or writes the changed columns; `false` (and `errors`) when a validation fails. */
  save(options?: SaveOptions): Promise<boolean>;
  /** Rails' `save!`: as `save`, but a failed validation raises `RecordInvalidError`. */
  save_bang(options?: SaveOptions): Promise<true>;
  /** Rails' `update(attributes)`: `assign_attributes`, then `save`; `false` (and `errors`) when invalid. */
  update(attributes: Partial<Row>, options?: WriteOptions): Promise<boolean>;
  /** Rails' `update!`: raises `RecordInvalidError` when invalid. */
  update_bang(attributes: Partial<Row>, options?: WriteOptions): Promise<true>;
  /**
   * Rails' `destroy`: applies the `dependent:` associations, then deletes the row (a new record writes nothing);
   * `destroyed_p()` afterwards. False, with the reason in `errors`, when a `restrict_with_error` association has rows.
   */
  destroy(options?: WriteOptions): Promise<this | false>;
  /** Rails' `destroy!`: raises `RecordNotDestroyedError` where `destroy` answers false. */
  destroy_bang(options?: WriteOptions): Promise<this>;
  /** Rails' `reload`: the columns as the database holds them now; no changes left. */
  reload(): Promise<this>;
  /** Rails' `valid?`: runs the validations and fills `errors`. */
  valid_p(): boolean;
  /** Rails' `invalid?`. */
  invalid_p(): boolean;
  /** Rails' `persisted?`: saved, not destroyed. */
  persisted_p(): boolean;
  /** Rails' `new_record?`: not saved yet. */
  new_record_p(): boolean;
  /** Rails' `destroyed?`. */
  destroyed_p(): boolean;
  /** Rails' `previously_new_record?`: the last save created the row (a later save, a reload or a destroy answers false again, as Rails 7+). */
  previously_new_record_p(): boolean;
  /** Rails 7's `previously_persisted?`: destroyed after being saved. */
  previously_persisted_p(): boolean;
  /** Rails' `has_attribute?`: a column of the model. */
  has_attribute_p(name: string): boolean;
  /** Rails' `attribute_present?`: the column's value now is neither NULL nor empty (`''`, `[]`, `{}`). */
  attribute_present_p(name: string): boolean;
  /** Rails' `attribute_names`: every column's name, in column order. */
  attribute_names(): Column<Row>[];
  /** Rails' `attributes`: every column's value now (unsaved assignments included), as a plain object. */
  attributes(): Row;
  /** Rails' `assign_attributes`: assigns (cast to the column types) without saving; unknown attributes raise `QueryError`. */
  assign_attributes(attributes: Partial<Row>): void;
  /** Rails' `increment(attribute, by = 1)` (NULL counts as 0), not saved. */
  increment(attribute: NumberColumn<Row>, by?: number): this;
  /** Rails' `decrement(attribute, by = 1)`, not saved. */
  decrement(attribute: NumberColumn<Row>, by?: number): this;
  /** Rails' `increment!`: writes that column alone, without validations or `updated_at`. */
  increment_bang(attribute: NumberColumn<Row>, by?: number, options?: WriteOptions): Promise<this>;
  /** Rails' `decrement!`. */
  decrement_bang(attribute: NumberColumn<Row>, by?: number, options?: WriteOptions): Promise<this>;
  /** Rails' `read_attribute`: a column's value now (cast as assigned), null for a name that is no column; the only way to read a column named like a member (`constructor`). */
  read_attribute<K extends Column<Row>>(name: K): Row[K];
  /** Rails' `write_attribute`: assigns as a setter does (cast, not saved); a name that is no column raises `MissingAttributeError`. Returns the value. */
  write_attribute<K extends Column<Row>>(name: K, value: Row[K]): Row[K];
  /** Rails' `update_attribute(name, value)`: assigns, then saves every change without validations; `true`. */
  update_attribute<K extends Column<Row>>(name: K, value: Row[K], options?: WriteOptions): Promise<true>;
  /** Rails' `delete`: deletes the row now, without `dependent:`, `touch:`, `counter_cache:` or validations (a new record writes nothing); the record, destroyed and frozen as `destroy` leaves it. */
  delete(options?: WriteOptions): Promise<this>;
  /** Rails' `to_key`: `[key]`, or null while the record has no key. */
  to_key(): [Row[Column<Row>]] | null;
  /** Rails' `to_param`: the key as a string (saved or not, as ActiveRecord's), or null while there is none. */
  to_param(): string | null;
  /** Rails' `toggle(attribute)`, not saved. */
  toggle(attribute: Column<Row>): this;
  /** Rails' `toggle!`: toggles and saves without validations. */
  toggle_bang(attribute: Column<Row>, options?: WriteOptions): Promise<true>;
  /** Rails' `update_columns(attributes)`: writes them at once, without validations or `updated_at`; they are saved, not changes. */
  update_columns(attributes: Partial<Row>, options?: WriteOptions): Promise<true>;
  /** Rails' `update_column(name, value)`: `update_columns({ [name]: value })`. */
  update_column<K extends Column<Row>>(name: K, value: Row[K], options?: WriteOptions): Promise<true>;
  /** Rails' `touch(*names)`: writes `updated_at` (and `names`) as now, without validations; raises on a new or destroyed record. */
  touch(...names: Column<Row>[]): Promise<true>;
  /** Rails' `changed?`. */
  changed_p(): boolean;
  /** Rails' `changed`: the names of the changed columns, in column order. */
  changed(): Column<Row>[];
  /** Rails' `changes`: `{ title: ['Paint', 'Repaint'] }`. */
  changes(): RowChanges<Row>;
  /** Rails' `changed_attributes`: each changed column with the value the database holds (`{ title: 'Paint' }`). */
  changed_attributes(): Partial<Row>;
  /** Rails' `attribute_was('title')` (`title_was`): the value the database holds. */
  attribute_was<K extends Column<Row>>(attribute: K): Row[K];
  /** Rails' `attribute_changed?('title', from:, to:)`. */
  attribute_changed_p(attribute: Column<Row>, options?: AttributeChangeOptions): boolean;
  /** Rails' `restore_attributes(names = changed)`: the database's values back; returns the names. */
  restore_attributes(attributes?: readonly Column<Row>[]): Column<Row>[];
  /** Rails' `previous_changes`: what the last save wrote. */
  previous_changes(): RowChanges<Row>;
  /** Rails' `saved_changes` (the same as `previous_changes`). */
  saved_changes(): RowChanges<Row>;
  /** Rails' `saved_change_to_attribute?('title', from:, to:)`: the last save changed it (from / to cast as the column). */
  saved_change_to_attribute_p(attribute: Column<Row>, options?: AttributeChangeOptions): boolean;
  /** Rails' `attribute_previously_changed?` (the same as `saved_change_to_attribute_p`). */
  attribute_previously_changed_p(attribute: Column<Row>, options?: AttributeChangeOptions): boolean;
  /** Rails' `saved_change_to_attribute('title')`: `[before, after]` of the last save, or null when it left it alone. */
  saved_change_to_attribute<K extends Column<Row>>(attribute: K): [Row[K], Row[K]] | null;
  /** Rails' `attribute_before_last_save('title')`: its value before the last save; null when nothing was saved since it was read. */
  attribute_before_last_save<K extends Column<Row>>(attribute: K): Row[K] | null;
  /** Rails' `attribute_previously_was` (the same as `attribute_before_last_save`). */
  attribute_previously_was<K extends Column<Row>>(attribute: K): Row[K] | null;
  /** Rails' `will_save_change_to_attribute?('title', from:, to:)` (the same as `attribute_changed_p`). */
  will_save_change_to_attribute_p(attribute: Column<Row>, options?: AttributeChangeOptions): boolean;
  /** Rails' `attribute_change_to_be_saved('title')`: `[in the database, now]`, or null when unchanged. */
  attribute_change_to_be_saved<K extends Column<Row>>(attribute: K): [Row[K], Row[K]] | null;
  /** Rails' `attribute_in_database('title')` (the same as `attribute_was`). */
  attribute_in_database<K extends Column<Row>>(attribute: K): Row[K];
  /** Rails' `has_changes_to_save?` (the same as `changed_p`). */
  has_changes_to_save_p(): boolean;
  /** Rails' `changes_to_save` (the same as `changes`). */
  changes_to_save(): RowChanges<Row>;
  /** Rails' `changed_attribute_names_to_save` (the same as `changed`). */
  changed_attribute_names_to_save(): Column<Row>[];
}

/** Options of `attribute_changed_p`: Rails' `from:` / `to:`. */
export interface AttributeChangeOptions {
  readonly from?: unknown;
  readonly to?: unknown;
}

/** Whether a change `[was, now]` of `attribute` matches `from:` / `to:`, cast as the attribute as Rails 8.1 casts them (an enum's label is its value). */
function changeMatches(store: RecordStore, attribute: string, [was, now]: readonly [unknown, unknown], options: AttributeChangeOptions): boolean {
  const { model } = store;
  if ('from' in options && !sameValue(model, attribute, was, assignedValue(model, attribute, options.from))) return false;
  return !('to' in options) || sameValue(model, attribute, now, assignedValue(model, attribute, options.to));
}

function assertColumnToWrite(store: RecordStore, column: string): void {
  if (!store.model.columns.includes(column)) throw new MissingAttributeError(column);
}

/**
 * Saves the record: inserts a new one, writes the changed columns of a persisted one (nothing when none changed, after
 * validating, as Rails). Fills `errors` from a `RecordInvalidError` and raises it.
 */
async function saveBang(store: RecordStore, record: object, saveOptions: SaveOptions | undefined): Promise<true> {
  const { model } = store;
  const { validate = true, ...options } = saveOptions ?? {};
  const state = store.state(record);
  if (state.destroyed) throw new RecordNotSavedError(model.className, 'Failed to save the record');
  const attributes = currentAttributes(store, record);
  const before = store.original(record);
  try {
    assertTouchable(model);
    if (validate) assertAssignedReadable(store, record, attributes);
    let row: Readonly<RowData>;
    let touching: readonly Readonly<RowData>[] = [];
    if (state.newRecord) {
      row = await createRow(model, attributes, options, { validate });
      touching = [row];
    } else {
      const changed = changedColumns(store, record);
      if (changed.length === 0) {
        if (validate) assertValidInto(store, record, attributes);
        row = attributes;
      } else {
        const pk = model.primaryKey;
        const values = Object.fromEntries(changed.map((column) => [column, attributes[column]]));
        row = await updateRow(model, { ...attributes, [pk]: before[pk] }, values, options, { validate });
        touching = [row, before]; // a changed key touches the parent it left too
      }
    }
    state.errors.clear();
    store.stored(record, row, model.columns);
    state.persisted(changesBetween(model, before, row));
    await touchParents(model, touching, options);
    await store.written?.(record);
    return true;
  } catch (error) {
    if (error instanceof RecordInvalidError) {
      state.errors.replace(error.errors, error.errorDetails);
      error.record ??= record;
    }
    throw error;
  }
}

/**
 * Rails' numericality validation reads the value before its type cast: `job.priority = 'abc'` fails it ("is not a
 * number"), and so does `'1.0'` an `only_integer` one, so `save` is false with the messages; so does a validating
 * enum's inclusion (`'paused'` is not included). Without such a validation a value the column cannot hold raises
 * QueryError from the write (Rails would store `'abc'.to_i`, 0: a clear error is kept instead of a silent 0).
 */
function assertAssignedReadable(store: RecordStore, record: object, attributes: RowData): void {
  const { model } = store;
  const typed = model.columns.some((column) => validatesUncast(model, column) && !Object.is(tryCast(model, column, attributes[column]), attributes[column]));
  if (typed) assertValidInto(store, record, validatedValues(model, attributes));
}

/**
 * The values the validations read, as Rails' read them: each cast where it can be, as the write would, except that
 * numericality reads a value as typed, unless its cast is NULL (`''` in a number column), which `allow_nil` then skips
 * as Rails' does (it judges the cast value).
 */
function validatedValues(model: ModelDefinition, attributes: RowData): RowData {
  const values = Object.create(null) as Record<string, unknown>;
  for (const column of model.columns) {
    const cast = assignedValue(model, column, attributes[column]);
    values[column] = validatesNumber(model, column) && cast !== null ? attributes[column] : cast;
  }
  return values;
}

function assertValidInto(store: RecordStore, record: object, attributes: RowData): void {
  const { messages, details } = validate(store.model.className, store.model.validations, attributes);
  if (Object.keys(messages).length === 0) return;
  store.state(record).errors.replace(messages, details);
  throw RecordInvalidError.of(store.model.className, messages, details);
}

/** Rails' `save` shape over a `_bang` form: a failed validation is `false`, anything else raises. */
async function orFalse(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (error instanceof RecordInvalidError) return false;
    throw error;
  }
}

/** Rails' `assign_attributes`; `operation` names the call in messages (`Job.create: unknown attribute 'colour' ...`). */
export function assignAttributes(store: RecordStore, record: object, attributes: Readonly<Record<string, unknown>>, operation = 'assign_attributes'): void {
  const { model } = store;
  // No prototype: a column may be named `__proto__` or `constructor`.
  const columns = Object.create(null) as Record<string, unknown>;
  const associations: [string, unknown][] = [];
  if (typeof attributes === 'object' && attributes !== null) {
    for (const [name, value] of Object.entries(attributes)) {
      if (Object.hasOwn(model.relationships, name) && !model.columns.includes(name)) associations.push([name, value]);
      else columns[name] = value;
    }
  }
  assertAttributes(model, associations.length ? columns : attributes, operation);
  // As Rails casts on assignment; a value the column cannot hold stays as given, for the validations (numericality
  // reads it as typed) or the write to refuse.
  for (const [column, value] of Object.entries(columns)) if (value !== undefined) store.write(record, column, assignableValue(model, column, value));
  for (const [name, value] of associations) {
    if (value === undefined) continue;
    if (!store.assignAssociation) throw new QueryError(`${model.className}.${operation}: '${name}' is an association; give its foreign key instead`);
    store.assignAssociation(record, name, value);
  }
}

/** Writes `values` (already on the record) without validations and marks them saved: Rails' `update_columns`. */
async function writeColumns(store: RecordStore, record: object, values: Record<string, unknown>, options?: WriteOptions): Promise<void> {
  const row = await updateRow(store.model, store.original(record), values, options, { validate: false, touch: false });
  store.stored(record, row, Object.keys(values));
  await store.written?.(record);
}

/**
 * The row with primary key `id` as Zero has it, waiting for Zero's answer (Rails' `find`: RecordNotFoundError when
 * missing); through `relation` (its `includes` loaded on the row), else the model's.
 */
export async function findStoredRow(model: ModelDefinition, id: unknown, relation: Relation = new Relation(model)): Promise<RowData> {
  const plan = findPlan(relation, [id]);
  return loadRelation(plan.relation, { settle: (rows) => plan.settle(rows) as RowData });
}

/**
 * Rails' `destroy`: the `dependent:` associations (core/dependents.ts), then the row (a new record writes nothing); the
 * record is destroyed afterwards. A `restrict_with_error` refusal writes nothing and is returned; the record's own adds
 * its message to `errors` (Rails' destroy of a record its dependents refuse adds none).
 */
async function destroyRecord(store: RecordStore, record: object, options: WriteOptions | undefined): Promise<Refusal | undefined> {
  const { model } = store;
  const state = store.state(record);
  if (!state.newRecord && !state.destroyed) {
    const original = store.original(record);
    const refused = await destroyDependents(model, (column) => original[column], options);
    if (refused !== undefined) {
      if (refused.model === model && refused.id === original[model.primaryKey]) state.errors.add('base', refused.message, refused.detail);
      return refused;
    }
    assertTouchable(model);
    await destroyRow(model, original[model.primaryKey], options);
    // The parent it is stored under, and the one an unsaved change points at, as Rails' after_destroy touches both.
    await touchParents(model, [original, currentAttributes(store, record)], options);
  }
  state.markDestroyed();
  store.destroyed(record);
  return undefined;
}

async function reload(store: RecordStore, record: object): Promise<void> {
  const { model } = store;
  // One read, before anything changes: a row that is gone leaves the record as it was.
  const row = await findStoredRow(model, store.original(record)[model.primaryKey], store.reloadRelation?.(record));
  store.stored(record, row, model.columns);
  store.state(record).persisted();
  store.reloaded(record, row);
}

/**
 * The record methods, each a function of `this` (the record), for a flavour's prototype. `errors` is an accessor, as
 * Rails' `record.errors` is read like one; everything else is a method, as in Rails.
 */
function recordMethods(store: RecordStore): { methods: Record<string, (...args: never[]) => unknown>; accessors: Record<string, () => unknown> } {
  const { model } = store;
  const methods = {
    /** Rails' `save`. */
    async save(this: object, options?: SaveOptions) {
      // Rails: a destroyed record is not saved, and `save` says so with false (`save!` raises RecordNotSaved).
      if (store.state(this).destroyed) return false;
      return orFalse(() => saveBang(store, this, options));
    },
    /** Rails' `save!`. */
    save_bang(this: object, options?: SaveOptions) {
      return saveBang(store, this, options);
    },
    // Async, so an attribute refused on assignment rejects the promise like every other failure of the call.
    /** Rails' `update(attributes)`: assigns, then `save`. */
    async update(this: object, attributes: Readonly<Record<string, unknown>>, options?: WriteOptions) {
      assignAttributes(store, this, attributes);
      return orFalse(() => saveBang(store, this, options));
    },
    /** Rails' `update!`. */
    async update_bang(this: object, attributes: Readonly<Record<string, unknown>>, options?: WriteOptions) {
      assignAttributes(store, this, attributes);
      return saveBang(store, this, options);
    },
    /**
     * Rails' `destroy`: the `dependent:` associations first (core/dependents.ts), then the row (a new record writes
     * nothing); the record is destroyed afterwards. False, with the error on base, when `restrict_with_error` refuses.
     */
    async destroy(this: object, options?: WriteOptions) {
      return (await destroyRecord(store, this, options)) === undefined ? this : false;
    },
    /** Rails' `destroy!`: RecordNotDestroyedError (naming the record refused: this one, or one its dependents reach) where `destroy` answers false. */
    async destroy_bang(this: object, options?: WriteOptions) {
      const refused = await destroyRecord(store, this, options);
      if (refused === undefined) return this;
      const { className, primaryKey } = refused.model;
      throw new RecordNotDestroyedError(className, `Failed to destroy ${className} with ${primaryKey}=${String(refused.id)}`);
    },
    /** Rails' `valid?`: runs the validations, fills `errors`. */
    valid_p(this: object) {
      const { messages, details } = validate(model.className, model.validations, validatedValues(model, currentAttributes(store, this)));
      store.state(this).errors.replace(messages, details);
      return Object.keys(messages).length === 0;
    },
    /** Rails' `invalid?`. */
    invalid_p(this: object) {
      return !methods.valid_p.call(this);
    },
    /** Rails' `persisted?`: saved and not destroyed. */
    persisted_p(this: object) {
      const state = store.state(this);
      return !state.newRecord && !state.destroyed;
    },
    /** Rails' `new_record?`. */
    new_record_p(this: object) {
      return store.state(this).newRecord;
    },
    /** Rails' `destroyed?`. */
    destroyed_p(this: object) {
      return store.state(this).destroyed;
    },
    /** Rails' `reload`: the columns as the database holds them; no changes left. */
    async reload(this: object) {
      await reload(store, this);
      return this;
    },
    /** Rails' `previously_new_record?`. */
    previously_new_record_p(this: object) {
      return store.state(this).previouslyNewRecord;
    },
    /** Rails 7's `previously_persisted?`: `!new_record? && destroyed?`. */
    previously_persisted_p(this: object) {
      const state = store.state(this);
      return !state.newRecord && state.destroyed;
    },
    /** Rails' `has_attribute?`. */
    has_attribute_p(this: object, name: string) {
      return model.columns.includes(String(name));
    },
    /** Rails' `attribute_present?`: not nil, and not empty where the value has `empty?` (a string, an array, a hash). */
    attribute_present_p(this: object, name: string) {
      const column = String(name);
      if (!model.columns.includes(column)) return false;
      const value = valueNow(store, this, column);
      if (value === null || value === undefined) return false;
      if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
      return typeof value !== 'object' || Object.keys(value).length > 0;
    },
    /** Rails' `attribute_names`. */
    attribute_names(this: object) {
      return [...model.columns];
    },
    /** Rails' `attributes`. */
    attributes(this: object) {
      return columnObject(model.columns, (column) => valueNow(store, this, column) ?? null);
    },
    /** Rails' `assign_attributes`: assigns without saving (unknown attributes raise). */
    assign_attributes(this: object, attributes: Readonly<Record<string, unknown>>) {
      assignAttributes(store, this, attributes);
    },
    /** Rails' `increment(attribute, by = 1)`: NULL counts as 0; not saved. */
    increment(this: object, attribute: string, by = 1) {
      assertColumnToWrite(store, attribute);
      store.write(this, attribute, (Number(store.read(this, attribute) ?? 0) || 0) + by);
      return this;
    },
    /** Rails' `decrement(attribute, by = 1)`. */
    decrement(this: object, attribute: string, by = 1) {
      return methods.increment.call(this, attribute, -by);
    },
    /** Rails' `increment!`: increments and writes that column alone, without validations. */
    async increment_bang(this: object, attribute: string, by = 1, options?: WriteOptions) {
      methods.increment.call(this, attribute, by);
      await writeColumns(store, this, { [attribute]: store.read(this, attribute) }, options);
      return this;
    },
    /** Rails' `decrement!`. */
    decrement_bang(this: object, attribute: string, by = 1, options?: WriteOptions) {
      return methods.increment_bang.call(this, attribute, -by, options);
    },
    /** Rails' `toggle(attribute)`: `true` unless it was truthy; not saved. */
    toggle(this: object, attribute: string) {
      assertColumnToWrite(store, attribute);
      store.write(this, attribute, !store.read(this, attribute));
      return this;
    },
    /** Rails' `toggle!`: toggles, then saves without validations (Rails' `update_attribute`). */
    async toggle_bang(this: object, attribute: string, options?: WriteOptions) {
      methods.toggle.call(this, attribute);
      return saveBang(store, this, { ...options, validate: false });
    },
    /** Rails' `read_attribute`. */
    read_attribute(this: object, name: string) {
      return model.columns.includes(name) ? (valueNow(store, this, name) ?? null) : null;
    },
    /** Rails' `write_attribute`: as a setter assigns. */
    write_attribute(this: object, name: string, value: unknown) {
      assertColumnToWrite(store, name);
      store.write(this, name, assignableValue(model, name, value));
      return value;
    },
    /** Rails' `update_attribute`: `write_attribute`, then `save(validate: false)`. */
    async update_attribute(this: object, name: string, value: unknown, options?: WriteOptions) {
      methods.write_attribute.call(this, name, value);
      return saveBang(store, this, { ...options, validate: false });
    },
    /** Rails' `delete`: the row alone, now; no dependents, touches, counter caches or validations. */
    async delete(this: object, options?: WriteOptions) {
      const state = store.state(this);
      if (!state.newRecord && !state.destroyed) await destroyRow(model, store.original(this)[model.primaryKey], options, { counterCaches: false });
      state.markDestroyed();
      store.destroyed(this);
      return this;
    },
    /** Rails' `to_key`. */
    to_key(this: object) {
      const key = valueNow(store, this, model.primaryKey);
      return key === null || key === undefined ? null : [key];
    },
    /** Rails' `to_param` (ActiveRecord's: the key whenever there is one, saved or not). */
    to_param(this: object) {
      const key = valueNow(store, this, model.primaryKey);
      return key === null || key === undefined ? null : String(key);
    },
    /** Rails' `changed_attributes`. */
    changed_attributes(this: object) {
      const original = store.original(this);
      return Object.fromEntries(changedColumns(store, this).map((column) => [column, original[column] ?? null]));
    },
    /** Rails' `update_columns(attributes)`: cast, written straight (no validations, no `updated_at`), and saved. */
    async update_columns(this: object, attributes: Readonly<Record<string, unknown>>, options?: WriteOptions) {
      const state = store.state(this);
      // Rails' ActiveRecordError messages.
      if (state.newRecord) throw new ZeroRecordError('cannot update a new record');
      if (state.destroyed) throw new ZeroRecordError('cannot update a destroyed record');
      // Rails' MissingAttributeError for an unknown column here; then cast as every write casts (undefined not given).
      if (typeof attributes === 'object' && attributes !== null && !Array.isArray(attributes)) for (const column of Object.keys(attributes)) assertColumnToWrite(store, column);
      const values = columnValues(model, attributes, 'update_columns');
      if (Object.keys(values).length === 0) throw new QueryError('Empty list of attributes to change');
      for (const [column, value] of Object.entries(values)) store.write(this, column, value);
      await writeColumns(store, this, values, options);
      return true;
    },
    /** Rails' `update_column(name, value)`. */
    update_column(this: object, name: string, value: unknown, options?: WriteOptions) {
      return methods.update_columns.call(this, { [name]: value }, options);
    },
    /** Rails' `touch(*names)`: sets `updated_at` (and `names`) to now and writes them, without validations. */
    async touch(this: object, ...names: string[]) {
      const state = store.state(this);
      if (state.newRecord || state.destroyed) {
        throw new ZeroRecordError(
          'Cannot touch on a new or destroyed record object. Consider using persisted?, new_record?, or destroyed? before touching.',
        );
      }
      const columns = [...touchedTimestamps(model), ...names];
      for (const column of names) assertColumnToWrite(store, column);
      assertTouchable(model);
      // Rails: nothing to touch is not a failure, and its after_touch (a belongs_to's touch:) still runs.
      if (columns.length > 0) {
        const values = stamps(model, columns);
        for (const [column, value] of Object.entries(values)) store.write(this, column, value);
        await writeColumns(store, this, values);
      }
      await touchParents(model, [currentAttributes(store, this), store.original(this)]);
      return true;
    },
    /** Rails' `changed?`: any column differs from the database's value. */
    changed_p(this: object) {
      return changedColumns(store, this).length > 0;
    },
    /** Rails' `changed`: the changed columns' names. */
    changed(this: object) {
      return changedColumns(store, this);
    },
    /** Rails' `changes`: `{ title: ['Paint', 'Repaint'] }`. */
    changes(this: object): Changes {
      return changesOf(store, this);
    },
    /** Rails' `attribute_was('title')` (`title_was`): the value the database holds. */
    attribute_was(this: object, attribute: string) {
      return model.columns.includes(attribute) ? (store.original(this)[attribute] ?? null) : null;
    },
    /** Rails' `attribute_changed?('title', from:, to:)`. */
    attribute_changed_p(this: object, attribute: string, options: AttributeChangeOptions = {}) {
      if (!model.columns.includes(attribute)) return false;
      if (!columnChanged(store, this, attribute)) return false;
      return changeMatches(store, attribute, [store.original(this)[attribute], valueNow(store, this, attribute)], options);
    },
    /** Rails' `saved_change_to_attribute?('title', from:, to:)`. */
    saved_change_to_attribute_p(this: object, attribute: string, options: AttributeChangeOptions = {}) {
      const change = store.state(this).previousChanges[attribute];
      return change !== undefined && changeMatches(store, attribute, change, options);
    },
    /** Rails' `saved_change_to_attribute('title')`: `[before, after]`, or null. */
    saved_change_to_attribute(this: object, attribute: string) {
      return store.state(this).previousChanges[attribute] ?? null;
    },
    /** Rails' `attribute_before_last_save('title')`. */
    attribute_before_last_save(this: object, attribute: string) {
      return model.columns.includes(attribute) ? store.state(this).valueBeforeLastSave(attribute, store.original(this)[attribute] ?? null) : null;
    },
    /** Rails' `attribute_change_to_be_saved('title')`: `[in the database, now]`, or null. */
    attribute_change_to_be_saved(this: object, attribute: string) {
      return model.columns.includes(attribute) && columnChanged(store, this, attribute) ? [store.original(this)[attribute] ?? null, valueNow(store, this, attribute)] : null;
    },
    /** Rails' `restore_attributes(names = changed)`: puts back the database's values; returns the names restored. */
    restore_attributes(this: object, names?: readonly string[]) {
      const restored = names ?? changedColumns(store, this);
      const original = store.original(this);
      for (const column of restored) {
        assertColumnToWrite(store, column);
        store.write(this, column, original[column] ?? null);
      }
      return [...restored];
    },
    /** Rails' `previous_changes` (also `saved_changes`): the changes the last save wrote. */
    previous_changes(this: object): Changes {
      return store.state(this).previousChanges;
    },
    /** Rails' `saved_changes`. */
    saved_changes(this: object): Changes {
      return store.state(this).previousChanges;
    },
  };
  // Rails' other names for the same answers (ActiveRecord::AttributeMethods::Dirty, ActiveModel::Dirty).
  const aliases = {
    attribute_previously_changed_p: methods.saved_change_to_attribute_p,
    attribute_previously_was: methods.attribute_before_last_save,
    will_save_change_to_attribute_p: methods.attribute_changed_p,
    attribute_in_database: methods.attribute_was,
    has_changes_to_save_p: methods.changed_p,
    changes_to_save: methods.changes,
    changed_attribute_names_to_save: methods.changed,
  };
  const accessors = {
    /** Rails' `errors`: filled by `valid_p`, `save`, `update`, `create`; empty after a successful save. */
    errors(this: object) {
      return store.state(this).errors;
    },
  };
  return { methods: { ...methods, ...aliases } as unknown as Record<string, (...args: never[]) => unknown>, accessors };
}

/** Puts the record methods and accessors on `proto`, non-enumerable (so `{ ...record }` and JSON leave them out). */
export function defineRecordMethods(proto: object, store: RecordStore): void {
  const { methods, accessors } = recordMethods(store);
  // Rails' enum methods: `status_draft_p()` reads the column as assigned; `status_draft_bang()` is `update!(status: ...)`.
  for (const { name, column, value, bang } of enumRecordMethods(store.model.enums)) {
    // Through the record's own column reader where it has one: a reactive collection record read in an `{#each}` then
    // stays stateless (the store's read gives it a state), and an effect tracks it as it tracks `job.status`.
    const own = !store.model.shadowedColumns.includes(column);
    methods[name] = bang
      ? function (this: object, options?: WriteOptions) {
          return (methods['update_bang'] as (attributes: object, options?: WriteOptions) => Promise<true>).call(this, { [column]: value }, options);
        }
      : function (this: object) {
          return (own ? assignedValue(store.model, column, (this as Record<string, unknown>)[column]) : valueNow(store, this, column)) === value;
        };
  }
  for (const [name, value] of Object.entries(methods)) Object.defineProperty(proto, name, { value, configurable: true, writable: true });
  for (const [name, get] of Object.entries(accessors)) Object.defineProperty(proto, name, { get, configurable: true });
}
