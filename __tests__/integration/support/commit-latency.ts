// Commit -> listener latency: the time from PostgreSQL acknowledging a commit (postgres.js resolves)
// to the listener of a live `status = 'active'` jobs view seeing it.
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import { has, lacks, type JobLike } from './rows.ts';
import { newId } from './stack-zero.ts';
import type { ViewWaiter } from './view-waiter.ts';

/** `rounds` inserts into the view and `rounds` updates that move the row out of it; one sample (ms) each. */
export async function commitToListenerLatency<T extends JobLike>(sql: postgres.Sql, activeJobs: ViewWaiter<T>, rounds = 20): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const id = newId();
    const inserted = activeJobs.until(has(id), `latency insert ${i}`);
    await sql`INSERT INTO jobs (id, title, status, priority) VALUES (${id}, ${`latency ${i}`}, 'active', ${i})`;
    const committed = performance.now();
    samples.push((await inserted) - committed);

    const left = activeJobs.until(lacks(id), `latency status change ${i}`);
    await sql`UPDATE jobs SET status = 'done' WHERE id = ${id}`;
    const updated = performance.now();
    samples.push((await left) - updated);
  }
  return samples;
}
