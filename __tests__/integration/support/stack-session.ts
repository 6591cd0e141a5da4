// One stack + one Zero client + a SQL connection: what every integration test file opens in
// beforeAll and closes in afterAll, on a stack of its own or on its mode's shared stack.
import postgres from 'postgres';
import * as exampleServer from '../../../examples/stack/server.ts';
import { serverAppFrom } from '../../../runtime/server/index.ts';
import { startStack, type Stack, type StackMode, type StackOptions, type StackServerOptions } from '../../../scripts/stack/start-stack.ts';
import { ConnectionLog } from './connection-log.ts';
import { SYNC_MODE } from './mode.ts';
import type { StackAddress } from './shared-stack.ts';
import { stackZero, type StackZero } from './stack-zero.ts';

/** `S`: the file's own Stack (it may stop and restart zero-cache), or the address of a shared one. */
export interface StackSession<S extends StackAddress = Stack> {
  stack: S;
  sql: postgres.Sql;
  z: StackZero;
  connection: ConnectionLog;
  close(): Promise<void>;
}

/** The example app's endpoints (examples/stack/server.ts), with `overrides` (a test's policies, say). */
export function exampleStackOptions(overrides: Partial<StackServerOptions> = {}, mode: StackMode = SYNC_MODE): StackOptions {
  if (mode === 'legacy') return { mode: 'legacy' };
  return { mode: 'modern', server: { ...serverAppFrom(exampleServer, 'examples/stack/server.ts'), logLevel: 'error', ...overrides } };
}

/** A SQL connection and a Zero client on `stack`; resolves once the client is connected. `close` ends both, then `release`. */
export async function openStackSession<S extends StackAddress>(stack: S, release: () => Promise<void>): Promise<StackSession<S>> {
  const sql = postgres(stack.pgUrl, { max: 2, onnotice: () => {} });
  const z = stackZero(stack);
  const connection = new ConnectionLog(z.connection.state);
  const close = async (): Promise<void> => {
    connection.close();
    await z.close();
    await sql.end();
    await release();
  };
  try {
    await connection.until('connected');
  } catch (error) {
    await close();
    throw error;
  }
  return { stack, sql, z, connection, close };
}

/** Starts a stack of this file's own (in this run's SYNC_MODE) and a Zero client on it. */
export async function startStackSession(options: StackOptions = exampleStackOptions()): Promise<StackSession> {
  const stack = await startStack(options);
  console.log(`stack start, ${stack.mode} mode (ms):`, JSON.stringify(stack.timings));
  return openStackSession(stack, () => stack.stop());
}
