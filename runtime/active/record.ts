/**
 * ActiveRecord records: plain objects whose columns are own data properties (the fastest reads JavaScript has), with
 * one shared prototype per model for the methods.
 */
import type { ModelDefinition } from '../core/config.ts';
import type { IncludeSpec, Relation } from '../core/relation.ts';
import type { WriteOptions } from '../core/zero-write.ts';
import { destroyRow, updateRow } from '../core/writes.ts';
import { findPlan } from '../core/finders.ts';
import { loadRelation } from '../core/reads.ts';
import { Relation as CoreRelation } from '../core/relation.ts';
import type { RowData } from '../core/zero-types.ts';
import type { LanguageMemberKey } from '../core/member-names.ts';

/** The methods every ActiveRecord record has (its columns come from the schema). */
export interface RecordMethods<Row> {
  /** Rails' `update!`: validates, writes through Zero, and updates this object. */
  update(attributes: Partial<Row>, options?: WriteOptions): Promise<this>;
  /** Deletes the row through Zero; the record is frozen afterwards, as Rails freezes destroyed records. */
  destroy(options?: WriteOptions): Promise<this>;
  /** Reloads the columns from Zero. */
  reload(): Promise<this>;
  /** The columns (and loaded associations) as a plain object. */
  toJSON(): Row;
  /** Rails' `read_attribute`: a column's value by name; the only way to read a column named like a member (`constructor`). */
  read_attribute<K extends keyof Row & string>(name: K): Row[K];
}

/**
 * A record of an ActiveRecord model: the row's columns as own properties, plus the record methods. A column named like
 * a member (`constructor`, `then`, a record method: the config's `shadowedColumns`) is read with `read_attribute`.
 */
export type ActiveRecordInstance<Row> = Omit<Row, Extract<keyof Row, keyof RecordMethods<Row> | LanguageMemberKey>> & RecordMethods<Row>;

/** Where a record keeps the values of its shadowed columns (non-enumerable, so `{ ...record }` leaves it out). */
const SHADOWED: unique symbol = Symbol('zero-record.shadowed');

function pick(row: RowData, names: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  // defineProperty: a `__proto__` column must become a key, not the object's prototype.
  for (const name of names) Object.defineProperty(values, name, { value: row[name], enumerable: true, writable: true, configurable: true });
  return values;
}

/** The record's columns (shadowed ones included) and loaded associations, as a plain object. */
function attributesOf(record: Record<string | symbol, unknown>): Record<string, unknown> {
  const shadowedValues = record[SHADOWED] as Record<string, unknown> | undefined;
  return shadowedValues ? { ...record, ...shadowedValues } : { ...record };
}

type RecordConstructor = new (row: RowData, includes: readonly IncludeSpec[]) => Record<string, unknown>;

const classes = new WeakMap<ModelDefinition, RecordConstructor>();

/** Builds records for `relation`'s rows, including its loaded associations (recursively). */
export function instantiate(relation: Relation, rows: readonly RowData[]): Record<string, unknown>[] {
  const Record = recordClass(relation.model);
  const includes = relation.state.includes;
  return rows.map((row) => new Record(row, includes));
}

function associationValue(spec: IncludeSpec, value: unknown): unknown {
  if (Array.isArray(value)) return instantiate(spec.relation, spec.relation.rows(value as RowData[]));
  if (value === null || value === undefined) return null;
  return instantiate(spec.relation, [value as RowData])[0];
}

export function recordClass(model: ModelDefinition): RecordConstructor {
  const known = classes.get(model);
  if (known) return known;
  const { primaryKey, shadowedColumns } = model;
  // Columns named like a member (the config's shadowedColumns) stay off the record, so the member keeps its name.
  const columns = model.columns.filter((c) => !shadowedColumns.includes(c));
  const shadowed = shadowedColumns.length > 0;

  class ActiveRecordBase {
    [column: string]: unknown;

    constructor(row: RowData, includes: readonly IncludeSpec[]) {
      // Same assignment order for every record: one hidden class per model, monomorphic reads.
      for (let i = 0; i < columns.length; i++) this[columns[i]!] = row[columns[i]!];
      for (let i = 0; i < includes.length; i++) this[includes[i]!.name] = associationValue(includes[i]!, row[includes[i]!.name]);
      if (shadowed) Object.defineProperty(this, SHADOWED, { value: pick(row, shadowedColumns), writable: true });
    }
  }
  const proto = ActiveRecordBase.prototype as unknown as Record<string, unknown>;
  Object.defineProperty(ActiveRecordBase, 'name', { value: model.className });
  const isShadowed = (column: string): boolean => shadowed && shadowedColumns.includes(column);
  /** Sets a column's value, on the record or (shadowed) beside it. */
  const assign = (record: Record<string | symbol, unknown>, column: string, value: unknown): void => {
    if (isShadowed(column)) (record[SHADOWED] as Record<string, unknown>)[column] = value;
    else record[column] = value;
  };
  proto.update = async function (this: Record<string, unknown>, attributes: Record<string, unknown>, options?: WriteOptions) {
    const merged = await updateRow(model, attributesOf(this), attributes, options);
    for (const column of Object.keys(attributes)) assign(this, column, merged[column]);
    return this;
  };
  /** A column's value, on the record or (shadowed) beside it. */
  const read = (record: Record<string | symbol, unknown>, column: string): unknown =>
    isShadowed(column) ? (record[SHADOWED] as Record<string, unknown>)[column] : record[column];
  proto.destroy = async function (this: Record<string, unknown>, options?: WriteOptions) {
    await destroyRow(model, read(this, primaryKey), options);
    return Object.freeze(this);
  };
  proto.reload = async function (this: Record<string, unknown>) {
    const relation = new CoreRelation(model);
    const plan = findPlan(relation, [read(this, primaryKey)]);
    const row = await loadRelation(plan.relation, { settle: (rows) => plan.settle(rows) as RowData });
    for (const column of model.columns) assign(this, column, row[column]);
    return this;
  };
  proto.toJSON = function (this: Record<string, unknown>) {
    return attributesOf(this);
  };
  proto.read_attribute = function (this: Record<string | symbol, unknown>, name: string) {
    return model.columns.includes(name) ? read(this, name) : undefined;
  };
  for (const name of ['update', 'destroy', 'reload', 'toJSON', 'read_attribute']) Object.defineProperty(proto, name, { enumerable: false });
  classes.set(model, ActiveRecordBase);
  return ActiveRecordBase;
}
