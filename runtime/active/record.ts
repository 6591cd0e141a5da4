/**
 * ActiveRecord records: plain objects whose columns are own data properties (the fastest reads JavaScript has), with
 * one shared prototype per model for the methods.
 */
import type { ModelDefinition } from '../core/config.ts';
import type { IncludeSpec, Relation } from '../core/relation.ts';
import type { WriteOptions } from '../core/zero-binding.ts';
import { destroyRow, updateRow } from '../core/writes.ts';
import { findPlan } from '../core/finders.ts';
import { awaitZero, runRelation } from '../core/zero-binding.ts';
import { Relation as CoreRelation } from '../core/relation.ts';
import type { RowData } from '../core/zero-types.ts';

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
}

/** A record of an ActiveRecord model: the row's columns as own properties, plus the record methods. */
export type ActiveRecordInstance<Row> = Row & RecordMethods<Row>;

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
  const { columns, primaryKey } = model;
  // Assigning `__proto__` would replace the record's prototype instead of creating the column.
  const plainNames = !columns.includes('__proto__');

  class ActiveRecordBase {
    [column: string]: unknown;

    constructor(row: RowData, includes: readonly IncludeSpec[]) {
      // Same assignment order for every record: one hidden class per model, monomorphic reads.
      if (plainNames) for (let i = 0; i < columns.length; i++) this[columns[i]!] = row[columns[i]!];
      else for (const column of columns) Object.defineProperty(this, column, { value: row[column], enumerable: true, writable: true, configurable: true });
      for (let i = 0; i < includes.length; i++) this[includes[i]!.name] = associationValue(includes[i]!, row[includes[i]!.name]);
    }
  }
  const proto = ActiveRecordBase.prototype as unknown as Record<string, unknown>;
  Object.defineProperty(ActiveRecordBase, 'name', { value: model.className });
  proto.update = async function (this: Record<string, unknown>, attributes: Record<string, unknown>, options?: WriteOptions) {
    const merged = await updateRow(model, this, attributes, options);
    for (const column of Object.keys(attributes)) this[column] = merged[column];
    return this;
  };
  proto.destroy = async function (this: Record<string, unknown>, options?: WriteOptions) {
    await destroyRow(model, this[primaryKey], options);
    return Object.freeze(this);
  };
  proto.reload = async function (this: Record<string, unknown>) {
    const relation = new CoreRelation(model);
    const plan = findPlan(relation, [this[primaryKey]]);
    const rows = await runRelation(await awaitZero(model), plan.relation);
    const row = plan.settle(rows) as RowData;
    for (const column of columns) this[column] = row[column];
    return this;
  };
  proto.toJSON = function (this: Record<string, unknown>) {
    return { ...this };
  };
  for (const name of ['update', 'destroy', 'reload', 'toJSON']) Object.defineProperty(proto, name, { enumerable: false });
  classes.set(model, ActiveRecordBase);
  return ActiveRecordBase;
}
