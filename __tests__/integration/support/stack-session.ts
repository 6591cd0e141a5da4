// One stack + one Zero client + a SQL connection: what every integration test file starts in
// beforeAll and closes in afterAll.
import type { Zero } from '@rocicorp/zero';
import postgres from 'postgres';
import type { schema } from '../../../examples/stack/schema.ts';
import { startStack, type Stack } from '../../../scripts/stack/start-stack.ts';
import { ConnectionLog } from './connection-log.ts';
import { stackZero } from './stack-zero.ts';

export interface StackSession {
  stack: Stack;
  sql: postgres.Sql;
  z: Zero<typeof schema>;
  connection: ConnectionLog;
  close(): Promise<void>;
}

/** Starts the stack and a Zero client on it; resolves once the client is connected. */
export async function startStackSession(): Promise<StackSession> {
  const stack = await startStack();
  console.log('stack start (ms):', JSON.stringify(stack.timings));
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
