/**
 * The feature flag: which path a compat query runs on, per model, flipped at runtime while queries are live.
 * The paths are told apart by what Zero holds: the new runtime shares one view between identical queries,
 * the legacy path materializes one per instance.
 */
import { describe, expect, test } from 'vitest';
import { configureZero } from '../../runtime/index.ts';
import { ReactiveQuery, configureRecords, type CompatModel } from '../../compat/index.ts';
import { zeroViewCounts } from '../support/zero-views.ts';
import { getZero, useLegacyApp, type Job } from './legacy-zero.ts';
import { waitUntil } from '../support/wait.ts';

const activeJobs = () => getZero()?.query.jobs.where('status', 'active');
const allClients = () => getZero()?.query.clients;

describe('useNewRecordArchitecture', () => {
  const app = useLegacyApp(false);
  const views = async () => (await zeroViewCounts(app.z)).views;

  function twoLiveQueries(thunk: typeof activeJobs | typeof allClients) {
    const seen: number[][] = [[], []];
    const stops = [0, 1].map((i) => new ReactiveQuery<{ id: string }>(thunk, [], '5m').subscribe((rows) => seen[i]!.push(rows.length)));
    return { seen, stop: () => stops.forEach((stop) => stop()) };
  }

  test('false: one Zero view per instance (legacy); true: identical queries share one runtime view', async () => {
    const legacy = twoLiveQueries(activeJobs);
    expect(await views()).toBe(2);
    legacy.stop();
    configureRecords({ useNewRecordArchitecture: true });
    const runtime = twoLiveQueries(activeJobs);
    expect(await views()).toBe(1);
    runtime.stop();
    expect(await views()).toBe(0);
  });

  test('flipping it moves live queries to the other path at once, and they keep following writes', async () => {
    const live = twoLiveQueries(activeJobs);
    expect(await views()).toBe(2);
    configureRecords({ useNewRecordArchitecture: true });
    expect(await views()).toBe(1);
    await app.z.mutate.jobs.insert({ id: 'j9', title: 'Mow the lawn', status: 'active', priority: 2 });
    await waitUntil('both live queries to see the inserted job', () => expect(live.seen.map((s) => s.at(-1))).toEqual([3, 3]));
    configureRecords({ useNewRecordArchitecture: false });
    expect(await views()).toBe(2);
    await app.z.mutate.jobs.delete({ id: 'j9' });
    await waitUntil('both live queries to drop the deleted job', () => expect(live.seen.map((s) => s.at(-1))).toEqual([2, 2]));
    live.stop();
    expect(await views()).toBe(0);
  });

  test('a function decides per model, from the table and its Rails class name', async () => {
    const asked: CompatModel[] = [];
    configureRecords({
      useNewRecordArchitecture: (model) => {
        asked.push(model);
        return model.className === 'Job';
      },
    });
    const jobs = twoLiveQueries(activeJobs);
    expect(await views()).toBe(1);
    const clients = twoLiveQueries(allClients);
    expect(await views()).toBe(3);
    expect(asked).toContainEqual({ table: 'jobs', className: 'Job' });
    expect(asked).toContainEqual({ table: 'clients', className: 'Client' });
    jobs.stop();
    clients.stop();
    expect(await views()).toBe(0);
  });

  test('true without configureZero keeps the legacy path working and says why, once', async () => {
    configureZero(undefined);
    configureRecords({ useNewRecordArchitecture: true });
    const live = twoLiveQueries(activeJobs);
    expect(live.seen).toEqual([[2], [2]]);
    expect(await views()).toBe(2);
    expect(app.warnings.filter((w) => w.includes('configureZero'))).toHaveLength(1);
    live.stop();
  });

  test('deprecationWarnings: false silences the class warnings', () => {
    configureRecords({ deprecationWarnings: false });
    new ReactiveQuery<Job>(activeJobs, [], '5m').destroy();
    expect(app.warnings.filter((w) => w.includes('deprecated'))).toEqual([]);
  });
});
