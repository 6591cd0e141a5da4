/**
 * Reads on modern Zero: a model with a named relation query reads through it (locally, and on the wire as name + args), and
 * a client whose reads no server could answer fails at the first read with a ConfigError naming the fix instead of waiting
 * forever. Real Zero clients; the "server" is a loopback WebSocket server that accepts and records but never answers, as
 * zero-cache does for a client-built query when the schema has no legacy flags.
 */
import { Zero, defineQueries, defineQuery } from '@rocicorp/zero';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocketServer } from 'ws';
import { ActiveRecord, ConfigError, InvalidRelationSpecError, defineModel, defineRelationQueries, type LiveResult } from '../../runtime/index.ts';
import { RelationSource } from '../../runtime/core/relation-source.ts';
import { buildRelationQuery, type RelationSpec } from '../../runtime/core/relation-spec.ts';
import { localZero, schema } from '../support/zero.ts';
import { waitUntil } from '../support/wait.ts';
import { installNodeWebSocket } from '../../scripts/stack/node-websocket.ts';

installNodeWebSocket();

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A WebSocket server that records what Zero clients send (URL and frames) and never answers. */
async function silentServer() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  await new Promise((resolve) => server.once('listening', resolve));
  const received: string[] = [];
  server.on('connection', (socket, request) => {
    received.push(decodeURIComponent(request.url ?? ''));
    // Zero sends its first message (initConnection, with the desired queries) base64-encoded in the protocol header.
    received.push(Buffer.from(decodeURIComponent(String(request.headers['sec-websocket-protocol'] ?? '')), 'base64').toString('utf8'));
    socket.on('message', (data) => received.push(String(data)));
  });
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, received };
}

async function serverZero() {
  const server = await silentServer();
  const z = new Zero({ userID: 'u', cacheURL: server.url, schema, kvStore: 'mem', logLevel: 'error', storageKey: `named-${Math.random()}` });
  cleanups.push(() => z.close());
  return { z, server };
}

describe('a client whose reads can never be answered', () => {
  test('fails the first read with a ConfigError naming the fix, for every kind of read', async () => {
    const { z } = await serverZero();
    const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: z }));

    const error = await Job.find('j1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain("Job: reads cannot be answered by zero-cache");
    expect((error as ConfigError).message).toContain('pass query: queries.job.relation in the model config');
    expect((error as ConfigError).message).toContain('--legacy-sync');
    await expect(Job.where({ status: 'active' }).toArray()).rejects.toThrow(ConfigError);
    await expect(Job.count()).rejects.toThrow(ConfigError);

    const delivered: unknown[] = [];
    const stop = Job.all().subscribe((records, result) => delivered.push([records, result.resultType, result.error]));
    cleanups.push(stop);
    expect(delivered).toEqual([[[], 'error', expect.any(ConfigError)]]);

    // The Svelte flavour's source: the live result and the snapshot both carry the error (a handle shows it, not a spinner).
    const source = new RelationSource(Job.where({ status: 'active' }));
    expect(source.snapshot()).toMatchObject({ resultType: 'error', settled: true, error: expect.any(ConfigError) });
    source.start({ changed() {} });
    cleanups.push(() => source.stop());
    expect(source.live()).toMatchObject({ resultType: 'error', settled: true, error: expect.any(ConfigError) } satisfies Partial<LiveResult>);
  });

  test('a client without a server reads its local data as before (nothing to wait for)', async () => {
    const z = localZero();
    cleanups.push(() => z.close());
    const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: z }));
    await Job.create({ id: 'j1', title: 'Paint' });
    expect((await Job.find('j1')).title).toBe('Paint');
  });
});

describe('a model with a named relation query', () => {
  test('asks the server for the query by name with the spec as its argument, not for an AST', async () => {
    const { z, server } = await serverZero();
    const queries = defineRelationQueries(schema, { job: 'jobs' });
    const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: z, query: queries.job.relation }));
    // The silent server never completes it: the read stays pending, which is what zero-cache's answer would end.
    void Job.where({ status: 'active' }).toArray().catch(() => {});
    await waitUntil('the named query reaching the server', () => server.received.some((frame) => frame.includes('"name":"job.relation"')));
    const frame = server.received.find((f) => f.includes('"name":"job.relation"'))!;
    expect(frame).toContain('"name":"job.relation","args":[{"where":{"op":"cmp","column":"status","operator":"=","value":"active"}}]');
    expect(frame).not.toContain('"ast"');
  });

  test('reads through it on the client too (local results are what its query function builds)', async () => {
    const z = localZero();
    cleanups.push(() => z.close());
    // A named query that narrows what it is given shows that local reads run it (read policies live on the server alone).
    const queries = defineQueries({ job: { relation: defineQuery(({ args }: { args: RelationSpec }) => buildRelationQuery(schema, 'jobs', args).where('status', '=', 'active') as never) } });
    const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: z, query: queries.job.relation }));
    await Job.create({ id: 'j1', title: 'Paint', status: 'active' });
    await Job.create({ id: 'j2', title: 'Wire', status: 'done' });
    expect((await Job.all()).map((j) => j.id)).toEqual(['j1']);
    await expect(Job.find('j2')).rejects.toThrow("Couldn't find Job with 'id'=\"j2\"");
  });

  test('a spec that no Relation of the table built is validated on the client too', async () => {
    const z = localZero();
    cleanups.push(() => z.close());
    const queries = defineRelationQueries(schema, { job: 'jobs', client: 'clients' });
    const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: z, query: queries.job.relation }));
    const hostile = { where: { op: 'cmp', column: 'password', operator: '=', value: 'x' } } as unknown as RelationSpec;
    expect(() => z.run(queries.job.relation(hostile) as never)).toThrow(InvalidRelationSpecError);
    // A jobs relation's spec handed to the clients query is checked against clients (it names jobs' columns).
    expect(() => z.run(queries.client.relation(Job.where({ status: 'active' }).spec) as never)).toThrow("unknown column \"status\" of 'clients'");
    // The same relation's spec read twice reuses its compiled query and answers the same.
    const relation = Job.where({ status: 'active' });
    await Job.create({ id: 'j1', title: 'Paint', status: 'active' });
    expect((await relation.toArray()).map((j) => j.id)).toEqual(['j1']);
    expect((await relation.toArray()).map((j) => j.id)).toEqual(['j1']);
  });

  test('a relation over the spec caps fails with InvalidRelationSpecError before anything is sent', async () => {
    const z = localZero();
    cleanups.push(() => z.close());
    const queries = defineRelationQueries(schema, { job: 'jobs' }, { limits: { maxLimit: 50 } });
    const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: z, query: queries.job.relation }));
    await expect(Job.limit(51).toArray()).rejects.toThrow(InvalidRelationSpecError);
    const delivered: unknown[] = [];
    cleanups.push(Job.limit(51).subscribe((records, result) => delivered.push(result.error)));
    expect(delivered).toEqual([expect.any(InvalidRelationSpecError)]);
  });
});

describe('a model with a named find query', () => {
  test('sends find(id) as the find query with the bare key, and every other read as the relation query', async () => {
    const { z, server } = await serverZero();
    const queries = defineRelationQueries(schema, { job: 'jobs' });
    const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: z, query: queries.job.relation, find: queries.job.find }));
    void Job.find('j1').catch(() => {});
    // A find inside a scope is not a plain key lookup: it stays a relation spec.
    void Job.where({ status: 'active' }).find('j2').catch(() => {});
    await waitUntil('both reads reaching the server', () => {
      const frames = server.received.join('\n');
      return frames.includes('"name":"job.find"') && frames.includes('"value":"j2"');
    });
    const frames = server.received.join('\n');
    expect(frames).toContain('"name":"job.find","args":["j1"]');
    expect(frames).not.toContain('"value":"j1"');
    expect(frames).toMatch(/"name":"job\.relation","args":\[\{"where":\{"op":"and".*"value":"j2"/);
  });

  test('answers as the relation query does, once and live, and refuses a key over its cap with a typed error', async () => {
    const z = localZero();
    cleanups.push(() => z.close());
    const queries = defineRelationQueries(schema, { job: 'jobs' }, { limits: { maxKeyLength: 8 } });
    const Job = ActiveRecord.createModel(defineModel({ schema, table: 'jobs', zero: z, query: queries.job.relation, find: queries.job.find }));
    await Job.create({ id: 'j1', title: 'Paint' });
    expect((await Job.find('j1')).title).toBe('Paint');
    expect((await Job.find_by({ id: 'j1' }))?.title).toBe('Paint');
    await expect(Job.find('j2')).rejects.toThrow("Couldn't find Job with 'id'=\"j2\"");
    await expect(Job.find('j-much-too-long')).rejects.toThrow(InvalidRelationSpecError);
    const seen: unknown[] = [];
    // The same one-row lookup, live: a view of the find query.
    cleanups.push(Job.where({ id: 'j1' }).limit(1).subscribe((records) => seen.push(records.map((r) => r.title))));
    await Job.find('j1').then((job) => job.update({ title: 'Paint again' }));
    await waitUntil('the live find seeing the update', () => JSON.stringify(seen.at(-1)) === '["Paint again"]');
  });

  test('refuses a find query that looks rows up by another key than the model', () => {
    const queries = defineRelationQueries(schema, { job: 'jobs' });
    expect(() => defineModel({ schema, table: 'jobs', primaryKey: 'title', find: queries.job.find })).toThrow(
      "'find' looks rows up by the Zero primary key of 'jobs' (id), not by the model's primaryKey 'title'",
    );
  });
});
