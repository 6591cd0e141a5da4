// @ts-check
// CSV export for the jobs list. Plain JS because it was copied from the old admin app.

/**
 * @typedef {import('$lib/zero').Job} Job
 * @typedef {import('$lib/zero').ReactiveQuery<Job>} JobsQuery
 */

const COLUMNS = /** @type {const} */ (['id', 'title', 'status', 'priority', 'due_at']);

/** @param {unknown} v */
function cell(v) {
  if (v == null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * @param {JobsQuery} query
 * @returns {string}
 */
export function jobsToCsv(query) {
  if (query.loading) return '';
  const rows = query.current;
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\n');
}

/**
 * @param {{ current: Job | null, error: Error | null }} handle anything with a current job
 */
export function jobToCsvLine(handle) {
  const job = handle.current;
  return job ? COLUMNS.map((c) => cell(job[c])).join(',') : '';
}
