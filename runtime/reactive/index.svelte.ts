/**
 * zero-record/reactive: the Svelte 5 flavour. `ReactiveRecord.createModel(config)` gives finders that return live
 * record handles and collections synchronously; Zero views exist only while an effect reads them.
 * SSR-safe: nothing here touches the DOM, and on the server `svelte/reactivity` subscribers never start.
 */
import { ReactiveRecord as Factory } from './model.ts';
import { connection } from './connection.ts';

/**
 * The Svelte 5 flavour: `createModel(config)` and the reactive `connection`.
 * @example
 * export const ReactiveJob = ReactiveRecord.createModel(jobConfig);
 * const job = $derived(ReactiveJob.find(jobId)); // {job.title}, {#if job.$loading}
 */
export const ReactiveRecord = Object.freeze({ ...Factory, connection });
export { connection, ReactiveConnection } from './connection.ts';
export { ReactiveRelation, type ReactiveGrouped } from './relation.ts';
export { LiveValue } from './value.ts';
export type { ReactiveModel, ReactiveModelStatics, ReactiveScoped } from './model.ts';
export type { FoundRecordHandle, MissingRecordHandle, RecordHandle, RecordHandleState } from './handle.ts';
export type { ReactiveRecordInstance, ReactiveRecordMethods } from './record.ts';
export type { QueryStatus } from './answer.ts';
export { defineModel, configureZero, RecordNotFoundError } from '../index.ts';
export type { ConnectionStateName } from '../core/connection.ts';
