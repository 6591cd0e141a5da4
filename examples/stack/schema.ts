// The Zero schema of the example stack (examples/stack/schema.sql), in both sync modes: `schema`
// (legacy: client-built queries and CRUD mutators, with the permissions `zero-deploy-permissions`
// reads from this module's `permissions` export) and `modernSchema` (named queries and custom
// mutators through the app's endpoints, as a Zero 1.x team runs it: no legacy flag).
import {
  ANYONE_CAN_DO_ANYTHING,
  boolean,
  createSchema,
  definePermissions,
  number,
  relationships,
  string,
  table,
} from '@rocicorp/zero';

const clients = table('clients')
  .columns({
    id: string(),
    name: string(),
    email: string().optional(),
    // Optional so a create without timestamps falls back to PostgreSQL's DEFAULT now().
    created_at: number().optional(),
    updated_at: number().optional(),
  })
  .primaryKey('id');

const jobs = table('jobs')
  .columns({
    id: string(),
    title: string(),
    status: string(),
    priority: number().optional(),
    position: number().optional(),
    client_id: string().optional(),
    // Who may see the job when a read policy says so (the modern stack's policy tests); null: nobody's.
    owner_id: string().optional(),
    created_at: number().optional(),
    updated_at: number().optional(),
  })
  .primaryKey('id');

const tasks = table('tasks')
  .columns({
    id: string(),
    job_id: string(),
    title: string(),
    done: boolean(),
    position: number(),
    created_at: number().optional(),
    updated_at: number().optional(),
  })
  .primaryKey('id');

const clientRelationships = relationships(clients, ({ many }) => ({
  jobs: many({ sourceField: ['id'], destSchema: jobs, destField: ['client_id'] }),
}));

const jobRelationships = relationships(jobs, ({ one, many }) => ({
  client: one({ sourceField: ['client_id'], destSchema: clients, destField: ['id'] }),
  tasks: many({ sourceField: ['id'], destSchema: tasks, destField: ['job_id'] }),
}));

const taskRelationships = relationships(tasks, ({ one }) => ({
  job: one({ sourceField: ['job_id'], destSchema: jobs, destField: ['id'] }),
}));

/** The tables and relationships both schemas are made of (tests extend them). */
export const stackTables = {
  tables: [clients, jobs, tasks],
  relationships: [clientRelationships, jobRelationships, taskRelationships],
};

export const schema = createSchema({ ...stackTables, enableLegacyQueries: true, enableLegacyMutators: true });

export type StackSchema = typeof schema;

/** The same tables without Zero's legacy flags: reads only through named queries, writes only through custom mutators. */
export const modernSchema = createSchema(stackTables);

// Legacy permissions: without a select rule zero-cache syncs no rows for ad-hoc queries, and
// without insert/update/delete rules CRUD mutations are rejected. The example trusts everyone.
export const permissions = definePermissions(schema, () => ({
  clients: ANYONE_CAN_DO_ANYTHING,
  jobs: ANYONE_CAN_DO_ANYTHING,
  tasks: ANYONE_CAN_DO_ANYTHING,
}));
