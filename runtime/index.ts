/**
 * zero-record: the Rails Active Record API over Rocicorp Zero.
 * This entry is framework-free (no Svelte); the Svelte 5 flavour is `zero-record/reactive`.
 */
export { ActiveRecord, ActiveRelation, type ActiveModel, type ActiveModelStatics, type ActiveScoped, type ActiveGrouped, type ActiveRecordInstance, type RecordMethods, type Subscriber } from './active/index.ts';
export { defineModel, validateModelConfig, modelConfigProblems, type ModelConfig, type ModelDefinition, type Dependent, type ScopeFn, type RowOf, type ScopesOf, type RecordMembersOf, type StaticsOf } from './core/config.ts';
export type { EnumConfig, EnumValue } from './core/enums.ts';
export { RECORD_VALUES, defineColumnGetters, type ColumnGetters, type RecordValues } from './core/column-getters.ts';
export { defineColumnCopy, type ColumnCopy } from './core/column-copy.ts';
export { Relation, type Direction, type OrderArg, type IncludeArg } from './core/relation.ts';
export type { WhereHash, WhereValue, Range, Match, Scalar, Condition, Operator } from './core/conditions.ts';
export { sanitize_sql_like } from './core/conditions.ts';
export { applySpec, buildRelationQuery, type RelationSpec, type ZqlQuery } from './core/relation-spec.ts';
export { validateRelationSpec, DEFAULT_SPEC_LIMITS, type SpecLimits } from './core/spec-validation.ts';
export {
  relationQuery,
  findQuery,
  defineRelationQueries,
  type RelationQuery,
  type FindQuery,
  type ModelQueries,
  type RelationQueries,
  type RelationQueryOptions,
} from './core/relation-queries.ts';
export { defineModelMutators, type ModelMutatorArgs, type ModelMutatorName } from './core/model-mutators.ts';
export {
  ZeroRecordError, RecordNotFoundError, SoleRecordExceededError, ConfigError, TtlError, QueryError, ZeroNotReadyError,
  UnknownAttributeError, MissingAttributeError, MutationError, RecordNotUniqueError, NotNullViolationError, ConnectionError, QueryFailedError, RecordInvalidError, RecordNotSavedError, RecordNotDestroyedError, DeleteRestrictionError, SubclassNotFoundError, InvalidRelationSpecError, type ValidationErrors, type ValidationErrorDetails, type ErrorDetail,
} from './core/errors.ts';
export { Errors } from './core/record-errors.ts';
export type { PersistenceMethods, RowChanges, AttributeChangeOptions, SaveOptions } from './core/persistence.ts';
export { normalizeTtl, ttlToMs, DEFAULT_TTL, ZERO_MAX_TTL_MS, type TtlInput } from './core/ttl.ts';
export { configureZero } from './core/zero-source.ts';
export { type WriteOptions } from './core/zero-write.ts';
export { type LiveResult } from './core/shared-views.ts';
export { recordMutators, type WriteOperation } from './core/mutators.ts';
export { reservedNames, type MemberSide } from './core/member-names.ts';
export { tsMethodName, rubyMethodName } from './core/ruby-names.ts';
export { setWarningSink, type WarningSink } from './core/warn.ts';
export { onEvent, type ZeroRecordEvent, type EventHook, type MonitoredOperation } from './core/monitoring.ts';
export { connectionState, watchConnection, type ConnectionStateName, type RetryOptions, type WatchOptions } from './core/connection.ts';
export { validationErrors, type ValidationRule, type Validations } from './core/validations.ts';
export type { ZeroSource } from './core/zero-types.ts';
