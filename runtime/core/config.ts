/**
 * ModelConfig: the one object both flavours (ActiveRecord, ReactiveRecord) are made from, and its validation.
 */
import type { Relation } from './relation.ts';
import type { FindQuery, RelationQuery } from './relation-queries.ts';
import { classify, demodulize, pluralize, underscore } from './inflect.ts';
import { ConfigError, TtlError } from './errors.ts';
import { DEFAULT_TTL, ttlToMs, type TtlInput } from './ttl.ts';
import type { Row as ZeroRow, TableSchema } from '@rocicorp/zero';
import type { AnySchema, ColumnType, RowData, ZeroSource } from './zero-types.ts';
import { memberClashes } from './member-names.ts';
import { isIdentifier } from './identifier.ts';
import { VALIDATION_KINDS, type Validations } from './validations.ts';
import { columnGetterProblems, type ColumnGetters } from './column-getters.ts';
import { columnCopyProblems, type ColumnCopy } from './column-copy.ts';
import { inheritanceOf, inheritanceProblems, type Inheritance, type InheritanceConfig } from './inheritance.ts';
import { enumClashes, enumDefinitions, enumModelNames, enumProblems, enumRecordMethods, enumScopes, isEnumScope, type EnumConfig, type EnumDefinition, type EnumMethodsOf, type EnumScopesOf, type EnumStaticsOf } from './enums.ts';

/** A scope: a function of the relation (and the scope's arguments) returning a relation, as Rails' `scope :name, ->(args) { ... }`. */
// Scope arguments are whatever the app's scope takes; the generated models type them precisely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScopeFn = (relation: Relation, ...args: any[]) => Relation;

/** Rails' `timestamp_attributes_for_update`: what an update and a touch set, where the table has them. */
export const UPDATE_TIMESTAMPS: readonly string[] = Object.freeze(['updated_at', 'updated_on']);
/** Rails' `timestamp_attributes_for_create`, then those for update: what a create sets. */
const CREATE_TIMESTAMPS: readonly string[] = Object.freeze(['created_at', 'created_on', ...UPDATE_TIMESTAMPS]);

/** Rails' `dependent:` options of has_many (`delete_all`) and has_one (`delete`) that `destroy` applies. */
export const DEPENDENTS = ['destroy', 'delete_all', 'delete', 'nullify', 'restrict_with_exception', 'restrict_with_error'] as const;
/** One of Rails' `dependent:` options `destroy` applies (core/dependents.ts). */
export type Dependent = (typeof DEPENDENTS)[number];

/**
 * What a model is made from. The generator writes these from the Rails models.
 * @example defineModel({ schema, table: 'jobs', ttl: '5m', scopes: { active: (r) => r.where({ status: 'active' }) } })
 */
export interface ModelConfig {
  /** The Zero schema (`createSchema(...)`); `table` must be one of its tables. */
  readonly schema: AnySchema;
  /** The Zero/PostgreSQL table name, Rails style (`jobs`). */
  readonly table: string;
  /** Class name used in messages (`Job`); defaults to Rails' `classify(table)`. */
  readonly className?: string;
  /** Defaults to the table's single primary-key column in the Zero schema, else `id`. */
  readonly primaryKey?: string;
  /** How long Zero keeps a query's data after its last view goes; default `'5m'`. */
  readonly ttl?: TtlInput;
  readonly scopes?: Readonly<Record<string, ScopeFn>>;
  /**
   * Rails' `default_scope`: applied to every relation of the model (`all()`, its finders and scopes, association readers
   * and `includes` of it), and to the attributes of records made through one, as in Rails; `unscoped()` and
   * `unscope(...)` remove it. E.g. `(r) => r.where({ deleted_at: null })`.
   */
  readonly defaultScope?: ((relation: Relation) => Relation) | undefined;
  /**
   * Rails' single-table inheritance, for a subclass model (`class Admin < User` on `users`): the type column (default
   * `type`) and the type names, the model's own first, then its descendants'. Every relation of the model reads only
   * the rows of those types (all, finders, calculations, bulk writes, association readers, includes and joins of it;
   * `unscoped()` too, as in Rails), and records made through one take the model's own type. E.g.
   * `{ column: 'type', types: ['Admin', 'SuperAdmin'] }`. The base class model (`User`) has none: it reads every row.
   */
  readonly inheritance?: InheritanceConfig | undefined;
  /**
   * Rails' `enum`s, by column: labels -> stored values, and the `prefix` / `suffix` of their methods. Each label gets
   * a scope and its `not_` scope (unless `scopes: false`), `<label>_p()` / `<label>_bang()` on records, and the
   * model the mapping (`Job.statuses`); labels are accepted wherever the column is written or compared.
   */
  readonly enums?: Readonly<Record<string, EnumConfig>>;
  /** Zero relationship name -> the associated model's definition (a thunk, so models can refer to each other). */
  readonly relationships?: Readonly<Record<string, () => ModelDefinition<unknown, unknown> | ModelConfig>>;
  /**
   * Rails' `dependent:` of a has_many / has_one, by relationship: what `destroy` does to the associated rows before it
   * deletes the record's own (core/dependents.ts).
   */
  readonly dependents?: Readonly<Record<string, Dependent>>;
  /**
   * Rails' `touch:` of a belongs_to, by relationship: `true` (the parent's `updated_at`) or also a column of the parent,
   * set to now when the record is created, saved with changes, destroyed or touched (core/touches.ts).
   */
  readonly touches?: Readonly<Record<string, true | string>>;
  /**
   * Rails' `counter_cache:` of a belongs_to, by relationship: `true` (the parent's `<records>_count`, Rails' name from
   * this model's class name: `jobs_count` for Job) or the parent's column. Creating, destroying and moving a record
   * writes the parent's count in the record's own mutation (core/counter-caches.ts).
   */
  readonly counterCaches?: Readonly<Record<string, true | string>>;
  readonly validations?: Validations;
  /** Column defaults applied by `create` to attributes left out (what the database's column defaults do for Rails). */
  readonly defaults?: Readonly<Record<string, string | number | boolean | null>>;
  /**
   * Columns named like a record member (`constructor`, `then`, `update`...): the member keeps the name, and records
   * read the column with `read_attribute('constructor')` (Rails' name). A clashing column missing here is a ConfigError.
   */
  readonly shadowedColumns?: readonly string[];
  /**
   * Rails timestamps: `create` sets `created_at` / `created_on` and `updated_at` / `updated_on`, `update` sets
   * `updated_at` / `updated_on`, where those columns exist. Default true.
   */
  readonly timestamps?: boolean;
  /** Overrides `configureZero` for this model (tests, multi-tenant apps). */
  readonly zero?: ZeroSource | undefined;
  /**
   * The model's named relation query (`queries.job.relation` from the generated `queries.ts`): every read is sent to
   * zero-cache as this query with the relation's spec. Without it, reads are client-built ZQL, which zero-cache answers
   * only when the schema sets `enableLegacyQueries` (`generate --legacy-sync`).
   */
  readonly query?: RelationQuery | undefined;
  /**
   * The model's named find query (`queries.job.find` from the generated `queries.ts`): `find(id)` (and any read that is
   * exactly the row with that key) is sent as this query with the bare key, which Zero hashes faster than a spec.
   * `| undefined` here and on the other fields a definition holds as `| undefined`: a definition is a config (a copy
   * of one is checked again), and `find: queries.job.find` is one under `exactOptionalPropertyTypes` too.
   */
  readonly find?: FindQuery | undefined;
  /**
   * One getter per record column (shadowed ones left out), each reading its column by name: the generator writes
   * them so reactive records read columns as fast as Zero's rows. Without them reactive records use shared getters.
   */
  readonly columnGetters?: ColumnGetters | undefined;
  /**
   * Copies each record column (shadowed ones left out) from Zero's row onto a new ActiveRecord record by name: the
   * generator writes it so building a record costs about what `{ ...row }` does. Without it the runtime copies in a loop.
   */
  readonly columnCopy?: ColumnCopy | undefined;
}

/** A validated, normalised ModelConfig. Produced by `defineModel`; both flavours take it. `R` and `S` carry the row and scope types. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export interface ModelDefinition<R = RowData, S = ScopeMap, A = {}, E = {}> {
  readonly kind: 'zero-record/model';
  /**
   * Type-level only: the row, the scopes, the record's members beyond its columns (associations, enum methods) and the
   * model's own members (enum mappings) this definition was made from.
   */
  readonly '~types'?: { readonly row: R; readonly scopes: S; readonly associations: A; readonly statics: E };
  readonly schema: AnySchema;
  readonly table: string;
  readonly className: string;
  readonly primaryKey: string;
  readonly columns: readonly string[];
  readonly columnTypes: Readonly<Record<string, ColumnType>>;
  readonly ttl: TtlInput;
  /** The config's scopes and those of its enums. */
  readonly scopes: Readonly<Record<string, ScopeFn>>;
  readonly defaultScope: ((relation: Relation) => Relation) | undefined;
  readonly inheritance: Inheritance | undefined;
  readonly enums: Readonly<Record<string, EnumDefinition>>;
  readonly relationships: Readonly<Record<string, () => ModelDefinition<unknown, unknown> | ModelConfig>>;
  readonly dependents: Readonly<Record<string, Dependent>>;
  readonly touches: Readonly<Record<string, true | string>>;
  /** The config's `counterCaches`, each as the parent's column (`true` resolved to Rails' name). */
  readonly counterCaches: Readonly<Record<string, string>>;
  readonly validations: Validations;
  readonly defaults: Readonly<Record<string, string | number | boolean | null>>;
  /** Columns records read only through `read_attribute` (their names are record members). */
  readonly shadowedColumns: readonly string[];
  /** The timestamp columns a create sets (those of Rails' `created_at`, `created_on`, `updated_at`, `updated_on` that exist, unless `timestamps: false`). */
  readonly timestampColumns: readonly string[];
  readonly zero: ZeroSource | undefined;
  readonly query: RelationQuery | undefined;
  readonly find: FindQuery | undefined;
  readonly columnGetters: ColumnGetters | undefined;
  readonly columnCopy: ColumnCopy | undefined;
}

export type ScopeMap = Readonly<Record<string, ScopeFn>>;

/** The row type of a config's table, from its Zero schema. */
export type RowOf<C> = C extends { readonly schema: { readonly tables: infer Tables }; readonly table: infer T }
  ? T extends keyof Tables
    ? Tables[T] extends TableSchema
      ? ZeroRow<Tables[T]>
      : RowData
    : RowData
  : RowData;

/** The scopes of a config, its enums' included. */
export type ScopesOf<C> = (C extends { readonly scopes: infer S } ? S : {}) & EnumScopesOf<C>;

/** What a config's records have beyond their columns: association readers, enum methods. */
export type RecordMembersOf<C> = AssociationsOf<C> & EnumMethodsOf<C>;

/** What a config's model objects have beyond relation methods and scopes: the enum mappings. */
export type StaticsOf<C> = EnumStaticsOf<C>;

/**
 * The shape of one Zero relationship: `one` (to one row: belongs_to / has_one; through a junction table, as Zero reads
 * it, by the last hop), `row` (the row type of the table it ends at) and `through` (two hops: read with `includes` only).
 */
type AssociationOf<Hops, Tables> = Hops extends readonly [...unknown[], { readonly destSchema: infer D; readonly cardinality: infer Card }]
  ? D extends keyof Tables
    ? Tables[D] extends TableSchema
      ? { readonly one: Card extends 'one' ? true : false; readonly row: ZeroRow<Tables[D]>; readonly through: Hops extends readonly [unknown] ? false : true }
      : never
    : never
  : never;

/**
 * The associations of a config: each relationship it configures, as `{ one, row }` from its Zero schema's relationships
 * (`one` for belongs_to / has_one, `row` the associated table's row type). The record types turn them into readers.
 */
export type AssociationsOf<C> = C extends {
  readonly schema: { readonly tables: infer Tables; readonly relationships: infer Rels };
  readonly table: infer T;
  readonly relationships: infer Configured;
}
  ? T extends keyof Rels
    ? { readonly [K in keyof Configured & keyof Rels[T]]: AssociationOf<Rels[T][K], Tables> }
    : {}
  : {};

const CONFIG_KEYS = new Set(['schema', 'table', 'className', 'primaryKey', 'ttl', 'scopes', 'defaultScope', 'inheritance', 'enums', 'relationships', 'dependents', 'touches', 'counterCaches', 'validations', 'defaults', 'shadowedColumns', 'timestamps', 'zero', 'query', 'find', 'columnGetters', 'columnCopy']);


interface TableSchemaShape {
  readonly columns: Readonly<Record<string, { readonly type: string }>>;
  readonly primaryKey: readonly string[];
}

function tableOf(schema: AnySchema, table: string): TableSchemaShape | undefined {
  return (schema.tables as Record<string, TableSchemaShape>)[table];
}

function isDefinition(value: unknown): value is ModelDefinition<unknown, unknown> {
  return typeof value === 'object' && value !== null && (value as ModelDefinition).kind === 'zero-record/model';
}

/** The definitions `defineModel` made: any other object of that kind is a copy (`{ ...jobConfig, query }`), checked again. */
const made = new WeakSet<object>();

/** The config a copy of a definition stands for: its options, without the fields `defineModel` derives from them. */
function configOfCopy(copy: ModelDefinition<unknown, unknown>): ModelConfig {
  const config: Record<string, unknown> = Object.fromEntries(Object.entries(copy).filter(([key]) => CONFIG_KEYS.has(key)));
  // The enums' own scopes are made again from them; the copy's enums may be definitions, or configs it was given.
  config['scopes'] = Object.fromEntries(Object.entries(copy.scopes ?? {}).filter(([, scope]) => !isEnumScope(scope)));
  const enums: Readonly<Record<string, EnumDefinition | EnumConfig>> = copy.enums ?? {};
  config['enums'] = Object.fromEntries(Object.entries(enums).map(([column, given]) => [column, 'methods' in given ? given.config : given]));
  // A model without timestamp columns maintains none either way; with them, none means `timestamps: false`.
  if (!('timestamps' in config) && copy.timestampColumns.length === 0) config['timestamps'] = false;
  return config as unknown as ModelConfig;
}

/** Lists every problem in `config` (empty when valid). */
export function modelConfigProblems(config: ModelConfig): string[] {
  const problems: string[] = [];
  if (typeof config !== 'object' || config === null) return ['the model config must be an object'];
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.has(key)) problems.push(`unknown option '${key}' (known: ${[...CONFIG_KEYS].join(', ')})`);
  }
  const schema = config.schema as AnySchema | undefined;
  if (!schema || typeof schema !== 'object' || typeof schema.tables !== 'object') {
    problems.push("'schema' must be a Zero schema made with createSchema()");
  }
  if (typeof config.table !== 'string' || config.table === '') problems.push("'table' must be a non-empty string");
  const table = schema?.tables && typeof config.table === 'string' ? tableOf(schema, config.table) : undefined;
  if (schema?.tables && typeof config.table === 'string' && config.table && !table) {
    problems.push(`unknown table '${config.table}' (the schema has: ${Object.keys(schema.tables).join(', ') || 'no tables'})`);
  }
  if (config.className !== undefined && (typeof config.className !== 'string' || !isIdentifier(config.className))) {
    problems.push(`className ${JSON.stringify(config.className)} is not a valid identifier`);
  }
  const columns = table ? Object.keys(table.columns) : [];
  if (table) {
    const pk = config.primaryKey ?? defaultPrimaryKey(table);
    if (!columns.includes(pk)) problems.push(`primary key '${pk}' is not a column of '${config.table}'`);
    if (config.primaryKey === undefined && table.primaryKey.length > 1) {
      problems.push(`'${config.table}' has a composite primary key (${table.primaryKey.join(', ')}); composite keys are not supported`);
    }
    for (const column of columns) {
      if (column.startsWith('$')) problems.push(`column '${column}' starts with '$', which is reserved for record state`);
    }
  }
  if (config.ttl !== undefined) {
    try {
      ttlToMs(config.ttl);
    } catch (error) {
      if (error instanceof TtlError) problems.push(error.message);
      else throw error;
    }
  }
  for (const [name, scope] of Object.entries(config.scopes ?? {})) {
    if (!isIdentifier(name)) problems.push(`scope '${name}' is not a valid identifier`);
    if (typeof scope !== 'function') problems.push(`scope '${name}' must be a function (relation, ...args) => relation`);
  }
  const enumsProblems = enumProblems(config.enums, table ? Object.fromEntries(Object.entries(table.columns).map(([name, column]) => [name, column.type])) : undefined);
  problems.push(...enumsProblems);
  const enums = enumsProblems.length === 0 ? enumDefinitions(config.enums) : {};
  problems.push(...enumClashes(enums, { columns, relationships: Object.keys(config.relationships ?? {}) }));
  const schemaRelationships = (schema?.relationships as Record<string, Record<string, unknown>> | undefined)?.[config.table] ?? {};
  for (const [name, target] of Object.entries(config.relationships ?? {})) {
    if (!(name in schemaRelationships)) {
      problems.push(
        `relationship '${name}' is not defined for '${config.table}' in the Zero schema (it has: ${Object.keys(schemaRelationships).join(', ') || 'none'})`,
      );
    }
    if (typeof target !== 'function') problems.push(`relationship '${name}' must be a function returning the associated model config`);
    if (columns.includes(name)) problems.push(`relationship '${name}' has the name of a column`);
  }
  const shadowed = config.shadowedColumns ?? [];
  if (!Array.isArray(shadowed)) problems.push("'shadowedColumns' must be an array of column names");
  else for (const column of shadowed) if (table && !columns.includes(column)) problems.push(`shadowedColumns names '${column}', which is not a column of '${config.table}'`);
  if (table && Array.isArray(shadowed)) {
    problems.push(
      ...memberClashes({
        scopes: Object.keys(config.scopes ?? {}),
        enumNames: enumModelNames(enums),
        columns,
        relationships: Object.keys(config.relationships ?? {}),
        recordMethods: enumRecordMethods(enums).map((method) => method.name),
        shadowedColumns: shadowed,
      }),
    );
  }
  for (const column of Object.keys(config.defaults ?? {})) {
    if (table && !columns.includes(column)) problems.push(`default for unknown column '${column}'`);
  }
  for (const [name, dependent] of Object.entries(config.dependents ?? {})) {
    if (!Object.hasOwn(config.relationships ?? {}, name)) problems.push(`dependent for '${name}', which is not one of the relationships`);
    else problems.push(...dependentProblems(name, dependent, schemaRelationships[name], table ? (config.primaryKey ?? defaultPrimaryKey(table)) : undefined));
  }
  for (const [name, touch] of Object.entries(config.touches ?? {})) {
    if (!Object.hasOwn(config.relationships ?? {}, name)) problems.push(`touch for '${name}', which is not one of the relationships`);
    else if (touch !== true && (typeof touch !== 'string' || touch === '')) problems.push(`touch for '${name}': expected true or the name of a column of the parent, got ${String(touch)}`);
    else if (table && !belongsTo(schemaRelationships[name], config.primaryKey ?? defaultPrimaryKey(table))) problems.push(`touch for '${name}': Rails' touch: is a belongs_to's option`);
  }
  for (const [name, counter] of Object.entries(config.counterCaches ?? {})) {
    if (!Object.hasOwn(config.relationships ?? {}, name)) problems.push(`counter cache for '${name}', which is not one of the relationships`);
    else if (counter !== true && (typeof counter !== 'string' || counter === '')) problems.push(`counter cache for '${name}': expected true or the name of a column of the parent, got ${String(counter)}`);
    else if (table && !belongsTo(schemaRelationships[name], config.primaryKey ?? defaultPrimaryKey(table))) problems.push(`counter cache for '${name}': Rails' counter_cache: is a belongs_to's option`);
  }
  if (config.defaultScope !== undefined && typeof config.defaultScope !== 'function') problems.push("'defaultScope' must be a function of the relation, (r) => r.where(...)");
  problems.push(...inheritanceProblems(config.inheritance, table ? Object.fromEntries(Object.entries(table.columns).map(([name, column]) => [name, column.type])) : undefined));
  if (config.timestamps !== undefined && typeof config.timestamps !== 'boolean') problems.push("'timestamps' must be true or false");
  if (config.query !== undefined && (typeof config.query !== 'function' || typeof config.query.queryName !== 'string')) {
    problems.push("'query' must be a named query from defineQueries (queries.<model>.relation in the generated queries.ts)");
  }
  if (config.find !== undefined) {
    if (typeof config.find !== 'function' || typeof config.find.queryName !== 'string') {
      problems.push("'find' must be a named query from defineQueries (queries.<model>.find in the generated queries.ts)");
    } else if (table && (table.primaryKey.length !== 1 || (config.primaryKey ?? table.primaryKey[0]) !== table.primaryKey[0])) {
      // The find query looks rows up by the table's Zero primary key: with another model key it would return other rows.
      problems.push(`'find' looks rows up by the Zero primary key of '${config.table}' (${table.primaryKey.join(', ')}), not by the model's primaryKey '${config.primaryKey}'`);
    }
  }
  if (table && Array.isArray(shadowed)) {
    const recordColumns = columns.filter((column) => !shadowed.includes(column));
    if (config.columnGetters !== undefined) problems.push(...columnGetterProblems(config.columnGetters, recordColumns));
    if (config.columnCopy !== undefined) problems.push(...columnCopyProblems(config.columnCopy, recordColumns, shadowed));
  }
  for (const [attribute, rules] of Object.entries(config.validations ?? {})) {
    if (table && !columns.includes(attribute)) problems.push(`validation for unknown column '${attribute}'`);
    if (!Array.isArray(rules)) {
      problems.push(`validations for '${attribute}' must be an array of rules`);
      continue;
    }
    for (const rule of rules) {
      if (!VALIDATION_KINDS.has(rule?.kind)) {
        problems.push(`validation '${String(rule?.kind)}' on '${attribute}' is unknown (known: ${[...VALIDATION_KINDS].join(', ')})`);
      }
    }
  }
  return problems;
}

/**
 * What Rails' `dependent:` option check refuses, for a relationship read in one hop: a has_many takes `delete_all`, a
 * has_one `delete`. A belongs_to's (Rails deletes the owner after the record) and a through relationship's (its join
 * rows) are not applied here, so they are refused rather than half done.
 */
function dependentProblems(name: string, dependent: unknown, hops: unknown, primaryKey: string | undefined): string[] {
  if (!(DEPENDENTS as readonly unknown[]).includes(dependent)) return [`dependent '${String(dependent)}' for '${name}': expected one of ${DEPENDENTS.join(', ')}`];
  if (!Array.isArray(hops)) return []; // the relationship's own problem is reported
  if (hops.length !== 1) return [`dependent for '${name}': a relationship through a junction table (its join rows are not destroyed)`];
  const [{ cardinality }] = hops as [{ cardinality: 'one' | 'many' }];
  if (primaryKey !== undefined && belongsTo(hops, primaryKey)) {
    return [`dependent for '${name}': a belongs_to (its key is on this table); dependents are applied on has_many and has_one`];
  }
  if (cardinality === 'many' && dependent === 'delete') return [`dependent 'delete' for '${name}': a has_many takes delete_all`];
  if (cardinality === 'one' && dependent === 'delete_all') return [`dependent 'delete_all' for '${name}': a has_one takes delete`];
  return [];
}

/** A relationship read in one hop from a key on this table (not its primary key): Rails' belongs_to. */
function belongsTo(hops: unknown, primaryKey: string): boolean {
  if (!Array.isArray(hops) || hops.length !== 1) return false;
  const [{ sourceField, cardinality }] = hops as [{ sourceField: readonly string[]; cardinality: 'one' | 'many' }];
  return cardinality === 'one' && (sourceField.length !== 1 || sourceField[0] !== primaryKey);
}

/** Each counter cache's column: `true` is Rails' `counter_cache_column`, `<records>_count` from the class name (CountedJob: `counted_jobs_count`). */
function counterColumns(counterCaches: Readonly<Record<string, true | string>>, className: string): Record<string, string> {
  const ownName = `${pluralize(underscore(demodulize(className)))}_count`;
  return Object.fromEntries(Object.entries(counterCaches).map(([name, counter]) => [name, counter === true ? ownName : counter]));
}

function defaultPrimaryKey(table: TableSchemaShape): string {
  return table.primaryKey.length === 1 ? table.primaryKey[0]! : 'id';
}

/** Throws one `ConfigError` listing every problem of `config`. */
export function validateModelConfig(config: ModelConfig): void {
  const problems = modelConfigProblems(config);
  if (problems.length > 0) {
    const subject = typeof config?.table === 'string' ? `Invalid model config for '${config.table}'` : 'Invalid model config';
    throw new ConfigError(subject, problems);
  }
}

/**
 * Validates and normalises a model config once; both `ActiveRecord.createModel` and `ReactiveRecord.createModel` take the result.
 * A definition it made is returned as it is; a copy of one with options changed (`{ ...jobConfig, query }`) is checked again.
 * @example
 * export const jobConfig = defineModel({ schema, table: 'jobs', scopes: { active: (r) => r.where({ status: 'active' }) } });
 */
export function defineModel<R, S, A, E>(config: ModelDefinition<R, S, A, E>): ModelDefinition<R, S, A, E>;
export function defineModel<const C extends ModelConfig>(config: C): ModelDefinition<RowOf<C>, ScopesOf<C>, RecordMembersOf<C>, StaticsOf<C>>;
export function defineModel(config: ModelConfig | ModelDefinition<unknown, unknown>): ModelDefinition;
export function defineModel(config: ModelConfig | ModelDefinition<unknown, unknown>): ModelDefinition {
  if (isDefinition(config)) return made.has(config) ? (config as ModelDefinition) : defineModel(configOfCopy(config));
  const known = definitions.get(config);
  if (known) return known;
  validateModelConfig(config);
  const table = tableOf(config.schema, config.table)!;
  const enums = enumDefinitions(config.enums);
  const columnTypes: Record<string, ColumnType> = {};
  for (const [name, column] of Object.entries(table.columns)) columnTypes[name] = column.type as ColumnType;
  const className = config.className ?? classify(config.table);
  const definition: ModelDefinition = Object.freeze({
    kind: 'zero-record/model' as const,
    schema: config.schema,
    table: config.table,
    className,
    primaryKey: config.primaryKey ?? defaultPrimaryKey(table),
    columns: Object.freeze(Object.keys(table.columns)),
    columnTypes: Object.freeze(columnTypes),
    ttl: config.ttl ?? DEFAULT_TTL,
    // The model's own scope of an enum scope's name wins (in Rails the later one does, with a warning).
    scopes: Object.freeze({ ...enumScopes(enums), ...(config.scopes ?? {}) }),
    defaultScope: config.defaultScope,
    inheritance: inheritanceOf(config.inheritance),
    enums,
    relationships: Object.freeze({ ...(config.relationships ?? {}) }),
    dependents: Object.freeze({ ...(config.dependents ?? {}) }),
    touches: Object.freeze({ ...(config.touches ?? {}) }),
    counterCaches: Object.freeze(counterColumns(config.counterCaches ?? {}, className)),
    validations: Object.freeze({ ...(config.validations ?? {}) }),
    defaults: Object.freeze({ ...(config.defaults ?? {}) }),
    shadowedColumns: Object.freeze([...(config.shadowedColumns ?? [])]),
    timestampColumns: Object.freeze(config.timestamps === false ? [] : CREATE_TIMESTAMPS.filter((c) => c in table.columns)),
    zero: config.zero,
    query: config.query,
    find: config.find,
    columnGetters: config.columnGetters,
    columnCopy: config.columnCopy,
  });
  definitions.set(config, definition);
  made.add(definition);
  return definition;
}

/** One definition per config object, so relationship thunks returning a config resolve to the same model. */
const definitions = new WeakMap<ModelConfig, ModelDefinition>();

/** A column the Zero schema does not mark `.optional()`: it cannot hold NULL. */
export function isRequired(model: ModelDefinition, column: string): boolean {
  return model.schema.tables[model.table]?.columns[column]?.optional !== true;
}
