/**
 * zero-record/compat: the legacy `ReactiveQuery` / `ReactiveQueryOne` classes and generated-model handles, kept working
 * during a gradual migration. `configureRecords({ useNewRecordArchitecture })` decides whether they run on the new
 * runtime's shared views or on the legacy code path. See docs/compat.md.
 */
export { ReactiveQuery, ReactiveQueryOne, type QueryBuilder } from './reactive-query.ts';
export { manyHandle, oneHandle, notReadyHandle, GENERATED_TTL, type ModelHandle } from './model-handle.ts';
export { configureRecords, type RecordsOptions, type ArchitectureFlag, type CompatModel } from './config.ts';
export { LEGACY_DEFAULT_TTL, type CompatResultType, type QueryMeta } from './live-legacy-query.ts';
export type { LegacyQuery } from './views.ts';
