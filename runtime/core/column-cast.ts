/** A value written to a column, cast as Rails casts on assignment: a form's `'3'` is 3, a blank number NULL. */
import type { ModelDefinition } from './config.ts';
import { QueryError } from './errors.ts';
import { castValue, type Scalar } from './conditions.ts';
import { enumStored } from './enums.ts';

export type ColumnValue = string | number | boolean | null;

/** `value` as column `column` holds it; raises QueryError (naming `context`) for a value the column cannot hold. */
export function castColumn(model: ModelDefinition, column: string, value: unknown, context: string): ColumnValue {
  if (value === null || model.columnTypes[column] === 'json') return value as ColumnValue;
  const enumeration = model.enums[column];
  if (enumeration) return isBlank(value) ? null : enumStored(enumeration, value);
  // Blank is NULL: a number column's `''` or `'  '`, a boolean column's `''` only (Rails reads `' '` as true).
  const type = model.columnTypes[column];
  if (typeof value === 'string' && ((type === 'number' && value.trim() === '') || (type === 'boolean' && value === ''))) return null;
  return castValue(model, column, value as Scalar | Date, context);
}

/** Ruby's `blank?`, which an enum reads as nil: `false`, an empty or whitespace string, an empty list or hash. */
function isBlank(value: unknown): boolean {
  if (value === false || (typeof value === 'string' && value.trim() === '')) return true;
  return typeof value === 'object' && value !== null && !(value instanceof Date) && Object.keys(value).length === 0;
}

/** `value` cast for the column, or undefined when the column cannot hold it (`'abc'` in a number column). */
export function tryCast(model: ModelDefinition, column: string, value: unknown): ColumnValue | undefined {
  try {
    return castColumn(model, column, value, model.className);
  } catch (error) {
    if (error instanceof QueryError) return undefined;
    throw error;
  }
}

/**
 * A value assigned to a column (`job.priority = '3'`, a form's input), cast as Rails casts on assignment; a value the
 * column cannot hold is kept as given, and the save that would write it says what is wrong.
 */
export function assignedValue(model: ModelDefinition, column: string, value: unknown): unknown {
  const cast = tryCast(model, column, value);
  return cast === undefined ? value : cast;
}

/**
 * `assignedValue`, except that an enum refuses a value it does not have, as Rails raises ArgumentError on assignment
 * (`'foo' is not a valid status`, a QueryError here), unless it validates instead (Rails 7.1's `validate: true`).
 * Setters and `assign_attributes` assign through it.
 */
export function assignableValue(model: ModelDefinition, column: string, value: unknown): unknown {
  const enumeration = model.enums[column];
  return enumeration && !enumeration.validate ? castColumn(model, column, value, model.className) : assignedValue(model, column, value);
}

/**
 * Whether a validation of `column` reads a value it cannot hold as assigned, before the cast the write would refuse:
 * numericality (Rails reads `'abc'` before its type cast) and a validating enum's inclusion.
 */
export function validatesUncast(model: ModelDefinition, column: string): boolean {
  return model.enums[column]?.validate === true || validatesNumber(model, column);
}

/** Whether a numericality validation reads `column`: Rails' reads the value as typed (`'1.0'`, `'0x1A'`, `'abc'`). */
export function validatesNumber(model: ModelDefinition, column: string): boolean {
  // Own keys only: a column may be named `constructor`.
  return Object.hasOwn(model.validations, column) && model.validations[column]!.some((rule) => rule.kind === 'numericality');
}
