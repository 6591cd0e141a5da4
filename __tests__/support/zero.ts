/**
 * A real local Zero client (no server: `cacheURL: null`, in-memory store) and the example schema the runtime tests share.
 */
import { Zero, createSchema, number, relationships, string, table } from '@rocicorp/zero';
import { recordMutators } from '../../runtime/index.ts';

const jobs = table('jobs')
  .columns({
    id: string(),
    title: string(),
    status: string().optional(),
    country: string().optional(),
    priority: number().optional(),
    client_id: string().optional(),
    created_at: number().optional(),
  })
  .primaryKey('id');
const clients = table('clients').columns({ id: string(), name: string() }).primaryKey('id');
const tasks = table('tasks').columns({ id: string(), job_id: string(), title: string(), position: number() }).primaryKey('id');
const counters = table('counters').columns({ id: number(), value: number() }).primaryKey('id');

const jobRelationships = relationships(jobs, ({ one, many }) => ({
  client: one({ sourceField: ['client_id'], destField: ['id'], destSchema: clients }),
  tasks: many({ sourceField: ['id'], destField: ['job_id'], destSchema: tasks }),
}));
const clientRelationships = relationships(clients, ({ many }) => ({
  jobs: many({ sourceField: ['id'], destField: ['client_id'], destSchema: jobs }),
}));

export const schema = createSchema({ tables: [jobs, clients, tasks, counters], relationships: [jobRelationships, clientRelationships] });
export type TestSchema = typeof schema;

let created = 0;

/**
 * A fresh local Zero with the runtime's mutators registered, as an app would create it. Each gets its own storage key:
 * Zero's in-memory store outlives a client within the process and is shared by clients with the same user and key.
 */
export function localZero(): Zero<TestSchema> {
  return new Zero({ userID: 'test', storageKey: `test-${process.pid}-${++created}`, cacheURL: null, kvStore: 'mem', schema, mutators: recordMutators, logLevel: 'error' });
}
