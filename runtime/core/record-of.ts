/**
 * Whether a value is a record of a given model, in either flavour, and its key: what Rails' `is_a?(klass)` checks
 * before `excluding` and `include?` read a record's id; and a row's identity across models.
 */
import type { ModelDefinition } from './config.ts';
import { QueryError, describeValue } from './errors.ts';

/** The value has no record's key: it is not a record (or handle) of the model. */
export const NOT_A_RECORD: unique symbol = Symbol('not a record');

/**
 * `record`'s primary key when it is a record of `model` (an ActiveRecord record, a reactive record or a handle: each an
 * instance of a class named after the model, handles `JobHandle`), else NOT_A_RECORD. A new record's key may be null.
 */
export function recordKeyOf(model: ModelDefinition, record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return NOT_A_RECORD;
  const reader = (record as { read_attribute?: (name: string) => unknown }).read_attribute;
  const kind = record.constructor?.name;
  if (typeof reader !== 'function' || (kind !== model.className && kind !== `${model.className}Handle`)) return NOT_A_RECORD;
  return reader.call(record, model.primaryKey);
}

/** A row's identity across models (its table and key), for the sets that keep a walk from visiting it twice. */
export function rowKey(model: ModelDefinition, id: unknown): string {
  return `${model.table}\u0000${JSON.stringify(id)}`;
}

/**
 * Rails' AssociationTypeMismatch, as a QueryError: `value` must be a record of `className` (a belongs_to assigned, a
 * record added to a collection). Records are told apart by their class's name, which each flavour gives its records
 * (`Job`). `context` names the call.
 */
export function assertRecordOf(className: string, value: unknown, context: string): void {
  const given = typeof value === 'object' && value !== null ? (value.constructor?.name ?? 'Object') : typeof value;
  if (given !== className) throw new QueryError(`${context}: ${className} expected, got ${describeValue(value)} which is an instance of ${given}`);
}
