/**
 * The one wait for Zero (`whenReady` / `whenZero` / `awaitZero`), shared by reads, writes, live queries, the connection
 * watcher and compat: driven by `configureZero` when the app hands over a client, polling only a function source.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ConnectionError, ZeroNotReadyError, configureZero, defineModel } from '../../runtime/index.ts';
import { watchConnection, type ConnectionStateName } from '../../runtime/core/connection.ts';
import { awaitZero, whenReady } from '../../runtime/core/zero-source.ts';
import { localZero, schema } from '../support/zero.ts';

const ROOT = join(import.meta.dirname, '../..');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  configureZero(undefined);
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const jobs = defineModel({ schema, table: 'jobs' });

describe('waiting for Zero', () => {
  test('configureZero(client) wakes every waiter at once: nothing polls for a source that is not a function', () => {
    const states: ConnectionStateName[] = [];
    cleanups.push(watchConnection((state) => states.push(state)));
    expect(states).toEqual(['not-ready']);
    const z = localZero();
    cleanups.push(() => z.close());
    configureZero(z);
    // Synchronously, inside configureZero: no timer was involved.
    expect(states).toEqual(['not-ready', 'disconnected']);
  });

  test('outside a browser a function source answering undefined fails at once, with the likely cause: nothing will create the client', async () => {
    configureZero(() => undefined);
    const started = Date.now();
    await expect(awaitZero(jobs)).rejects.toThrow(
      /^Job: the configured Zero source returned undefined outside a browser; during server-side rendering .* no Zero client exists/,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    // A client given directly, and a function that answers, are read as before.
    const z = localZero();
    cleanups.push(() => z.close());
    configureZero(() => z);
    expect(await awaitZero(jobs)).toBe(z);
  });

  test("a server with a WorkerGlobalScope but no importScripts (Cloudflare's workerd) is a server: it fails at once too", () => {
    // Where the runtime is decided once, at load: a process of its own with workerd's global.
    const script = `globalThis.WorkerGlobalScope = class {};
      const { configureZero, defineModel } = await import(${JSON.stringify(join(ROOT, 'runtime/index.ts'))});
      const { awaitZero } = await import(${JSON.stringify(join(ROOT, 'runtime/core/zero-source.ts'))});
      const { schema } = await import(${JSON.stringify(join(ROOT, '__tests__/support/zero.ts'))});
      configureZero(() => undefined);
      const started = Date.now();
      await awaitZero(defineModel({ schema, table: 'jobs' }), 5000).catch((e) => console.log(JSON.stringify({ ms: Date.now() - started, message: e.message })));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    const answer = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { ms: number; message: string };
    expect(answer.message).toMatch(/^Job: the configured Zero source returned undefined outside a browser/);
    expect(answer.ms).toBeLessThan(1_000);
  });

  test('reports a closed client or a throwing source', async () => {
    const closed = localZero();
    await closed.close();
    configureZero(closed);
    await expect(awaitZero(jobs)).rejects.toThrow(ConnectionError);
    configureZero(() => {
      throw new Error('session expired');
    });
    await expect(awaitZero(jobs)).rejects.toThrow(new ZeroNotReadyError('Job: the configured Zero source threw: Error: session expired'));
  });

  test('a cancelled wait is never called back, by its poll or by configureZero', async () => {
    let calls = 0;
    let value: string | undefined;
    const cancel = whenReady(() => value, { polls: () => true }, () => calls++, () => calls++);
    cancel();
    value = 'ready';
    configureZero(undefined); // what would wake it
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(calls).toBe(0);
  });
});
