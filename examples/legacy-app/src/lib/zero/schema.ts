// Zero schema mirroring the Rails tables (plural names, snake_case columns, epoch-ms timestamps).
// The legacy app still uses ad-hoc `z.query.*` reads and table CRUD mutators, hence both legacy flags.
import { boolean, createSchema, number, relationships, string, table } from '@rocicorp/zero';

const users = table('users')
  .columns({
    id: string(),
    name: string(),
    email: string(),
    role: string(),
  })
  .primaryKey('id');

const clients = table('clients')
  .columns({
    id: string(),
    name: string(),
    city: string().optional(),
    created_at: number(),
  })
  .primaryKey('id');

const jobs = table('jobs')
  .columns({
    id: string(),
    title: string(),
    status: string<'draft' | 'active' | 'on_hold' | 'done'>(),
    priority: number(),
    client_id: string().optional(),
    assignee_id: string().optional(),
    due_at: number().optional(),
    created_at: number(),
    updated_at: number(),
  })
  .primaryKey('id');

const tasks = table('tasks')
  .columns({
    id: string(),
    job_id: string(),
    title: string(),
    done: boolean(),
    position: number(),
    created_at: number(),
  })
  .primaryKey('id');

const jobRelationships = relationships(jobs, ({ one, many }) => ({
  client: one({ sourceField: ['client_id'], destField: ['id'], destSchema: clients }),
  assignee: one({ sourceField: ['assignee_id'], destField: ['id'], destSchema: users }),
  tasks: many({ sourceField: ['id'], destField: ['job_id'], destSchema: tasks }),
}));

const clientRelationships = relationships(clients, ({ many }) => ({
  jobs: many({ sourceField: ['id'], destField: ['client_id'], destSchema: jobs }),
}));

const taskRelationships = relationships(tasks, ({ one }) => ({
  job: one({ sourceField: ['job_id'], destField: ['id'], destSchema: jobs }),
}));

export const schema = createSchema({
  tables: [users, clients, jobs, tasks],
  relationships: [jobRelationships, clientRelationships, taskRelationships],
  enableLegacyQueries: true,
  enableLegacyMutators: true,
});

export type Schema = typeof schema;
