// The Svelte 5 flavour of the example stack's models, from the same configs as models.ts.
import { ReactiveRecord } from '../../runtime/reactive/index.svelte.ts';
import { clientConfig, jobConfig } from './models.ts';

export const ReactiveClient = ReactiveRecord.createModel(clientConfig);
export const ReactiveJob = ReactiveRecord.createModel(jobConfig);
