/** View keys: identical reads share one Zero view, and reads of different rows never do. */
import { afterEach, expect, test } from 'vitest';
import { ActiveRecord, defineModel } from '../../runtime/index.ts';
import { localZero, schema } from '../support/zero.ts';
import { waitUntil } from '../support/wait.ts';

let current: ReturnType<typeof localZero> | undefined;
const zero = () => current;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

test('finds by key of two models of one table with different primary keys read their own rows, live', async () => {
  current = localZero();
  const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero }));
  const JobByTitle = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero, className: 'JobByTitle', primaryKey: 'title' }));
  await Job.create({ id: 'x', title: 'Fix the boiler' });
  await Job.create({ id: 'y', title: 'x' });
  const byId = Job.where({ id: 'x' }).limit(1);
  const byTitle = JobByTitle.where({ title: 'x' }).limit(1);
  expect(byId.key).not.toBe(byTitle.key);
  const seen: Record<string, unknown[]> = { byId: [], byTitle: [] };
  const stops = [
    byId.subscribe((records) => seen.byId!.push(records.map((r) => r.id))),
    byTitle.subscribe((records) => seen.byTitle!.push(records.map((r) => r.id))),
  ];
  await waitUntil('both subscriptions to answer', () => expect(seen.byId!.length * seen.byTitle!.length).toBeGreaterThan(0));
  for (const stop of stops) stop();
  expect([seen.byId!.at(-1), seen.byTitle!.at(-1)]).toEqual([['x'], ['y']]);
});
