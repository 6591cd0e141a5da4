// The example stack's models, as an app declares them (one config per model, both flavours made
// from it). They use the Zero client given to configureZero(); examples/stack/schema.ts is the schema.
import { ActiveRecord, defineModel, type ModelConfig } from '../../runtime/index.ts';
import { schema } from './schema.ts';

/** What a relationship thunk returns. */
type AssociatedModel = ReturnType<NonNullable<ModelConfig['relationships']>[string]>;

export const clientConfig = defineModel({
  schema,
  table: 'clients',
  validations: { name: [{ kind: 'presence' }] },
});

export const taskConfig = defineModel({
  schema,
  table: 'tasks',
  // Annotated: tasks -> jobs -> tasks would otherwise be a circular type.
  relationships: { job: (): AssociatedModel => jobConfig },
});

export const jobConfig = defineModel({
  schema,
  table: 'jobs',
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

export const ActiveClient = ActiveRecord.createModel(clientConfig);
export const ActiveTask = ActiveRecord.createModel(taskConfig);
export const ActiveJob = ActiveRecord.createModel(jobConfig);
