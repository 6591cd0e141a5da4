// @vitest-environment jsdom
/**
 * Negative control for the leak tiers' timer count: in a browser (a DOM) a subscription waiting for a Zero the app has not
 * created yet polls for it, and the count sees that timer until the Zero comes and the poll ends. (Outside a browser
 * such a read fails at once: nothing there will create the client.)
 */
import { afterEach, expect, test } from 'vitest';
import type { Zero } from '@rocicorp/zero';
import { ActiveRecord, defineModel } from '../../runtime/index.ts';
import { schema, type TestSchema } from '../support/zero.ts';
import { countingZero, pendingTimers, settle, timerCount, timersAfterClosing } from './leak-check.ts';

let current: Zero<TestSchema> | undefined;
const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: () => current }));

async function closeZero(): Promise<void> {
  await current?.close();
  current = undefined;
}
afterEach(closeZero);

test('a subscription waiting for a Zero that is not created yet shows as a pending runtime timer, gone once Zero comes', async () => {
  const timers = await pendingTimers();
  const delivered: unknown[][] = [];
  const unsubscribe = Job.all().subscribe((records) => delivered.push(records));
  expect(timerCount()).toBeGreaterThan(timers);
  current = countingZero();
  await settle(100); // the poll finds the Zero and ends
  expect(delivered).toEqual([[]]);
  unsubscribe();
  expect(await timersAfterClosing(closeZero, timers)).toBeLessThanOrEqual(timers);
});
