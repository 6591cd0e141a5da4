/**
 * `values` without repeats, first seen first: Ruby's `uniq`, and SQL's DISTINCT over plucked values. A scalar compares
 * as itself (1 and '1' differ, as in SQL); a list (a tuple of values) by its values.
 */
export function uniqueValues<T>(values: readonly T[]): T[] {
  const seen = new Set<unknown>();
  return values.filter((value) => {
    const key = Array.isArray(value) ? JSON.stringify(value) : value;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
