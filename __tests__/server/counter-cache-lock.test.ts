/**
 * The parent row a counter cache locks on the server (`SELECT ... FOR UPDATE`) is named in PostgreSQL by the server's
 * own Zero schema: the push endpoint's (which zero-record/server's transaction hands the runtime's generic mutators),
 * or a model's. The generic mutators take the caches as the client describes them; a server name the client puts in
 * them is not used. The transaction here is a server one over a real local Zero's reads, with its SQL recorded.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { Zero, createSchema, mustGetMutator, number, relationships, string, table } from '@rocicorp/zero';
import { ActiveRecord, ConfigError, defineModel, defineModelMutators, recordMutators, type ModelDefinition } from '../../runtime/index.ts';
import { guardTransaction } from '../../runtime/server/guarded-transaction.ts';

// Zero names: clients, id; PostgreSQL's: client_accounts, account_id.
const clients = table('clients').from('client_accounts').columns({ id: string().from('account_id'), name: string(), jobs_count: number().optional() }).primaryKey('id');
const jobs = table('jobs').columns({ id: string(), title: string(), client_id: string().optional() }).primaryKey('id');
const schema = createSchema({
  tables: [clients, jobs],
  relationships: [relationships(jobs, ({ one }) => ({ client: one({ sourceField: ['client_id'], destField: ['id'], destSchema: clients }) }))],
});
const clientConfig = defineModel({ schema, table: 'clients' });
const jobConfig = defineModel({ schema, table: 'jobs', relationships: { client: (): ModelDefinition => clientConfig }, counterCaches: { client: true } });

let z: Zero<typeof schema> | undefined;
afterEach(() => z?.close());

type Fn = (options: { tx: unknown; args: unknown; ctx: unknown }) => Promise<void>;
const mutator = (registry: unknown, name: string) => (mustGetMutator(registry as never, name) as unknown as { fn: Fn }).fn;

/**
 * A server transaction: rows read from a local Zero holding client c1 (2 jobs), writes and SQL recorded (a server's
 * `tx.mutate` writes PostgreSQL; what it was asked is what matters here).
 */
async function serverTransaction() {
  z = new Zero({ userID: 'u', storageKey: `counter-cache-lock-${process.pid}-${Math.random()}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
  const zero = z;
  await ActiveRecord.createModel({ ...clientConfig, zero }).upsert({ id: 'c1', name: 'Acme', jobs_count: 2 });
  const sql: unknown[][] = [];
  const writes: unknown[][] = [];
  const crud = (name: string) => Object.fromEntries(['insert', 'update', 'upsert', 'delete'].map((op) => [op, async (values: unknown) => void writes.push([name, op, values])]));
  const tx = {
    location: 'server',
    reason: 'authoritative',
    mutate: { clients: crud('clients'), jobs: crud('jobs') },
    run: (query: never) => zero.run(query),
    dbTransaction: { query: async (text: string, params: unknown[]) => void sql.push([text, params]) },
  };
  return { tx, sql, writes };
}

/** A job insert through the generic mutators, its counter cache described as a client could: with server names of its choosing. */
const insertArgs = {
  table: 'jobs',
  values: { id: 'j9', title: 'x', client_id: 'c1' },
  counterCaches: {
    table: { name: 'jobs', primaryKey: 'id', columns: { id: 'string', client_id: 'string' } },
    caches: [
      {
        relationship: 'client',
        foreignKey: ['client_id'],
        parent: { name: 'clients', primaryKey: 'id', columns: { id: 'string', jobs_count: 'number' }, server: { table: 'jobs', primaryKey: 'title' } },
        parentKey: ['id'],
        column: 'jobs_count',
      },
    ],
  },
};

const LOCK = ['SELECT 1 FROM "client_accounts" WHERE "account_id" = $1 FOR UPDATE', ['c1']];

describe("the server's row lock is named by the server's schema", () => {
  test("the generic mutators in zero-record/server's transaction lock the row the endpoint's schema names, whatever server names the client sent", async () => {
    const { tx, sql, writes } = await serverTransaction();
    await mutator(recordMutators, 'zeroRecord.insert')({ tx: guardTransaction(tx as never, schema, {}, undefined), args: insertArgs, ctx: undefined });
    expect(sql).toEqual([LOCK]);
    expect(writes).toEqual([
      ['jobs', 'insert', insertArgs.values],
      ['clients', 'update', { id: 'c1', jobs_count: 3 }],
    ]);
  });

  test('run by an endpoint that hands them no schema, they refuse to lock (a ConfigError: the server transaction rolls back) and name no table', async () => {
    const { tx, sql } = await serverTransaction();
    const error = await mutator(recordMutators, 'zeroRecord.insert')({ tx, args: insertArgs, ctx: undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toEqual(
      new ConfigError('zero-record counter caches on the server', [
        "the parent row is locked in PostgreSQL's names for it, which only the server's Zero schema gives (never the client's description)",
        "run recordMutators in zero-record/server's createServer, which hands its mutators the schema, or write through a model's own mutators (defineModelMutators)",
      ]),
    );
    expect(sql).toEqual([]);
  });

  test("a model's own mutators lock the row their model's schema names", async () => {
    const { tx, sql } = await serverTransaction();
    const mutators = defineModelMutators({ client: clientConfig, job: jobConfig });
    await mutator(mutators, 'job.create')({ tx, args: { values: insertArgs.values }, ctx: undefined });
    expect(sql).toEqual([LOCK]);
  });
});
