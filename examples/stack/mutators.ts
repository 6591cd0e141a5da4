// The example stack's custom mutators (modern mode): each model's create / update / destroy / upsert,
// with its argument checks and Rails validations. Registered on the client (`new Zero({ mutators })`)
// and run again, authoritatively, by the endpoints (examples/stack/server.ts).
import { defineModelMutators } from '../../runtime/index.ts';
import { clientConfig, jobConfig, taskConfig } from './modern-models.ts';

export const mutators = defineModelMutators({ job: jobConfig, client: clientConfig, task: taskConfig });
