/**
 * The legacy surface of ReactiveQuery / ReactiveQueryOne, run once per flag value against a real local Zero:
 * the same behaviour on the legacy path and on the new runtime, and no Zero view left behind.
 */
import { describe, expect, test } from 'vitest';
import { QueryFailedError, TtlError } from '../../runtime/index.ts';
import { ReactiveQuery, ReactiveQueryOne, manyHandle, notReadyHandle, oneHandle, type QueryMeta } from '../../compat/index.ts';
import { zeroViewCounts } from '../support/zero-views.ts';
import { FLAGS, SEED, getZero, settle, useLegacyApp, type Job } from './legacy-zero.ts';
import { waitUntil } from '../support/wait.ts';

const titles = (jobs: readonly Job[]) => jobs.map((job) => job.title);
const activeJobs = () => getZero()?.query.jobs.where('status', 'active').orderBy('priority', 'desc');
const jobById = (id: string) => () => getZero()?.query.jobs.where('id', id).one();

describe.each(FLAGS)('compat on the $path', ({ useNewRecordArchitecture }) => {
  const app = useLegacyApp(useNewRecordArchitecture);
  const liveViews = async () => (await zeroViewCounts(app.z)).views;

  describe('ReactiveQuery', () => {
    test('has the rows at once when Zero is ready: data, current, isLoading, loading, error, resultType', () => {
      const query = new ReactiveQuery<Job>(activeJobs, [], '5m');
      expect(titles(query.data)).toEqual(['Fix the boiler', 'Paint the fence']);
      expect(query.current).toBe(query.data);
      expect([query.isLoading, query.loading, query.error, query.resultType]).toEqual([false, false, null, 'unknown']);
      query.destroy();
    });

    test('subscribe fires at once, then after every write, until unsubscribed', async () => {
      const query = new ReactiveQuery<Job>(activeJobs, [], '5m');
      const calls: [string[], QueryMeta][] = [];
      const unsubscribe = query.subscribe((jobs, meta) => calls.push([titles(jobs), meta]));
      expect(calls).toEqual([[['Fix the boiler', 'Paint the fence'], { isLoading: false, error: null }]]);

      await app.z.mutate.jobs.insert({ id: 'j9', title: 'Mow the lawn', status: 'active', priority: 2 });
      await waitUntil('the subscriber to see the inserted job', () => expect(calls.at(-1)?.[0]).toEqual(['Fix the boiler', 'Mow the lawn', 'Paint the fence']));
      expect(titles(query.current)).toEqual(['Fix the boiler', 'Mow the lawn', 'Paint the fence']);

      unsubscribe();
      const seen = calls.length;
      await app.z.mutate.jobs.delete({ id: 'j9' });
      await settle(20);
      expect(calls.length).toBe(seen);
      expect(await liveViews()).toBe(0);
    });

    test('retries while the thunk returns null (Zero not ready), then delivers the rows', async () => {
      app.hideZero();
      const fallback: Job[] = [];
      const query = new ReactiveQuery<Job>(activeJobs, fallback, '5m');
      expect([query.data, query.isLoading, query.resultType]).toEqual([fallback, true, 'loading']);
      const seen: [number, boolean][] = [];
      query.subscribe((jobs, { isLoading }) => seen.push([jobs.length, isLoading]));
      await settle(250);
      expect(seen).toEqual([[0, true]]);

      app.showZero();
      await waitUntil('two jobs, loaded', () => expect(seen.at(-1)).toEqual([2, false]));
      expect(query.isLoading).toBe(false);
      query.destroy();
      expect(await liveViews()).toBe(0);
    });

    test('refresh re-runs the thunk and re-materializes', async () => {
      let status = 'active';
      const query = new ReactiveQuery<Job>(() => getZero()?.query.jobs.where('status', status), [], '5m');
      const seen: string[][] = [];
      query.subscribe((jobs) => seen.push(titles(jobs)));
      status = 'done';
      expect(titles(query.current)).toEqual(['Fix the boiler', 'Paint the fence']);
      query.refresh();
      expect(seen.at(-1)).toEqual(['Install solar panels']);
      expect(titles(query.current)).toEqual(['Install solar panels']);
      expect(await liveViews()).toBe(1);
      query.destroy();
      expect(await liveViews()).toBe(0);
    });

    test('destroy stops updates and releases the view; the last data stays readable', async () => {
      const query = new ReactiveQuery<Job>(activeJobs, [], '5m');
      let calls = 0;
      query.subscribe(() => calls++);
      expect(await liveViews()).toBe(1);
      query.destroy();
      expect(await liveViews()).toBe(0);
      await app.z.mutate.jobs.insert({ id: 'j9', title: 'Mow the lawn', status: 'active', priority: 2 });
      await settle(20);
      expect(calls).toBe(1);
      expect(titles(query.current)).toEqual(['Fix the boiler', 'Paint the fence']);
      expect(await liveViews()).toBe(0);
    });

    test('instances that are only read, never destroyed, leave no Zero view (the legacy leak)', async () => {
      for (let i = 0; i < 20; i++) expect(new ReactiveQuery<Job>(activeJobs, [], '5m').current).toHaveLength(2);
      await settle();
      expect(await zeroViewCounts(app.z)).toMatchObject({ views: 0, totalConnections: 0, desiredQueries: 0 });
    });

    test('a thunk that throws becomes a typed error, isLoading false, reported to subscribers', () => {
      const query = new ReactiveQuery<Job>(() => {
        throw new Error('session expired');
      }, [], '5m');
      expect(query.error).toBeInstanceOf(QueryFailedError);
      expect(query.error?.message).toBe('session expired');
      expect((query.error?.cause as Error).message).toBe('session expired');
      expect(query.isLoading).toBe(false);
      expect(query.resultType).toBe('error');
      const metas: QueryMeta[] = [];
      query.subscribe((_jobs, meta) => metas.push(meta));
      expect(metas[0]?.error).toBeInstanceOf(QueryFailedError);
      query.destroy();
    });
  });

  describe('ReactiveQueryOne', () => {
    test('gives the row, follows writes to it, and null once it is deleted', async () => {
      const query = new ReactiveQueryOne<Job>(jobById('j1'), null, '5m');
      expect(query.data).toEqual(SEED[0]);
      expect(query.current).toBe(query.data);
      const seen: (string | null)[] = [];
      query.subscribe((job) => seen.push(job?.title ?? null));
      await app.z.mutate.jobs.update({ id: 'j1', title: 'Fix the heater' });
      await waitUntil('the renamed job', () => expect(seen.at(-1)).toBe('Fix the heater'));
      await app.z.mutate.jobs.delete({ id: 'j1' });
      await waitUntil('the deleted job to read as null', () => expect(query.current).toBeNull());
      query.destroy();
      expect(await liveViews()).toBe(0);
    });

    test('a missing row is null, not an error; the default only stands in before Zero is ready', async () => {
      const missing = new ReactiveQueryOne<Job>(jobById('nope'), SEED[1]!, '5m');
      expect([missing.data, missing.isLoading, missing.error]).toEqual([null, false, null]);
      app.hideZero();
      const early = new ReactiveQueryOne<Job>(jobById('j2'), SEED[1]!, '5m');
      expect([early.data, early.isLoading]).toEqual([SEED[1], true]);
      app.showZero();
      expect(early.data).toEqual(SEED[1]);
      expect(early.isLoading).toBe(false);
    });

    test('refresh and destroy', async () => {
      let id = 'j1';
      const query = new ReactiveQueryOne<Job>(() => getZero()?.query.jobs.where('id', id).one(), null, '5m');
      const seen: (string | undefined)[] = [];
      query.subscribe((job) => seen.push(job?.title));
      id = 'j3';
      query.refresh();
      expect(seen).toEqual(['Fix the boiler', 'Install solar panels']);
      query.destroy();
      expect(await liveViews()).toBe(0);
    });
  });

  describe('generated-model handles (manyHandle / oneHandle / notReadyHandle)', () => {
    test('find / where handles: current, value, resultType, error; fresh rows on every read; nothing live without destroy()', async () => {
      const job = oneHandle<Job>(jobById('j2'));
      expect(job.current).toEqual(SEED[1]);
      expect(job.value).toBe(job.current);
      expect([job.resultType, job.error]).toEqual(['unknown', null]);
      const active = manyHandle<Job>(activeJobs, '5m');
      expect(titles(active.current)).toEqual(['Fix the boiler', 'Paint the fence']);

      await app.z.mutate.jobs.update({ id: 'j2', title: 'Paint the gate', status: 'done' });
      expect(job.current?.title).toBe('Paint the gate');
      expect(titles(active.current)).toEqual(['Fix the boiler']);
      expect(oneHandle<Job>(jobById('missing')).current).toBeNull();
      expect(await zeroViewCounts(app.z)).toMatchObject({ views: 0, desiredQueries: 0 });
      job.destroy();
      expect(job.current?.title).toBe('Paint the gate');
    });

    test("notReadyHandle is the generator's inert handle; a thunk handle waits with resultType 'loading'", () => {
      expect(notReadyHandle<Job[]>([])).toMatchObject({ current: [], value: [], resultType: 'loading', error: null });
      app.hideZero();
      const job = oneHandle<Job>(jobById('j1'));
      expect([job.current, job.resultType]).toEqual([null, 'loading']);
      app.showZero();
      expect([job.current?.title, job.resultType]).toEqual(['Fix the boiler', 'unknown']);
      expect(app.warnings.filter((w) => w.includes('generated model finders'))).toHaveLength(1);
    });
  });

  describe('TTL', () => {
    test("legacy shapes are accepted; a missing TTL means the legacy '1h', which Zero clamps to 10 minutes (said once)", () => {
      for (const ttl of ['30s', '5m', '2h', '1d', 60_000]) new ReactiveQuery<Job>(activeJobs, [], ttl).destroy();
      new ReactiveQuery<Job>(activeJobs, []).destroy();
      new ReactiveQueryOne<Job>(jobById('j1')).destroy();
      expect(app.warnings.filter((w) => w.includes("'1h'") || w.includes('"1h"'))).toEqual([
        "ReactiveQuery: no TTL given, using default '1h'",
        `zero-record: TTL "1h" is above Zero's 10-minute maximum; Zero keeps the query for 10 minutes.`,
        "ReactiveQueryOne: no TTL given, using default '1h'",
      ]);
    });

    test('a wrongly shaped TTL is a TtlError naming the value (it used to be `ttl.slice is not a function`)', () => {
      expect(() => new ReactiveQuery<Job>(activeJobs, [], { ttl: '5m' } as unknown as string)).toThrow(TtlError);
      expect(() => new ReactiveQueryOne<Job>(jobById('j1'), null, '5 minutes')).toThrow(/Invalid TTL "5 minutes"/);
    });
  });

  test('deprecation: one warning per class per process (not per instance) pointing to MIGRATION.md and npm run migrate', () => {
    for (let i = 0; i < 3; i++) {
      new ReactiveQuery<Job>(activeJobs, [], '5m').destroy();
      new ReactiveQueryOne<Job>(jobById('j1'), null, '5m').destroy();
    }
    const deprecations = app.warnings.filter((w) => w.includes('deprecated'));
    expect(deprecations).toHaveLength(2);
    expect(deprecations[0]).toMatch(/^zero-record: ReactiveQuery is deprecated.*`npm run migrate`.*MIGRATION\.md/);
    expect(deprecations[1]).toMatch(/^zero-record: ReactiveQueryOne is deprecated/);
  });
});
