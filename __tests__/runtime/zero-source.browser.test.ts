// @vitest-environment jsdom
/**
 * The wait for Zero in a browser (a DOM, as jsdom gives): a function source may answer later (the app creates its client
 * in onMount or after a login), so reads wait for it, polling, up to the timeout.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { ZeroNotReadyError, configureZero, defineModel } from '../../runtime/index.ts';
import { awaitZero } from '../../runtime/core/zero-source.ts';
import { localZero, schema } from '../support/zero.ts';

afterEach(() => configureZero(undefined));

const jobs = defineModel({ schema, table: 'jobs' });

describe('waiting for Zero in a browser', () => {
  test('a function source is polled until it returns the client', async () => {
    let z: ReturnType<typeof localZero> | undefined;
    configureZero(() => z);
    const waiting = awaitZero(jobs);
    setTimeout(() => (z = localZero()), 30);
    expect(await waiting).toBe(z);
    await z!.close();
  });

  test('gives up with ZeroNotReadyError after the timeout', async () => {
    configureZero(() => undefined);
    const waiting = awaitZero(jobs, 60);
    await expect(waiting).rejects.toThrow(ZeroNotReadyError);
    await expect(waiting).rejects.toThrow(/^Job: Zero was not ready after 60 ms \(the configured source kept returning undefined\)$/);
  });
});
