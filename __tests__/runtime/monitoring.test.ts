/**
 * The monitoring hook (`onEvent`) for one-shot reads, writes and compat queries, on real local Zero clients (the live
 * subscriptions' outcomes are counted by the contract suite, __tests__/contract/live-subscription.svelte.test.ts).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ActiveRecord, ConnectionError, RecordNotFoundError, defineModel, onEvent, type ZeroRecordEvent } from '../../runtime/index.ts';
import { ReactiveQuery } from '../../compat/index.ts';
import { setWarningSink } from '../../runtime/core/warn.ts';
import { localZero, schema } from '../support/zero.ts';
import { FLAGS, getZero, useLegacyApp } from '../compat/legacy-zero.ts';

let events: ZeroRecordEvent[] = [];
let stop: () => void = () => {};
beforeEach(() => {
  events = [];
  stop = onEvent((event) => events.push(event));
});
afterEach(() => stop());

/** The events without their durations (which only have to be numbers). */
const outcomes = () =>
  events.map(({ durationMs, ...rest }) => {
    expect(durationMs).toBeGreaterThanOrEqual(0);
    return rest;
  });

describe('reads and writes of a model', () => {
  const z = localZero();
  const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: () => z }));
  const ok = (operation: string) => ({ model: 'Job', operation, error: null, newArchitecture: true });

  test('every one-shot read and every write is one event, failures with their error class', async () => {
    const job = await Job.create({ id: 'j1', title: 'Fix the boiler' }); // the duplicate-key check, then the insert
    await Job.find('j1');
    await expect(Job.find('missing')).rejects.toThrow(RecordNotFoundError);
    await job.update({ title: 'Fix the heater' });
    await Job.upsert({ id: 'j2', title: 'Paint the fence' });
    await Job.destroy('j2'); // finds first, then deletes
    expect(outcomes()).toEqual([
      ok('read'), ok('insert'),
      ok('read'),
      { ...ok('read'), error: 'RecordNotFoundError' },
      ok('update'),
      ok('upsert'),
      ok('read'), ok('delete'),
    ]);
  });

  test('a read that cannot start (closed client) is an event too', async () => {
    const closed = localZero();
    await closed.close();
    const Orphan = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: closed }));
    await expect(Orphan.find('j1')).rejects.toThrow(ConnectionError);
    expect(outcomes()).toEqual([{ ...ok('read'), error: 'ConnectionError' }]);
  });

  test('a hook that throws does not break the read; removing it stops the events', async () => {
    const warnings: string[] = [];
    const previous = setWarningSink((message) => warnings.push(message));
    try {
      onEvent(() => {
        throw new Error('metrics backend down');
      });
      await expect(Job.where({ title: 'x' })).resolves.toEqual([]);
      expect(warnings).toEqual([expect.stringContaining('the onEvent hook threw (Error: metrics backend down)')]);
      onEvent(undefined);
      await Job.where({ title: 'x' });
      expect(events).toEqual([]);
    } finally {
      setWarningSink(previous);
    }
  });
});

describe.each(FLAGS)('compat queries on the $path', ({ useNewRecordArchitecture }) => {
  useLegacyApp(useNewRecordArchitecture);

  test('a live compat query reports its first answer, flagged with the path it ran on', () => {
    const query = new ReactiveQuery(() => getZero()?.query.jobs.where('status', 'active'), [], '5m');
    const unsubscribe = query.subscribe(() => {});
    unsubscribe();
    query.destroy();
    expect(outcomes()).toEqual([{ model: 'Job', operation: 'live', error: null, newArchitecture: useNewRecordArchitecture }]);
  });
});
