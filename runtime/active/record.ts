/**
 * ActiveRecord records: plain objects whose columns are own data properties (the fastest reads JavaScript has), with
 * one shared prototype per model for the methods.
 */
import type { ModelDefinition } from '../core/config.ts';
import { Relation, type IncludeSpec } from '../core/relation.ts';
import { newRecordRow } from '../core/writes.ts';
import { assignAttributes, defineRecordMethods, findStoredRow } from '../core/persistence.ts';
import { RecordState, columnObject, type RecordStore } from '../core/record-state.ts';
import type { RowData } from '../core/zero-types.ts';
import type { ColumnCopy } from '../core/column-copy.ts';
import type { LanguageMemberKey } from '../core/member-names.ts';
import { defineAssociations, type Associations } from './associations.ts';
import type { PersistenceMethods } from '../core/persistence.ts';

/** The methods every ActiveRecord record has (its columns come from the schema); Rails' names, `!` as `_bang`, `?` as `_p`. */
export interface RecordMethods<Row> extends PersistenceMethods<Row> {
  /** The columns (and loaded associations) as a plain object. */
  toJSON(): Row;
}

/**
 * A record of an ActiveRecord model: the row's columns as own properties, plus the record methods. A column named like
 * a member (`constructor`, `then`, a record method: the config's `shadowedColumns`) is read with `read_attribute`.
 */
export type ActiveRecordInstance<Row> = {
  // Assignable, as in Rails (`job.title = 'x'`, then `save()`), though Zero's row types are readonly.
  -readonly [K in Exclude<keyof Row, keyof RecordMethods<Row> | LanguageMemberKey>]: Row[K];
} & RecordMethods<Row>;

/** Where a record keeps the values of its shadowed columns (non-enumerable, so `{ ...record }` leaves it out). */
const SHADOWED: unique symbol = Symbol('zero-record.shadowed');

/** The record's columns (shadowed ones included) and current loaded associations, as a plain object. */
function attributesOf(record: Record<string | symbol, unknown>, associations: Associations, relationships: ReadonlySet<string>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  // Not a spread: it would read a stale association, which starts a query.
  for (const key of Object.keys(record)) if (!relationships.has(key) || associations.loaded(record, key)) values[key] = record[key];
  const shadowedValues = record[SHADOWED] as Record<string, unknown> | undefined;
  return shadowedValues ? { ...values, ...shadowedValues } : values;
}

/** The runtime's column copy, for configs without a generated `columnCopy`: a loop by name (V8's megamorphic cache serves it). */
function copyByName(columns: readonly string[]): ColumnCopy {
  return (record, row) => {
    for (let i = 0; i < columns.length; i++) record[columns[i]!] = row[columns[i]!];
  };
}

type RecordConstructor = new (row: RowData, includes: readonly IncludeSpec[]) => Record<string, unknown>;

/** Builds records for `relation`'s rows, including its loaded associations (recursively). */
export function instantiate(relation: Relation, rows: readonly RowData[]): Record<string, unknown>[] {
  const Record = activeRecordClass(relation.model).Record;
  const includes = relation.state.includes;
  return rows.map((row) => new Record(row, includes));
}

function associationValue(spec: IncludeSpec, value: unknown): unknown {
  if (Array.isArray(value)) return instantiate(spec.relation, spec.relation.rows(value as RowData[]));
  if (value === null || value === undefined) return null;
  return instantiate(spec.relation, [value as RowData])[0];
}

interface ActiveRecordClass {
  readonly Record: RecordConstructor;
  /** A new, unsaved record: Rails' `Model.new` (the model's defaults, NULL elsewhere); `operation` names the call in messages. */
  build(attributes: Readonly<Record<string, unknown>>, operation: string): Record<string, unknown>;
}

const activeClasses = new WeakMap<ModelDefinition, ActiveRecordClass>();

function activeRecordClass(model: ModelDefinition): ActiveRecordClass {
  const known = activeClasses.get(model);
  if (known) return known;
  const { shadowedColumns } = model;
  // Columns named like a member (the config's shadowedColumns) stay off the record, so the member keeps its name.
  const columns = model.columns.filter((c) => !shadowedColumns.includes(c));
  const shadowed = shadowedColumns.length > 0;
  const copyColumns = model.columnCopy ?? copyByName(columns);

  class ActiveRecordBase {
    [column: string]: unknown;
    /**
     * The row as loaded (Zero's row, shared, not copied: what dirty tracking compares against), or the record's
     * RecordState once it has one. Private: not a property, so reads, `{ ...record }` and JSON never see it.
     */
    #state: RowData | RecordState;

    constructor(row: RowData, includes: readonly IncludeSpec[], state?: RecordState) {
      this.#state = state ?? row;
      // Same assignment order for every record: one hidden class per model, monomorphic reads.
      copyColumns(this, row);
      // Before the includes: holding a loaded association reads its key, which may be a shadowed column.
      if (shadowed) Object.defineProperty(this, SHADOWED, { value: columnObject(shadowedColumns, (column) => row[column]), writable: true });
      for (let i = 0; i < includes.length; i++) associations.hold(this, includes[i]!.name, associationValue(includes[i]!, row[includes[i]!.name]), includes[i]);
    }

    static stateOf(record: ActiveRecordBase): RecordState {
      const state = record.#state;
      if (state instanceof RecordState) return state;
      return (record.#state = new RecordState({ original: state }));
    }

    /** A new record, not saved yet (without reaching for a RecordState a loaded record has not needed). */
    static isNew(record: ActiveRecordBase): boolean {
      const state = record.#state;
      return state instanceof RecordState && state.newRecord;
    }

    static originalOf(record: ActiveRecordBase): RowData {
      const state = record.#state;
      return state instanceof RecordState ? state.original! : state;
    }
  }
  const proto = ActiveRecordBase.prototype as unknown as Record<string, unknown>;
  Object.defineProperty(ActiveRecordBase, 'name', { value: model.className });
  const isShadowed = (column: string): boolean => shadowed && shadowedColumns.includes(column);
  type Self = Record<string | symbol, unknown>;
  /** A column's value, on the record or (shadowed) beside it. */
  const read = (record: Self, column: string): unknown => (isShadowed(column) ? (record[SHADOWED] as Record<string, unknown>)[column] : record[column]);
  /** Sets a column's value, on the record or (shadowed) beside it. */
  const write = (record: Self, column: string, value: unknown): void => {
    if (isShadowed(column)) (record[SHADOWED] as Record<string, unknown>)[column] = value;
    else record[column] = value;
  };
  /** The model's relation that loads what `specs` load. */
  const including = (specs: readonly IncludeSpec[]): Relation => new Relation(model).includes(...specs.map((spec) => ({ [spec.name]: () => spec.relation })));
  const relationships = new Set(Object.keys(model.relationships));
  const associations = defineAssociations(proto, model, {
    read: (record, column) => read(record as Self, column),
    write: (record, column, value) => write(record as Self, column, value),
    saved: (record) => !ActiveRecordBase.isNew(record as ActiveRecordBase),
  });
  const store: RecordStore = {
    model,
    state: (record) => ActiveRecordBase.stateOf(record as ActiveRecordBase),
    read: (record, column) => read(record as Self, column),
    write: (record, column, value) => write(record as Self, column, value),
    original: (record) => ActiveRecordBase.originalOf(record as ActiveRecordBase),
    stored(record, row, written) {
      for (const column of written) write(record as Self, column, row[column]);
      const state = ActiveRecordBase.stateOf(record as ActiveRecordBase);
      state.setOriginal(written === model.columns ? row : { ...state.original, ...Object.fromEntries(written.map((c) => [c, row[c]])) });
    },
    destroyed: (record) => Object.freeze(record),
    // Rails resets the associations and reads one again when it is next read; a reader here cannot read synchronously,
    // so what `includes` had loaded is read again, in reload's own read (the record's type says loaded), and the rest
    // is dropped.
    reloadRelation(record) {
      const included = associations.included(record);
      return included.length > 0 ? including(included) : undefined;
    },
    reloaded(record, row) {
      const included = associations.included(record);
      associations.forget(record);
      for (const spec of included) associations.hold(record, spec.name, associationValue(spec, row[spec.name]), spec);
    },
    // A write that changed a key of what `includes` loaded (`update({ client_id })`) reads it again, for the same reason.
    async written(record) {
      const stale = associations.included(record, true);
      if (stale.length === 0) return;
      const row = await findStoredRow(model, read(record as Self, model.primaryKey), including(stale));
      for (const spec of stale) associations.hold(record, spec.name, associationValue(spec, row[spec.name]), spec);
    },
    // The record's own belongs_to writer (associations.ts).
    assignAssociation: (record, name, value) => void ((record as Self)[name] = value),
  };
  defineRecordMethods(proto, store);
  const toJSON = function (this: Self) {
    return attributesOf(this, associations, relationships);
  };
  Object.defineProperty(proto, 'toJSON', { value: toJSON, configurable: true, writable: true });
  const result: ActiveRecordClass = {
    Record: ActiveRecordBase as unknown as RecordConstructor,
    build(attributes, operation) {
      const original = newRecordRow(model);
      const record = new ActiveRecordBase(original, [], new RecordState({ original, newRecord: true }));
      assignAttributes(store, record, attributes, operation);
      return record as unknown as Record<string, unknown>;
    },
  };
  activeClasses.set(model, result);
  return result;
}

/** Rails' `Model.new(attributes)`: a new, unsaved ActiveRecord record. */
export function buildRecord(model: ModelDefinition, attributes: Readonly<Record<string, unknown>>, operation = 'new'): Record<string, unknown> {
  return activeRecordClass(model).build(attributes, operation);
}
