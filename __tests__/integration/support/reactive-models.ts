// ReactiveJob / ReactiveClient for this run's sync mode, from the same configs as support/models.ts.
import { ReactiveRecord } from '../../../runtime/reactive/index.svelte.ts';
import { clientConfig, jobConfig } from './models.ts';

export const ReactiveClient = ReactiveRecord.createModel(clientConfig);
export const ReactiveJob = ReactiveRecord.createModel(jobConfig);
