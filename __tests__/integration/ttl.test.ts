// The model's TTL reaches zero-cache: read back from zero-cache's own client view records, where
// it stores, per client and query, the TTL the client asked for and when the query went inactive.
import { describe, expect, it } from 'vitest';
import { ActiveJob } from './support/models.ts';
import { desiredQueries, type DesiredQuery } from './support/cvr.ts';
import { waitForValue } from '../support/wait.ts';
import { useSharedRuntimeStack } from './support/runtime-stack.ts';

// Shares its mode's stack: it neither stops zero-cache nor needs endpoints of its own.
const session = useSharedRuntimeStack();

/** A jobs query of either mode: client-built on `jobs` (legacy), or the jobs relation query (modern). */
const isJobsQuery = (query: DesiredQuery): boolean => query.table === 'jobs' || query.queryName === 'job.relation';

/** The literal a single-condition query compares with (`where({ priority: 7 })` -> 7): in its AST, or in its relation spec. */
function literalOf(query: DesiredQuery): unknown {
  if (query.ast) return (query.ast as { where?: { right?: { value?: unknown } } }).where?.right?.value;
  return (query.queryArgs?.[0] as { where?: { value?: unknown } } | undefined)?.where?.value;
}

/** Waits until zero-cache's record of this client's `jobs` query on `literal` satisfies `predicate`. */
function jobsQuery(literal: unknown, predicate: (q: DesiredQuery | undefined) => boolean, what: string): Promise<DesiredQuery | null> {
  return waitForValue(
    what,
    async () => {
    const query = (await desiredQueries(session().sql, session().z.clientID)).find((q) => isJobsQuery(q) && literalOf(q) === literal);
    return predicate(query) ? (query ?? null) : undefined;
  },
  );
}

describe('TTL reaches zero-cache', () => {
  it("registers a live query with the model's TTL ('2m')", async () => {
    const stop = ActiveJob.where({ status: 'active' }).subscribe(() => {});
    try {
      const query = await jobsQuery('active', (q) => q?.deleted === false, 'the status=active query');
      expect(query?.ttlMs).toBe(120_000);
      expect(query?.inactivatedAtMs).toBeNull();
    } finally {
      stop();
    }
  });

  it("registers a relation's .ttl('30s') override", async () => {
    const stop = ActiveJob.where({ status: 'done' }).ttl('30s').subscribe(() => {});
    try {
      const query = await jobsQuery('done', (q) => q?.deleted === false, 'the status=done query');
      expect(query?.ttlMs).toBe(30_000);
    } finally {
      stop();
    }
  });

  it("keeps a released query hydrated for its TTL, and drops a released ttl('none') query", async () => {
    const stopKept = ActiveJob.where({ priority: 7 }).ttl('1m').subscribe(() => {});
    const stopDropped = ActiveJob.where({ priority: 8 }).ttl('none').subscribe(() => {});
    await jobsQuery(7, (q) => q?.deleted === false, 'the 1-minute query while subscribed');
    await jobsQuery(8, (q) => q?.deleted === false, "the ttl('none') query while subscribed");
    stopKept();
    stopDropped();

    const kept = await jobsQuery(7, (q) => q?.deleted === true, 'the 1-minute query released');
    expect(kept?.inactivatedAtMs).not.toBeNull();
    // zero-cache evicts a query when its TTL has run out since inactivation: at once for 'none'.
    await jobsQuery(8, (q) => q === undefined || q.queryDeleted === true, "the ttl('none') query evicted");
    const stillKept = await jobsQuery(7, () => true, 'the 1-minute query after the eviction');
    expect(stillKept?.queryDeleted).toBe(false);
  });
});
