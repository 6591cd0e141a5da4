// Zero schema, generated from db/schema.rb by the Rails side (copied in by hand after each migration, see #412).

import * as z from "@rocicorp/zero";

/** Rails table "clients" (Client, app/models/client.rb). */
const clientsTable = z
  .table("clients")
  .columns({
    id: z.string(),
    name: z.string(),
    city: z.string().optional(),
    created_at: z.number(),
  })
  .primaryKey("id");

/** Rails table "jobs" (Job, app/models/job.rb). */
const jobsTable = z
  .table("jobs")
  .columns({
    id: z.string(),
    title: z.string(),
    /** Rails default: "draft" */
    status: z.enumeration<"draft" | "active" | "on_hold" | "done">(),
    /** Rails default: 0 */
    priority: z.number(),
    client_id: z.string().optional(),
    assignee_id: z.string().optional(),
    due_at: z.number().optional(),
    created_at: z.number(),
    updated_at: z.number(),
  })
  .primaryKey("id");

/** Rails table "tasks" (Task, app/models/task.rb). */
const tasksTable = z
  .table("tasks")
  .columns({
    id: z.string(),
    job_id: z.string(),
    title: z.string(),
    /** Rails default: false */
    done: z.boolean(),
    /** Rails default: 0 */
    position: z.number(),
    created_at: z.number(),
  })
  .primaryKey("id");

/** Rails table "users" (User, app/models/user.rb). */
const usersTable = z
  .table("users")
  .columns({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    /** Rails default: "technician" */
    role: z.string(),
  })
  .primaryKey("id");

const clientsTableRelationships = z.relationships(clientsTable, ({ many }) => ({
  jobs: many({ sourceField: ["id"], destField: ["client_id"], destSchema: jobsTable }),
}));

const jobsTableRelationships = z.relationships(jobsTable, ({ many, one }) => ({
  client: one({ sourceField: ["client_id"], destField: ["id"], destSchema: clientsTable }),
  assignee: one({ sourceField: ["assignee_id"], destField: ["id"], destSchema: usersTable }),
  tasks: many({ sourceField: ["id"], destField: ["job_id"], destSchema: tasksTable }),
}));

const tasksTableRelationships = z.relationships(tasksTable, ({ one }) => ({
  job: one({ sourceField: ["job_id"], destField: ["id"], destSchema: jobsTable }),
}));

export const schema = z.createSchema({
  tables: [clientsTable, jobsTable, tasksTable, usersTable],
  relationships: [clientsTableRelationships, jobsTableRelationships, tasksTableRelationships],
  // --legacy-sync: ad-hoc z.query reads and CRUD mutators (zero-cache legacy permissions).
  enableLegacyQueries: true,
  enableLegacyMutators: true,
});

export type Schema = typeof schema;

/** A Client row as Zero returns it (timestamps and dates as epoch milliseconds). */
export type Client = z.Row<(typeof schema)['tables']["clients"]>;
/** A Job row as Zero returns it (timestamps and dates as epoch milliseconds). */
export type Job = z.Row<(typeof schema)['tables']["jobs"]>;
/** A Task row as Zero returns it (timestamps and dates as epoch milliseconds). */
export type Task = z.Row<(typeof schema)['tables']["tasks"]>;
/** A User row as Zero returns it (timestamps and dates as epoch milliseconds). */
export type User = z.Row<(typeof schema)['tables']["users"]>;
