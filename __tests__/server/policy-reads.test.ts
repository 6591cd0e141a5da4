/**
 * What a write policy reads (`reads.one` / `reads.many`): the rows a changed row is associated with, found from its
 * values through the Zero schema's relationships. The transaction here is a real local Zero's `run`, which runs the same
 * ZQL a server transaction runs.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { ActiveRecord, ConfigError } from '../../runtime/index.ts';
import { policyReads } from '../../runtime/server/guarded-transaction.ts';
import { localZero, schema } from '../support/zero.ts';

let z: ReturnType<typeof localZero> | undefined;
afterEach(() => z?.close());

async function seeded() {
  z = localZero();
  const model = (table: 'clients' | 'jobs' | 'tasks') => ActiveRecord.createModel({ schema, table, zero: z });
  await model('clients').create_bang({ id: 'c1', name: 'Acme' });
  await model('jobs').create_bang([{ id: 'j1', title: 'j1', client_id: 'c1' }, { id: 'j2', title: 'j2', client_id: 'c1' }, { id: 'j3', title: 'j3' }]);
  await model('tasks').create_bang({ id: 't1', job_id: 'j1', title: 't', position: 1 });
  const zero = z;
  return (table: string, on = schema) => policyReads({ run: (query: never) => zero.run(query) } as never, on, table);
}

describe('reads.one and reads.many', () => {
  test("follow a relationship from a row's values (a row not yet written too); a NULL key has nothing", async () => {
    const reads = await seeded();
    expect(await reads('jobs').one({ id: 'new', client_id: 'c1' }, 'client')).toMatchObject({ id: 'c1', name: 'Acme' }); // Zero's row, with Zero's own symbol key
    expect(await reads('jobs').one({ id: 'j3', client_id: null }, 'client')).toBeUndefined();
    expect(await reads('jobs').one({ id: 'j9', client_id: 'gone' }, 'client')).toBeUndefined();
    // A key that is not a scalar (what a client could send to a mutator that writes its arguments) has nothing.
    for (const hostile of [['c1'], { id: 'c1' }, ['c1', 'c2']]) expect(await reads('jobs').one({ id: 'x', client_id: hostile }, 'client')).toBeUndefined();
    expect((await reads('clients').many({ id: 'c1' }, 'jobs')).map((r) => r['id']).sort()).toEqual(['j1', 'j2']);
    expect(await reads('clients').many({ id: 'c9' }, 'jobs')).toEqual([]);
  });

  test('two hops through a junction table: the rows at the far end', async () => {
    // clients -> jobs -> tasks as a two-hop relationship (Rails' has_many :tasks, through: :jobs), as Zero's many(hop, hop) writes it.
    const hops = [
      { sourceField: ['id'], destField: ['client_id'], destSchema: 'jobs', cardinality: 'many' },
      { sourceField: ['id'], destField: ['job_id'], destSchema: 'tasks', cardinality: 'many' },
    ];
    const through = { ...schema, relationships: { ...schema.relationships, clients: { ...schema.relationships.clients, tasks: hops } } };
    const reads = await seeded();
    expect((await reads('clients', through as never).many({ id: 'c1' }, 'tasks')).map((r) => r['id'])).toEqual(['t1']);
    await expect(reads('clients', through as never).one({ id: 'c1' }, 'tasks')).rejects.toThrow(/clients\.tasks is many rows: read them with many\(\)/);
  });

  test('a name that is not a relationship, or the wrong read for it, is a ConfigError naming it', async () => {
    const reads = await seeded();
    await expect(reads('jobs').one({ client_id: 'c1' }, 'owner')).rejects.toThrow(new ConfigError('zero-record/server write policy', ["'owner' is not a relationship of jobs in the Zero schema"]));
    await expect(reads('jobs').many({ client_id: 'c1' }, 'client')).rejects.toThrow(/jobs\.client is one row: read it with one\(\)/);
    await expect(reads('clients').one({ id: 'c1' }, 'jobs')).rejects.toThrow(/clients\.jobs is many rows/);
  });
});
