/**
 * The column copy written into generated models: one function per model that copies each record column from Zero's
 * row onto a new ActiveRecord record by name (`record["title"] = row["title"];`), so every column keeps its own inline
 * cache. The runtime's own copy, used by hand-written configs, is one loop over the column names for every model,
 * which V8 serves from its megamorphic cache; compiling a copy per model at run time (`new Function`) would need
 * `'unsafe-eval'` under a Content Security Policy. ActiveRecord records use it; reactive records read Zero's row
 * through their column getters and ignore it.
 */
import type { RowData } from './zero-types.ts';

/** A config's `columnCopy` (made with `defineColumnCopy`): copies each record column of `row` onto `record`, in schema order. */
export type ColumnCopy = (record: Record<string, unknown>, row: RowData) => void;

/**
 * A config's `columnCopy`: one assignment per record column (the shadowed ones left out), in schema order. The
 * generator writes it; hand-written configs may leave it out.
 * @example
 * columnCopy: defineColumnCopy((record, row) => {
 *   record["id"] = row["id"];
 *   record["title"] = row["title"];
 * }),
 */
export function defineColumnCopy(copy: ColumnCopy): ColumnCopy {
  return copy;
}

/** A key of the probe row that no table has: a copy that copies it copies whatever a row holds. */
const NOT_A_COLUMN = 'zero-record: not a column';

/**
 * What is wrong with `copy` for a model whose record columns (shadowed ones left out) are `columns`: it is run once on
 * a row of markers (its record columns, the `shadowed` ones and a key no table has, as Zero's rows also hold shadowed
 * columns and loaded associations), and must copy exactly the record columns, in that order (the order every record's
 * properties take).
 */
export function columnCopyProblems(copy: unknown, columns: readonly string[], shadowed: readonly string[]): string[] {
  if (typeof copy !== 'function') return ["'columnCopy' must be a column copy function (regenerate the model)"];
  const row: Record<string, symbol> = {};
  // defineProperty: a shadowed `__proto__` column must be a key of the row, not its prototype.
  for (const name of [...columns, ...shadowed, NOT_A_COLUMN]) Object.defineProperty(row, name, { value: Symbol(name), enumerable: true });
  const record: Record<string, unknown> = {};
  try {
    (copy as ColumnCopy)(record, row);
  } catch (error) {
    return [`columnCopy threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} (regenerate the model)`];
  }
  const copied = Object.keys(record);
  const list = (names: readonly string[]): string => names.map((name) => `'${name}'`).join(', ');
  const missing = columns.filter((column) => !copied.includes(column));
  const unknown = copied.filter((name) => !columns.includes(name));
  const wrong = copied.filter((name) => columns.includes(name) && record[name] !== row[name]);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`columnCopy does not copy ${list(missing)} (regenerate the model)`);
  if (unknown.length > 0) problems.push(`columnCopy sets ${list(unknown)}, not a record column (regenerate the model)`);
  if (wrong.length > 0) problems.push(`columnCopy sets ${list(wrong)} to another value than the row's (regenerate the model)`);
  if (problems.length === 0 && copied.join('\0') !== columns.join('\0')) problems.push('columnCopy copies the columns out of schema order (regenerate the model)');
  return problems;
}
