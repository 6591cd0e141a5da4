// One stack + one Zero client + a SQL connection, with the runtime pointed at that client, for
// test files that exercise the runtime end to end. Call in beforeAll; `close` in afterAll.
import type { Zero } from '@rocicorp/zero';
import postgres from 'postgres';
import type { schema } from '../../../examples/stack/schema.ts';
import { configureZero } from '../../../runtime/index.ts';
import { startStack, type Stack } from '../../../scripts/stack/start-stack.ts';
import { ConnectionLog } from './connection-log.ts';
import { stackZero } from './stack-zero.ts';

export interface RuntimeStack {
  stack: Stack;
  sql: postgres.Sql;
  z: Zero<typeof schema>;
  connection: ConnectionLog;
  close(): Promise<void>;
}

export async function startRuntimeStack(): Promise<RuntimeStack> {
  const stack = await startStack();
  console.log('stack start (ms):', JSON.stringify(stack.timings));
  const sql = postgres(stack.pgUrl, { max: 2, onnotice: () => {} });
  const z = stackZero(stack);
  const connection = new ConnectionLog(z.connection.state);
  configureZero(() => z);
  await connection.until('connected');
  return {
    stack,
    sql,
    z,
    connection,
    async close() {
      configureZero(undefined);
      connection.close();
      await z.close();
      await sql.end();
      await stack.stop();
    },
  };
}
