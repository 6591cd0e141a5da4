// Workload numbers for the board header and the 7am digest email.
import { ReactiveQuery } from '../data/reactive-query.svelte';
import { Case } from '#data';
import { getZero } from '@/data/zero';

/** @typedef {import('#data').Case} LabCase */

/**
 * @param {ReactiveQuery<LabCase>} query
 * @param {number} [now]
 * @returns {{ total: number, rush: number, overdue: number }}
 */
export function summarize(query, now = Date.now()) {
  const rows = query.current;
  return {
    total: rows.length,
    rush: rows.filter((c) => c.rush).length,
    overdue: rows.filter((c) => c.status !== 'shipped' && c.due_at < now).length,
  };
}

/**
 * Resolve with today's due cases once Zero has answered.
 * @param {number} [now]
 * @returns {Promise<LabCase[]>}
 */
export function loadDueToday(now = Date.now()) {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const from = start.getTime();
  const to = from + 86_400_000;
  /** @type {ReactiveQuery<LabCase>} */
  const query = new ReactiveQuery(
    () => getZero()?.query.cases.where('due_at', '>=', from).where('due_at', '<', to),
    /** @type {LabCase[]} */ ([]),
    '1m',
  );
  return new Promise((resolve, reject) => {
    // subscribe() calls back synchronously, so clean up on a microtask
    const stop = query.subscribe((rows, { isLoading, error }) => {
      if (isLoading) return;
      queueMicrotask(() => {
        stop();
        query.destroy();
      });
      if (error) reject(error);
      else resolve(rows);
    });
  });
}

/**
 * Number of open cases for a practice (used on the invoice screen).
 * NB: reads the handle once; returns 0 if Zero hasn't synced yet.
 * @param {string} practiceId
 */
export function practiceBacklog(practiceId) {
  const handle = Case.where({ practice_id: practiceId });
  const count = handle.current.filter((c) => c.status !== 'shipped').length;
  handle.destroy();
  return count;
}

/**
 * Average days from received to shipped.
 * @param {LabCase[]} rows
 */
export function averageTurnaround(rows) {
  const shipped = rows.filter((c) => c.status === 'shipped');
  if (shipped.length === 0) return 0;
  const total = shipped.reduce((sum, c) => sum + (c.updated_at - c.received_at), 0);
  return total / shipped.length / 86_400_000;
}
