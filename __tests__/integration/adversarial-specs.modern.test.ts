// Hostile relation specs against the real stack: a client that skips the validator (anyone can send
// any JSON to zero-cache) asks for an unknown column, an unknown relationship, a limit over the cap,
// a 50-deep condition tree and a 1 MB spec. The endpoint answers each with an app error, which the
// client sees as that query's error, and zero-cache keeps serving everybody, the attacker included.
import { createBuilder, defineQueries, defineQuery, Zero, type ReadonlyJSONValue } from '@rocicorp/zero';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutators } from '../../examples/stack/mutators.ts';
import { queries } from '../../examples/stack/queries.ts';
import { modernSchema } from '../../examples/stack/schema.ts';
import { installNodeWebSocket } from '../../scripts/stack/node-websocket.ts';
import { has } from './support/rows.ts';
import { joinSharedStack, type StackAddress } from './support/shared-stack.ts';
import type { StackSession } from './support/stack-session.ts';
import { newId } from './support/stack-zero.ts';
import { ViewWaiter } from './support/view-waiter.ts';

// The attacker's registry: the real query names, no validator, the spec passed through as the args.
const zql = createBuilder(modernSchema);
const hostileQueries = defineQueries({
  job: {
    relation: defineQuery(({ args }: { args: ReadonlyJSONValue }) => (void args, zql.jobs)),
    find: defineQuery(({ args }: { args: ReadonlyJSONValue }) => (void args, zql.jobs)),
  },
});

type JobRow = { id: string; title: string };
type Outcome = { resultType: string; error: unknown };

let env: StackSession<StackAddress>;
let attacker: Zero<typeof modernSchema>;

beforeAll(async () => {
  // The shared modern stack: the attacks go to the example app's own endpoints, and zero-cache keeps running.
  env = await joinSharedStack();
  installNodeWebSocket();
  attacker = new Zero({ userID: 'mallory', auth: 'mallory', cacheURL: env.stack.cacheUrl, schema: modernSchema, mutators, kvStore: 'mem', logLevel: 'error' });
});

afterAll(async () => {
  await attacker?.close();
  await env?.close();
});

/** Materializes `job.relation(spec)` (or `job.find(key)`) on the attacker's client and resolves with the first settled outcome. */
function attack(spec: ReadonlyJSONValue, query: 'relation' | 'find' = 'relation'): Promise<Outcome> {
  const view = attacker.materialize(hostileQueries.job[query](spec) as unknown as Parameters<typeof attacker.materialize>[0]);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within 30 s to the spec ${JSON.stringify(spec).slice(0, 200)}`)), 30_000);
    view.addListener((_rows, resultType, error) => {
      if (resultType === 'unknown') return;
      clearTimeout(timer);
      view.destroy();
      resolve({ resultType, error });
    });
  });
}

const cmp = (column: string, value: unknown) => ({ op: 'cmp', column, operator: '=', value });
function deepTree(depth: number): ReadonlyJSONValue {
  let cond: ReadonlyJSONValue = cmp('status', 'active') as ReadonlyJSONValue;
  for (let i = 0; i < depth; i++) cond = { op: i % 2 ? 'and' : 'or', conds: [cond, cmp('title', `t${i}`)] } as ReadonlyJSONValue;
  return { where: cond };
}

describe('hostile relation specs are refused with an app error, and zero-cache keeps serving', () => {
  const cases: [string, ReadonlyJSONValue, RegExp][] = [
    ['an unknown column', { where: cmp('password_digest', 'x') } as ReadonlyJSONValue, /unknown column "password_digest"/],
    ['an unknown relationship', { includes: [['secrets', {}]] }, /secrets/],
    ['a limit over the cap', { limit: 1_000_000 }, /limit/],
    ['a 50-deep condition tree', deepTree(50), /deep|depth/],
    ['a 1 MB spec', { where: cmp('title', 'x'.repeat(1024 * 1024)) } as ReadonlyJSONValue, /bytes of JSON is over the cap/],
  ];

  it.each(cases)('%s', async (_what, spec, message) => {
    const outcome = await attack(spec);
    expect(outcome.resultType).toBe('error');
    // Zero's shape of a query the endpoint refused: { error: 'app', name, message, details }.
    expect(outcome.error).toMatchObject({ error: 'app', name: 'job.relation' });
    expect(String((outcome.error as { message?: string }).message)).toMatch(message);
  });

  const findCases: [string, ReadonlyJSONValue][] = [
    ['a number for a string key', 42],
    ['a relation spec instead of a key', { where: { op: 'const', value: true } } as ReadonlyJSONValue],
    ['a key of 2,000 characters', 'x'.repeat(2000)],
  ];

  it.each(findCases)('find with %s', async (_what, key) => {
    const outcome = await attack(key, 'find');
    expect(outcome.resultType).toBe('error');
    expect(outcome.error).toMatchObject({ error: 'app', name: 'job.find' });
    expect(String((outcome.error as { message?: string }).message)).toMatch(/Invalid relation spec at id: /);
  });

  it('keeps serving the honest client and the attacker\'s valid queries', async () => {
    const honest = env.z.materialize(queries.jobs.byStatus('active') as Parameters<typeof env.z.materialize>[0]);
    const jobs = new ViewWaiter<JobRow>({
      subscribe: (listener) => {
        honest.addListener((rows) => listener(rows as readonly JobRow[]));
        return () => honest.destroy();
      },
    });
    try {
      const id = newId();
      await env.sql`INSERT INTO jobs (id, title, status) VALUES (${id}, 'after the attacks', 'active')`;
      await jobs.until(has(id), 'a row written after the attacks, on the honest client');
      expect(await attack({ where: cmp('id', id) } as ReadonlyJSONValue)).toMatchObject({ resultType: 'complete' });
    } finally {
      jobs.close();
    }
  });
});
