// One stack + one Zero client + a SQL connection: what every integration test file starts in
// beforeAll and closes in afterAll.
import postgres from 'postgres';
import * as exampleServer from '../../../examples/stack/server.ts';
import { serverAppFrom } from '../../../runtime/server/index.ts';
import { startStack, type Stack, type StackOptions, type StackServerOptions } from '../../../scripts/stack/start-stack.ts';
import { ConnectionLog } from './connection-log.ts';
import { SYNC_MODE } from './mode.ts';
import { stackZero, type StackZero } from './stack-zero.ts';

export interface StackSession {
  stack: Stack;
  sql: postgres.Sql;
  z: StackZero;
  connection: ConnectionLog;
  close(): Promise<void>;
}

/** The example app's endpoints (examples/stack/server.ts), with `overrides` (a test's policies, say). */
export function exampleStackOptions(overrides: Partial<StackServerOptions> = {}): StackOptions {
  if (SYNC_MODE === 'legacy') return { mode: 'legacy' };
  return { mode: 'modern', server: { ...serverAppFrom(exampleServer, 'examples/stack/server.ts'), logLevel: 'error', ...overrides } };
}

/** Starts the stack (in this run's SYNC_MODE) and a Zero client on it; resolves once the client is connected. */
export async function startStackSession(options: StackOptions = exampleStackOptions()): Promise<StackSession> {
  const stack = await startStack(options);
  console.log(`stack start, ${stack.mode} mode (ms):`, JSON.stringify(stack.timings));
  const sql = postgres(stack.pgUrl, { max: 2, onnotice: () => {} });
  const z = stackZero(stack);
  const connection = new ConnectionLog(z.connection.state);
  const close = async (): Promise<void> => {
    connection.close();
    await z.close();
    await sql.end();
    await stack.stop();
  };
  try {
    await connection.until('connected');
  } catch (error) {
    await close();
    throw error;
  }
  return { stack, sql, z, connection, close };
}
