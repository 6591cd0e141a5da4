// The example stack's named queries (modern mode): what the client's models read through and the
// endpoints serve (examples/stack/server.ts). The same definitions build the AST on both sides.
import { createBuilder, defineQueries, defineQuery } from '@rocicorp/zero';
import { defineRelationQueries } from '../../runtime/index.ts';
import { modernSchema } from './schema.ts';

const zql = createBuilder(modernSchema);

/** The models' relation queries: `queries.job.relation(spec)`, validated against the schema and the default caps. */
export const relationQueries = defineRelationQueries(modernSchema, { job: 'jobs', client: 'clients', task: 'tasks' });

/** Jobs in one status, oldest first: a hand-written named query beside the models' relation queries. */
const byStatus = defineQuery(({ args }: { args: string }) => {
  if (typeof args !== 'string') throw new TypeError(`jobs.byStatus takes a status string, got ${JSON.stringify(args)}`);
  return zql.jobs.where('status', args).orderBy('created_at', 'asc').orderBy('id', 'asc');
});

export const queries = { ...relationQueries, ...defineQueries({ jobs: { byStatus } }) };
