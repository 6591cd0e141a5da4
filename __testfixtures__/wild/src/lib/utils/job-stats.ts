import type { Job, ModelHandle, ReactiveQuery } from '$lib/zero';
import { Job as JobModel } from '$lib/zero';

export interface JobStats {
  total: number;
  byStatus: Record<string, number>;
  overdue: number;
}

export function statsFor(jobs: readonly Job[], now = Date.now()): JobStats {
  const byStatus: Record<string, number> = {};
  let overdue = 0;
  for (const j of jobs) {
    byStatus[j.status] = (byStatus[j.status] ?? 0) + 1;
    if (j.due_at && j.due_at < now && j.status !== 'done') overdue++;
  }
  return { total: jobs.length, byStatus, overdue };
}

/** Snapshot of whatever the handle currently holds (no waiting). */
export function snapshot(handle: ModelHandle<Job[]> | ReactiveQuery<Job>): JobStats {
  const rows = 'value' in handle ? handle.value : handle.data;
  return statsFor(rows ?? []);
}

/** Resolves with the first non-loading result of a query, then lets it go. */
export function firstResult<T>(query: ReactiveQuery<T>, timeoutMs = 2000): Promise<T[]> {
  return new Promise((resolve, reject) => {
    let unsubscribe: (() => void) | undefined = undefined;
    const timer = setTimeout(() => {
      unsubscribe?.();
      reject(new Error('query timed out'));
    }, timeoutMs);
    unsubscribe = query.subscribe((data, meta) => {
      if (meta.isLoading) return;
      clearTimeout(timer);
      // subscribe() calls back synchronously the first time, `unsubscribe` may not be set yet
      queueMicrotask(() => unsubscribe?.());
      if (meta.error) reject(meta.error);
      else resolve(data);
    });
  });
}

/** Used by the console helper `window.__jobStats()` */
export function currentStats(): JobStats {
  const all = JobModel.all();
  try {
    return statsFor(all.current);
  } finally {
    all.destroy();
  }
}
