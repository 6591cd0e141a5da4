// Commit -> listener latency: the time from PostgreSQL acknowledging a commit (postgres.js resolves)
// to the listener of a live `status = 'active'` jobs view seeing it.
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import { has, lacks, type JobLike } from './rows.ts';
import { newId } from './stack-zero.ts';
import type { ViewWaiter } from './view-waiter.ts';

/** Per operation (ms): from PostgreSQL acknowledging the commit, and from sending the statement, to the listener seeing it. */
export interface LatencySamples {
  /** The latency reported. Negative when the listener ran before postgres.js resolved the commit (the event loop was busy). */
  readonly fromCommit: number[];
  /** Always positive when the view reacts to the write itself: a listener cannot see a row before its statement is sent. */
  readonly fromSend: number[];
}

/** `rounds` inserts into the view and `rounds` updates that move the row out of it; one sample of each kind per operation. */
export async function commitToListenerLatency<T extends JobLike>(sql: postgres.Sql, activeJobs: ViewWaiter<T>, rounds = 20): Promise<LatencySamples> {
  const samples: LatencySamples = { fromCommit: [], fromSend: [] };
  const measure = async (seen: Promise<number>, write: () => Promise<unknown>) => {
    const sent = performance.now();
    await write();
    const committed = performance.now();
    const at = await seen;
    samples.fromCommit.push(at - committed);
    samples.fromSend.push(at - sent);
  };
  for (let i = 0; i < rounds; i++) {
    const id = newId();
    await measure(activeJobs.until(has(id), `latency insert ${i}`), () => sql`INSERT INTO jobs (id, title, status, priority) VALUES (${id}, ${`latency ${i}`}, 'active', ${i})`);
    await measure(activeJobs.until(lacks(id), `latency status change ${i}`), () => sql`UPDATE jobs SET status = 'done' WHERE id = ${id}`);
  }
  return samples;
}
