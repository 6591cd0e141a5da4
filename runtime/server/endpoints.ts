/**
 * The query and mutate endpoints zero-cache calls (`ZERO_QUERY_URL`, `ZERO_MUTATE_URL`), as Fetch
 * handlers (`Request -> Response`), so they mount in any server: `zero-record serve`, SvelteKit,
 * Hono, a Next route. Built on `@rocicorp/zero/server`, which does the protocol (parsing, the
 * per-mutation transaction, the lastMutationID bookkeeping and the error rows `.server` waits for).
 */
import {
  mustGetMutator,
  mustGetQuery,
  type AnyMutatorRegistry,
  type AnyQuery,
  type AnyQueryRegistry,
  type ReadonlyJSONValue,
  type Schema,
} from '@rocicorp/zero';
import { handleMutateRequest, handleQueryRequest, type ServerTransaction } from '@rocicorp/zero/server';
import { zeroPostgresJS } from '@rocicorp/zero/server/adapters/postgresjs';
import postgres from 'postgres';
import { AuthenticationError } from './errors.ts';
import { guardTransaction } from './guarded-transaction.ts';
import { assertPolicyTables, type Policies } from './policies.ts';
import { readPolicyFor, withReadPolicy } from './read-policy.ts';

/** What `authenticate` returns: anything your queries, mutators and policies read. `userID` (when a string) is checked by zero-cache against the client's. */
export interface ServerContext {
  readonly userID?: string | null | undefined;
}

/** What `createServer` takes: the registries and schema the client uses too, the database, and your hooks. */
export interface ServerOptions<C extends ServerContext> {
  /** The Zero schema (the generated `schema.ts`). */
  readonly schema: Schema;
  /** The `defineQueries` registry the client registers too (the generated `queries.ts`). */
  readonly queries: AnyQueryRegistry;
  /** The `defineMutators` registry the client registers too (the generated `mutators.ts`). */
  readonly mutators: AnyMutatorRegistry;
  /** The upstream PostgreSQL (the database zero-cache replicates): a URL or a `postgres` client. */
  readonly database: string | postgres.Sql;
  /**
   * Turns a request into the context queries, mutators and policies see. Read the `Authorization:
   * Bearer <token>` zero-cache forwards from the client's `auth` option, or the cookies it forwards
   * with `ZERO_QUERY_FORWARD_COOKIES` / `ZERO_MUTATE_FORWARD_COOKIES`. Throw `AuthenticationError` to
   * refuse (HTTP 401: the client goes to 'needs-auth'). Default: an anonymous context.
   */
  readonly authenticate?: (request: Request) => C | Promise<C>;
  /** Per-table read and write policies (table name -> `{ read, write }`). */
  readonly policies?: Policies<C>;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/** The two endpoints as Fetch handlers (`Request -> Response`). */
export interface ZeroRecordServer {
  /** `POST ZERO_QUERY_URL`: named queries -> ASTs, each with its table's read policy ANDed in. */
  query(request: Request): Promise<Response>;
  /** `POST ZERO_MUTATE_URL`: runs each custom mutation in its own transaction, writes checked by the write policies. */
  mutate(request: Request): Promise<Response>;
  /** Closes the database connections the server opened (not a `postgres` client you passed in). */
  close(): Promise<void>;
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

// The registries are typed per app; the endpoints only look entries up by name and call them.
type QueryLookup = (registry: AnyQueryRegistry, name: string) => { fn(options: { args: ReadonlyJSONValue | undefined; ctx: unknown }): AnyQuery };
type MutatorLookup = (
  registry: AnyMutatorRegistry,
  name: string,
) => { fn(options: { args: ReadonlyJSONValue | undefined; ctx: unknown; tx: unknown }): Promise<void> };
const queryNamed = mustGetQuery as unknown as QueryLookup;
const mutatorNamed = mustGetMutator as unknown as MutatorLookup;

const userIDOf = (ctx: ServerContext): string | null => (typeof ctx.userID === 'string' ? ctx.userID : null);

/**
 * Zero's handlers always answer with a `userID`, null when anonymous, and zero-cache refuses a client whose own userID
 * differs from it. An anonymous context makes no claim about who the client is, so the answer carries none.
 */
function withoutAnonymousUser<T extends object>(response: T, ctx: ServerContext): T {
  if (userIDOf(ctx) !== null || !('userID' in response)) return response;
  const { userID: _anonymous, ...rest } = response as T & { userID: unknown };
  return rest as T;
}

/**
 * Both endpoints over one database connection pool; mount `query` at `ZERO_QUERY_URL` and `mutate` at `ZERO_MUTATE_URL`.
 * @example
 * const server = createServer({ schema, queries, mutators, database: process.env.ZERO_UPSTREAM_DB!,
 *   authenticate: async (request) => ({ userID: await userFromSession(request) }),
 *   policies: { jobs: { read: (ctx) => ({ owner_id: ctx.userID }) } } });
 * export const POST = (request: Request) => server.query(request); // e.g. a SvelteKit route at /api/zero/query
 */
export function createServer<C extends ServerContext>(options: ServerOptions<C>): ZeroRecordServer {
  const { schema, queries, mutators, policies = {}, logLevel = 'warn' } = options;
  assertPolicyTables(schema, policies as Policies<never>);
  const ownSql = typeof options.database === 'string' ? postgres(options.database, { onnotice: () => {} }) : undefined;
  const dbProvider = zeroPostgresJS(schema, ownSql ?? (options.database as postgres.Sql));
  const authenticate = options.authenticate ?? ((): C => ({ userID: null }) as C);
  const readPolicy = readPolicyFor(schema, policies);

  /** The context, or the 401 answer when `authenticate` refused. */
  async function contextOf(request: Request): Promise<{ ctx: C } | { refused: Response }> {
    try {
      return { ctx: await authenticate(request) };
    } catch (error) {
      if (error instanceof AuthenticationError) return { refused: new Response(error.message, { status: 401 }) };
      throw error;
    }
  }

  return {
    async query(request) {
      const auth = await contextOf(request);
      if ('refused' in auth) return auth.refused;
      const { ctx } = auth;
      const policy = readPolicy(ctx);
      const response = await handleQueryRequest({
        schema,
        request,
        userID: userIDOf(ctx),
        logLevel,
        handler: (name: string, args: ReadonlyJSONValue | undefined) => queryNamed(queries, name).fn({ args, ctx }),
      });
      // The array forms are the older protocol's; this handler answers in the object form.
      if (Array.isArray(response) || response.kind !== 'QueryResponse') return json(response);
      return json({
        ...withoutAnonymousUser(response, ctx),
        queries: response.queries.map((q: (typeof response.queries)[number]) => ('ast' in q ? { ...q, ast: withReadPolicy(q.ast, policy) } : q)),
      });
    },

    async mutate(request) {
      const auth = await contextOf(request);
      if ('refused' in auth) return auth.refused;
      const { ctx } = auth;
      const response = await handleMutateRequest({
        dbProvider,
        request,
        userID: userIDOf(ctx),
        logLevel,
        handler: (transact) =>
          transact((tx, name, args) => {
            const mutator = mutatorNamed(mutators, name);
            const guarded = guardTransaction(tx as ServerTransaction<Schema, unknown>, schema, policies, ctx);
            return mutator.fn({ tx: guarded, args, ctx });
          }),
      });
      return json(withoutAnonymousUser(response, ctx));
    },

    async close() {
      await ownSql?.end();
    },
  };
}
