// Reads zero-cache's client view records (CVR) in the upstream database: what each client asked
// for and with which TTL. This is zero-cache's own bookkeeping (schema "<appID>_<shard>/cvr").
import type postgres from 'postgres';

export interface DesiredQuery {
  /** The table of a client-built (legacy) query; null for a named query. */
  table: string | null;
  /** The client's query AST as zero-cache stores it (where, orderBy, limit, related); null for a named query. */
  ast: unknown;
  /** A named query's name (`job.relation`) and arguments (`[spec]`); null for a client-built query. */
  queryName: string | null;
  queryArgs: unknown[] | null;
  /** zero-cache's "got" flag: false while the query stays hydrated (also after release, until its TTL ends). */
  queryDeleted: boolean | null;
  ttlMs: number | null;
  inactivatedAtMs: number | null;
  deleted: boolean | null;
}

export async function desiredQueries(sql: postgres.Sql, clientID: string): Promise<DesiredQuery[]> {
  const rows = await sql<DesiredQuery[]>`
    SELECT q."clientAST"->>'table' AS "table", q."clientAST" AS ast, q."queryName", q."queryArgs", q.deleted AS "queryDeleted",
           d."ttlMs", d."inactivatedAtMs", d.deleted
    FROM "zero_0/cvr".desires d
    JOIN "zero_0/cvr".queries q USING ("clientGroupID", "queryHash")
    WHERE d."clientID" = ${clientID}`;
  return rows.map((r) => ({ ...r }));
}
