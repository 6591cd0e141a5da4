// The example stack's named queries (modern mode): what the client registers on `new Zero({ queries })`
// and the endpoints serve (examples/stack/server.ts). The same definitions build the AST on both sides.
import { createBuilder, defineQueries, defineQuery } from '@rocicorp/zero';
import { modernSchema } from './schema.ts';

const zql = createBuilder(modernSchema);

export const queries = defineQueries({
  jobs: {
    /** Jobs in one status, oldest first: a hand-written named query beside the models' relation queries. */
    byStatus: defineQuery(({ args }: { args: string }) => {
      if (typeof args !== 'string') throw new TypeError(`jobs.byStatus takes a status string, got ${JSON.stringify(args)}`);
      return zql.jobs.where('status', args).orderBy('created_at', 'asc').orderBy('id', 'asc');
    }),
  },
});
