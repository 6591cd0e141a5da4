// The example stack's models, as an app declares them (one config per model, both flavours made
// from it). They use the Zero client given to configureZero(); examples/stack/schema.ts is the schema.
// `defineStackModels` makes them for either sync mode: this module exports the legacy ones
// (client-built queries), modern-models.ts the modern ones (reads through the named relation queries).
import { ActiveRecord, defineModel, type ModelConfig, type ModelQueries } from '../../runtime/index.ts';
import { schema, type StackSchema } from './schema.ts';

/** What a relationship thunk returns. */
type AssociatedModel = ReturnType<NonNullable<ModelConfig['relationships']>[string]>;

/** The relation and find queries of each model (modern mode), from defineRelationQueries. */
export interface StackRelationQueries {
  readonly job: ModelQueries;
  readonly client: ModelQueries;
  readonly task: ModelQueries;
}

export function defineStackModels(stackSchema: StackSchema, queries?: StackRelationQueries) {
  const clientConfig = defineModel({
    schema: stackSchema,
    table: 'clients',
    query: queries?.client.relation,
    find: queries?.client.find,
    validations: { name: [{ kind: 'presence' }] },
  });

  const taskConfig = defineModel({
    schema: stackSchema,
    table: 'tasks',
    query: queries?.task.relation,
    find: queries?.task.find,
    // Annotated: tasks -> jobs -> tasks would otherwise be a circular type.
    relationships: { job: (): AssociatedModel => jobConfig },
  });

  const jobConfig = defineModel({
    schema: stackSchema,
    table: 'jobs',
    query: queries?.job.relation,
    find: queries?.job.find,
    ttl: '2m',
    scopes: {
      active: (r) => r.where({ status: 'active' }),
      by_client: (r, id: string) => r.where({ client_id: id }),
    },
    relationships: { client: () => clientConfig, tasks: () => taskConfig },
    validations: {
      title: [{ kind: 'presence' }, { kind: 'length', maximum: 200 }],
      status: [{ kind: 'inclusion', in: ['active', 'done'] }],
    },
  });

  return {
    clientConfig,
    taskConfig,
    jobConfig,
    ActiveClient: ActiveRecord.createModel(clientConfig),
    ActiveTask: ActiveRecord.createModel(taskConfig),
    ActiveJob: ActiveRecord.createModel(jobConfig),
  };
}

export const { clientConfig, taskConfig, jobConfig, ActiveClient, ActiveTask, ActiveJob } = defineStackModels(schema);
