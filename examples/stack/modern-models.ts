// The example stack's models in modern mode: the same configs over the schema without legacy flags,
// every read sent as the model's named relation query, every write a custom mutator.
import { defineStackModels } from './models.ts';
import { relationQueries } from './queries.ts';
import { modernSchema, type StackSchema } from './schema.ts';

// The two schemas have the same tables and differ only in the legacy flags, which the runtime reads
// from the object at run time: typing the modern one as the legacy one changes nothing else.
export const { clientConfig, taskConfig, jobConfig, ActiveClient, ActiveTask, ActiveJob } = defineStackModels(
  modernSchema as unknown as StackSchema,
  relationQueries,
);
