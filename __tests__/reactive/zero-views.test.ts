/**
 * The leak counter itself, against raw Zero calls (no zero-record code in between).
 */
import { expect, test } from 'vitest';
import { Zero, createBuilder, createSchema, number, string, table } from '@rocicorp/zero';
import { zeroViewCounts } from '../support/zero-views.ts';

const jobs = table('jobs').columns({ id: string(), title: string(), client_id: string().optional() }).primaryKey('id');
const clients = table('clients').columns({ id: string(), name: string(), size: number().optional() }).primaryKey('id');

test('counts materialized views, source connections and desired queries, and sees them go', async () => {
  const schema = createSchema({ tables: [jobs, clients], enableLegacyQueries: true });
  const z = new Zero({ userID: 'u', cacheURL: null, kvStore: 'mem', schema, logLevel: 'error' });
  const zql = createBuilder(schema);
  expect(await zeroViewCounts(z)).toMatchObject({ views: 0, totalConnections: 0, desiredQueries: 0 });

  const a = z.materialize(zql.jobs.where('title', 'x'), { ttl: '1m' });
  const b = z.materialize(zql.clients, { ttl: '1m' });
  const c = z.materialize(zql.jobs.where('title', 'x'), { ttl: '1m' }); // same query: one desired query, two views
  const counts = await zeroViewCounts(z);
  expect(counts).toMatchObject({ views: 3, connections: { jobs: 2, clients: 1 }, totalConnections: 3, desiredQueries: 2 });

  a.destroy();
  expect(await zeroViewCounts(z)).toMatchObject({ views: 2, totalConnections: 2, desiredQueries: 2 });
  b.destroy();
  c.destroy();
  expect(await zeroViewCounts(z)).toMatchObject({ views: 0, totalConnections: 0, desiredQueries: 0 });
  await z.close();
});
