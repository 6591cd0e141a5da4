// Zero's push protocol spoken directly to the Rails endpoint, as zero-cache speaks it (zero-cache/src/custom/fetch.js):
// POST <ZERO_MUTATE_URL>?schema=<app>_<shard>&appID=<app> with the client's bearer token. For the tests that replay,
// duplicate or reorder mutations, which a well-behaved client never sends.
import type postgres from 'postgres';
import { ZERO_SCHEMA } from './push-session.ts';

export interface CustomMutation {
  readonly clientID: string;
  readonly id: number;
  readonly name: string;
  readonly args: readonly unknown[];
}

/** A push body (zero-protocol/src/push.js, pushBodySchema). */
export function pushBody(clientGroupID: string, mutations: readonly CustomMutation[]): Record<string, unknown> {
  return {
    clientGroupID,
    pushVersion: 1,
    requestID: `request-${Math.random().toString(36).slice(2)}`,
    timestamp: Date.now(),
    mutations: mutations.map((m) => ({ type: 'custom', timestamp: Date.now(), ...m })),
  };
}

export interface PushAnswer {
  readonly status: number;
  readonly body: Record<string, unknown> | string;
}

/** POSTs `body` (an object, or raw text for malformed input); `token: null` sends no Authorization header. */
export async function push(url: string, body: unknown, options: { token?: string | null; query?: string } = {}): Promise<PushAnswer> {
  const { token = 'integration-user', query = `schema=${ZERO_SCHEMA}&appID=zero` } = options;
  const response = await fetch(`${url}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : text;
  return { status: response.status, body: json };
}

/** The client's lastMutationID in "<app>_<shard>".clients (undefined before its first mutation). */
export async function lastMutationID(sql: postgres.Sql, clientGroupID: string, clientID: string): Promise<number | undefined> {
  const rows = await sql`SELECT "lastMutationID" FROM ${sql(ZERO_SCHEMA)}.clients WHERE "clientGroupID" = ${clientGroupID} AND "clientID" = ${clientID}`;
  return rows[0] === undefined ? undefined : Number(rows[0]['lastMutationID']);
}

/** The error rows of "<app>_<shard>".mutations for a client, by mutation id. */
export async function errorRows(sql: postgres.Sql, clientGroupID: string, clientID: string): Promise<{ mutationID: number; result: unknown }[]> {
  const rows = await sql`SELECT "mutationID", result FROM ${sql(ZERO_SCHEMA)}.mutations
    WHERE "clientGroupID" = ${clientGroupID} AND "clientID" = ${clientID} ORDER BY "mutationID"`;
  return rows.map((r) => ({ mutationID: Number(r['mutationID']), result: r['result'] }));
}
