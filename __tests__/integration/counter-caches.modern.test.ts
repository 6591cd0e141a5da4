/**
 * Counter caches in the push endpoint's PostgreSQL transactions, as zero-record/server runs a model's mutators: two
 * creates under one parent at the same time both count. PostgreSQL's read committed would let the second read the count
 * before the first commits and write the same number; the mutator locks the parent row before it reads the count.
 * The shared stack's PostgreSQL, in a database of this file's own (zero-cache does not replicate it).
 */
import { createSchema, mustGetMutator, number, relationships, string, table } from '@rocicorp/zero';
import { zeroPostgresJS } from '@rocicorp/zero/server/adapters/postgresjs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineModel, defineModelMutators, type ModelDefinition } from '../../runtime/index.ts';
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
  await sql.unsafe('CREATE TABLE clients (id text PRIMARY KEY, name text NOT NULL, jobs_count integer); CREATE TABLE jobs (id text PRIMARY KEY, title text NOT NULL, client_id text)');
  await sql`INSERT INTO clients (id, name, jobs_count) VALUES ('c1', 'Acme', 0)`;
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
