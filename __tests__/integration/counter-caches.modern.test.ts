/**
 * Counter caches in the push endpoint's PostgreSQL transactions, as zero-record/server runs a model's mutators: two
 * creates under one parent at the same time both count. PostgreSQL's read committed would let the second read the count
 * before the first commits and write the same number; the mutator locks the parent row before it reads the count.
 * The runtime's generic mutators lock the row the endpoint's schema names, whatever server names the client describes.
 * The shared stack's PostgreSQL, in a database of this file's own (zero-cache does not replicate it).
 */
import { createSchema, mustGetMutator, number, relationships, string, table } from '@rocicorp/zero';
import { zeroPostgresJS } from '@rocicorp/zero/server/adapters/postgresjs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineModel, defineModelMutators, recordMutators, type ModelDefinition } from '../../runtime/index.ts';
import { guardTransaction } from '../../runtime/server/guarded-transaction.ts';
import { sharedStackAddress } from './support/shared-stack.ts';

const clients = table('clients').columns({ id: string(), name: string(), jobs_count: number().optional() }).primaryKey('id');
const jobs = table('jobs').columns({ id: string(), title: string(), client_id: string().optional() }).primaryKey('id');
const schema = createSchema({
  tables: [clients, jobs],
  relationships: [relationships(jobs, ({ one }) => ({ client: one({ sourceField: ['client_id'], destField: ['id'], destSchema: clients }) }))],
});
const clientConfig = defineModel({ schema, table: 'clients' });
const jobConfig = defineModel({ schema, table: 'jobs', relationships: { client: (): ModelDefinition => clientConfig }, counterCaches: { client: true } });
const mutators = defineModelMutators({ client: clientConfig, job: jobConfig });

const database = `counter_caches_${process.pid}`;
let admin: postgres.Sql;
let sql: postgres.Sql;

beforeAll(async () => {
  const url = new URL(sharedStackAddress().pgUrl);
  admin = postgres(url.href, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${database}`);
  url.pathname = `/${database}`;
  sql = postgres(url.href, { max: 4, onnotice: () => {} });
  await sql.unsafe(
    'CREATE TABLE clients (id text PRIMARY KEY, name text NOT NULL, jobs_count integer); CREATE TABLE jobs (id text PRIMARY KEY, title text NOT NULL, client_id text); ' +
      'CREATE TABLE client_accounts (account_id text PRIMARY KEY, name text NOT NULL, jobs_count integer); CREATE TABLE decoys (id text PRIMARY KEY)',
  );
  await sql`INSERT INTO clients (id, name, jobs_count) VALUES ('c1', 'Acme', 0)`;
  await sql`INSERT INTO client_accounts (account_id, name, jobs_count) VALUES ('a1', 'Acme', 0)`;
  await sql`INSERT INTO decoys (id) VALUES ('a1')`;
});

afterAll(async () => {
  await sql?.end();
  await admin?.unsafe(`DROP DATABASE IF EXISTS ${database}`);
  await admin?.end();
});

type Fn = (options: { tx: unknown; args: unknown; ctx: unknown }) => Promise<void>;
const create = mustGetMutator(mutators as never, 'job.create') as unknown as { fn: Fn };

describe('two creates under one parent in concurrent server transactions', () => {
  it('both count: the second waits for the first to commit, then counts on from its value', async () => {
    const db = zeroPostgresJS(schema, sql);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const firstWrote = new Promise<void>((resolve) => (wrote = resolve));
    const first = db.transaction(async (tx) => {
      await create.fn({ tx, args: { values: { id: 'j1', title: 'a', client_id: 'c1' } }, ctx: undefined });
      wrote();
      await held; // still open: its count (1) is not committed yet
    });
    await firstWrote;
    const second = db.transaction((tx) => create.fn({ tx, args: { values: { id: 'j2', title: 'b', client_id: 'c1' } }, ctx: undefined }));
    // Long enough for the second to reach the parent row (and, without the lock, to read the count the first has not committed).
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([first, second]);
    const [client] = await sql`SELECT jobs_count FROM clients WHERE id = 'c1'`;
    expect(client?.['jobs_count']).toBe(2);
  });
});

// The generic mutators' schema: accounts is PostgreSQL's client_accounts, keyed by account_id.
const accounts = table('accounts').from('client_accounts').columns({ id: string().from('account_id'), name: string(), jobs_count: number().optional() }).primaryKey('id');
const genericSchema = createSchema({
  tables: [accounts, jobs],
  relationships: [relationships(jobs, ({ one }) => ({ account: one({ sourceField: ['client_id'], destField: ['id'], destSchema: accounts }) }))],
});
const insert = mustGetMutator(recordMutators as never, 'zeroRecord.insert') as unknown as { fn: Fn };

/** A job insert under account a1, its counter cache described as a client could: naming the decoys table for the lock. */
const insertArgs = (id: string) => ({
  table: 'jobs',
  values: { id, title: 'x', client_id: 'a1' },
  counterCaches: {
    table: { name: 'jobs', primaryKey: 'id', columns: { id: 'string', client_id: 'string' } },
    caches: [
      {
        relationship: 'account',
        foreignKey: ['client_id'],
        parent: { name: 'accounts', primaryKey: 'id', columns: { id: 'string', jobs_count: 'number' }, server: { table: 'decoys', primaryKey: 'id' } },
        parentKey: ['id'],
        column: 'jobs_count',
      },
    ],
  },
});

/** Settles with 'waited' when `write` is still waiting after 300 ms (the others' lock held), else with how it ended. */
const waitsFor = (write: Promise<unknown>) => Promise.race([write.then(() => 'wrote'), new Promise((resolve) => setTimeout(() => resolve('waited'), 300))]);

describe("the generic mutators in zero-record/server's transaction", () => {
  it("lock the row the endpoint's schema names (client_accounts' a1), not the decoys row the client named", async () => {
    const db = zeroPostgresJS(genericSchema, sql);
    const write = (id: string) => db.transaction((tx) => insert.fn({ tx: guardTransaction(tx as never, genericSchema, {}, undefined), args: insertArgs(id), ctx: undefined }));
    // Another transaction holds the row the client named: the write does not wait for it.
    let releaseDecoy!: () => void;
    const decoyHeld = new Promise<void>((resolve) => (releaseDecoy = resolve));
    const decoy = sql.begin(async (other) => {
      await other`SELECT 1 FROM decoys WHERE id = 'a1' FOR UPDATE`;
      await decoyHeld;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await waitsFor(write('g1'))).toBe('wrote');
    releaseDecoy();
    await decoy;
    // Another transaction holds the account's row: the write waits for it to commit, then counts on from its value.
    let releaseAccount!: () => void;
    const accountHeld = new Promise<void>((resolve) => (releaseAccount = resolve));
    const account = sql.begin(async (other) => {
      await other`SELECT 1 FROM client_accounts WHERE account_id = 'a1' FOR UPDATE`;
      await accountHeld;
      await other`UPDATE client_accounts SET jobs_count = jobs_count + 10 WHERE account_id = 'a1'`;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = write('g2');
    expect(await waitsFor(second)).toBe('waited');
    releaseAccount();
    await Promise.all([account, second]);
    const [row] = await sql`SELECT jobs_count FROM client_accounts WHERE account_id = 'a1'`;
    expect(row?.['jobs_count']).toBe(12);
  });
});
