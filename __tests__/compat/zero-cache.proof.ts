/**
 * Against a real PostgreSQL + zero-cache (scripts/stack): on both flag values, compat's `resultType` reaches
 * 'complete' once zero-cache answered (the legacy layer never showed it), rows written upstream arrive, and a missing
 * TTL is the legacy '1h' as sent, which zero-cache's own records show clamped to 10 minutes.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { ReactiveQuery, ReactiveQueryOne, configureRecords } from '../../compat/index.ts';
import { setWarningSink } from '../../runtime/index.ts';
import { desiredQueries } from '../integration/support/cvr.ts';
import { waitForValue, waitUntil } from '../support/wait.ts';
import { useRuntimeStack } from '../integration/support/runtime-stack.ts';
import { FLAGS } from './legacy-zero.ts';

const session = useRuntimeStack();
setWarningSink(() => {});
afterEach(() => configureRecords({ useNewRecordArchitecture: false }));

describe.each(FLAGS)('compat on the $path with zero-cache', ({ useNewRecordArchitecture }) => {
  test("resultType goes from 'unknown' to 'complete'; upstream rows arrive; the missing TTL is clamped to 10 minutes", async () => {
    configureRecords({ useNewRecordArchitecture });
    const { z, sql } = session();
    const status = `compat-${randomUUID()}`;
    const id = randomUUID();
    const jobs = new ReactiveQuery<{ id: string; title: string }>(() => z.query.jobs.where('status', status));
    const job = new ReactiveQueryOne<{ id: string; title: string }>(() => z.query.jobs.where('id', id).one(), null, '2m');
    expect([jobs.resultType, job.resultType]).toEqual(['unknown', 'unknown']);
    const stops = [jobs.subscribe(() => {}), job.subscribe(() => {})];
    try {
      await waitUntil("resultType 'complete'", async () => jobs.resultType === 'complete' && job.resultType === 'complete');
      expect([jobs.current, job.current, jobs.isLoading]).toEqual([[], null, false]);

      await sql`INSERT INTO jobs (id, title, status) VALUES (${id}, 'From Rails', ${status})`;
      await waitUntil('the upstream row', async () => jobs.current.length === 1 && job.current);
      expect(job.current?.title).toBe('From Rails');
      expect(job.resultType).toBe('complete');

      const ttls = await waitForValue(
        "zero-cache's records of both queries",
        async () => {
        const queries = (await desiredQueries(sql, z.clientID)).filter((q) => JSON.stringify(q.ast).includes(status) || JSON.stringify(q.ast).includes(id));
        return queries.length === 2 ? queries.map((q) => q.ttlMs).sort() : undefined;
      },
      );
      expect(ttls).toEqual([120_000, 600_000]);
    } finally {
      stops.forEach((stop) => stop());
    }
  });
});
