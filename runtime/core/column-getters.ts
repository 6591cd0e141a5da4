/**
 * Column getters written into generated models: one getter per column that names its column in its own source
 * (`get title() { return this[RECORD_VALUES]["title"]; }`), so every column read keeps its own inline cache. The
 * runtime's getters for hand-written configs share one function for all columns, whose `row[column]` goes megamorphic
 * as soon as an app reads two columns; compiling per-column getters at run time (`new Function`) would need
 * `'unsafe-eval'` under a Content Security Policy. Reactive records and handles use these getters; ActiveRecord
 * records keep their columns as own properties and ignore them.
 */
import type { RowData } from './zero-types.ts';

/**
 * What a reactive record's column getters read: Zero's row while the record has no unsaved state, else a view of its
 * current values (assigned, saved, else Zero's) that effects track; an empty object while a handle's record is not
 * found.
 */
export const RECORD_VALUES: unique symbol = Symbol('zero-record.values');

/**
 * `RECORD_VALUES` of a handle whose record is not there: every column reads undefined. An object, not undefined, so
 * getters need no `?.`: measured, the optional chain made a loop reading four columns of 10,000 records ~20% slower.
 */
export const NO_VALUES: RowData = Object.freeze(Object.create(null) as RowData);

/** `this` in generated column getters. */
export interface RecordValues {
  readonly [RECORD_VALUES]: RowData;
}

/** A config's `columnGetters` (made with `defineColumnGetters`). */
export type ColumnGetters = object & ThisType<RecordValues>;

/**
 * A config's `columnGetters`: one getter per record column (the shadowed ones left out), each returning
 * `this[RECORD_VALUES]["<column>"]` (a string-literal key is the same named load as `.<column>`, and type-checks
 * under `noPropertyAccessFromIndexSignature`). The generator writes them; hand-written configs may leave them out.
 * The call types `this` in the getters, which TypeScript does not do inside `defineModel`'s inferred config.
 * @example
 * columnGetters: defineColumnGetters({
 *   get id() { return this[RECORD_VALUES]["id"]; },
 *   get title() { return this[RECORD_VALUES]["title"]; },
 * }),
 */
export function defineColumnGetters(getters: ColumnGetters): ColumnGetters {
  return Object.freeze(getters);
}

/** What is wrong with `getters` for a model whose record columns (shadowed ones left out) are `columns`. */
export function columnGetterProblems(getters: unknown, columns: readonly string[]): string[] {
  if (typeof getters !== 'object' || getters === null) return ["'columnGetters' must be an object of column getters (regenerate the model)"];
  const descriptors = Object.getOwnPropertyDescriptors(getters);
  const problems: string[] = [];
  const missing = columns.filter((column) => typeof descriptors[column]?.get !== 'function');
  if (missing.length > 0) problems.push(`columnGetters has no getter for ${missing.map((c) => `'${c}'`).join(', ')} (regenerate the model)`);
  const unknown = Reflect.ownKeys(descriptors).filter((name) => typeof name !== 'string' || !columns.includes(name));
  if (unknown.length > 0) problems.push(`columnGetters defines ${unknown.map((n) => `'${String(n)}'`).join(', ')}, not a record column (regenerate the model)`);
  return problems;
}
