// Waiting for a custom mutation's server outcome (`z.mutate(...).server`) with a deadline that says where it stopped.
// Zero settles `.server` when the result row reaches the client in a poke; a test that awaits it bare and never gets it
// times out saying nothing. This says which step was missing: the connection, the push (the client's lastMutationID in
// PostgreSQL) or the result row (zero's mutations table), so a rare stall on a loaded machine can be told apart.
import type postgres from 'postgres';
import { ConnectionLog, type ConnectionSource } from './connection-log.ts';

interface ClientLike {
  readonly clientID: string;
  readonly connection: { readonly state: ConnectionSource };
}

/** zero-cache's upstream schema for the stack's app id `zero`, shard 0 (scripts/stack/zero-cache.ts). */
const UPSTREAM = 'zero_0';

export async function serverOutcome<T>(server: Promise<T>, z: ClientLike, sql: postgres.Sql, timeoutMs = 60_000): Promise<T> {
  const log = new ConnectionLog(z.connection.state);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), timeoutMs)));
  try {
    const first = await Promise.race([server, stalled]);
    if (first !== 'stalled') return first as T;
  } finally {
    clearTimeout(timer);
    log.close();
  }
  const clients = await sql`SELECT "lastMutationID" FROM ${sql(UPSTREAM)}.clients WHERE "clientID" = ${z.clientID}`;
  const results = await sql`SELECT "mutationID", result FROM ${sql(UPSTREAM)}.mutations WHERE "clientID" = ${z.clientID}`;
  throw new Error(
    `No server outcome within ${timeoutMs} ms for client ${z.clientID}: connection ${log.names.join(' > ')}; ` +
      `lastMutationID in PostgreSQL ${JSON.stringify(clients)}; result rows ${JSON.stringify(results)}`,
  );
}
