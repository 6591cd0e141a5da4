// The example stack's models for this run's sync mode: legacy (client-built queries, CRUD) or modern
// (named relation queries, custom mutators through zero-record/server).
import * as legacy from '../../../examples/stack/models.ts';
import * as modern from '../../../examples/stack/modern-models.ts';
import { SYNC_MODE } from './mode.ts';

const models = SYNC_MODE === 'modern' ? modern : legacy;

export const { ActiveClient, ActiveJob, ActiveTask, clientConfig, jobConfig, taskConfig } = models;
