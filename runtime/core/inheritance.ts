/**
 * Rails' single-table inheritance for a subclass model (`class Admin < User`, on `users` with a `type` column): the
 * config's `inheritance`. Its relations read the rows whose type column names it or a descendant (Rails'
 * `type_condition`, part of the relation Rails starts from, so `unscoped` keeps it and `unscope('where')` drops it),
 * and records made through them take its type (Rails' `ensure_proper_type`). The base class model needs no option: in
 * Rails it reads every row of the table.
 */
import { hashCondition, type Condition } from './conditions.ts';
import type { ModelDefinition } from './config.ts';
import { SubclassNotFoundError } from './errors.ts';

/** The config's `inheritance`: the type column (Rails' `inheritance_column`, default `type`) and the type names. */
export interface InheritanceConfig {
  readonly column?: string;
  /** The model's own `sti_name` (what its new records take), then its descendants' (`['Admin', 'SuperAdmin']`). */
  readonly types: readonly string[];
}

/** A definition's `inheritance`, normalised. */
export interface Inheritance {
  readonly column: string;
  readonly types: readonly string[];
}

/** Every problem of a config's `inheritance`, given the table's column types (undefined when the table is unknown). */
export function inheritanceProblems(inheritance: unknown, columnTypes: Readonly<Record<string, string>> | undefined): string[] {
  if (inheritance === undefined) return [];
  if (typeof inheritance !== 'object' || inheritance === null || Array.isArray(inheritance)) return ["'inheritance' must be { column?: 'type', types: ['Admin', ...] }"];
  const { column = 'type', types, ...rest } = inheritance as { column?: unknown; types?: unknown };
  const problems = Object.keys(rest).map((key) => `inheritance: unknown option '${key}' (known: column, types)`);
  if (typeof column !== 'string') problems.push('inheritance: column must be the name of the type column');
  else if (columnTypes && columnTypes[column] !== 'string') {
    problems.push(column in columnTypes ? `inheritance: column '${column}' is not a string column` : `inheritance: '${column}' is not a column of the table`);
  }
  if (!Array.isArray(types) || types.length === 0 || !types.every((t) => typeof t === 'string' && t !== '')) {
    problems.push("inheritance: types must list the model's own type name, then its descendants' (non-empty strings)");
  } else if (new Set(types).size !== types.length) problems.push('inheritance: types lists a name twice');
  return problems;
}

/** The normalised `inheritance` of a valid config. */
export function inheritanceOf(config: InheritanceConfig | undefined): Inheritance | undefined {
  return config && Object.freeze({ column: config.column ?? 'type', types: Object.freeze([...config.types]) });
}

const conditions = new WeakMap<ModelDefinition, Condition>();

/**
 * Rails' `type_condition`: the type column is one of the model's types (`=` for one, as Rails' predicate builder
 * writes a one-value list); undefined for a model without `inheritance`.
 */
export function typeCondition(model: ModelDefinition): Condition | undefined {
  const { inheritance } = model;
  if (!inheritance) return undefined;
  let condition = conditions.get(model);
  if (!condition) {
    const { column, types } = inheritance;
    condition = hashCondition(model, { [column]: types.length === 1 ? types[0]! : types }, model.className);
    conditions.set(model, condition);
  }
  return condition;
}

/** `{ type: 'Admin' }`: the model's own type (nothing for a model without `inheritance`). */
export function ownType(model: ModelDefinition): Record<string, string> {
  const { inheritance } = model;
  return inheritance ? { [inheritance.column]: inheritance.types[0]! } : {};
}

/** Rails' `present?` of an attribute value: nil and blank strings are not. */
const present = (value: unknown): boolean => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

/**
 * The type a record made through a relation of `model` starts with, before the relation's and the caller's attributes:
 * Rails' `ensure_proper_type` (`{ type: 'Admin' }`; nothing for a model without `inheritance`). Rails' `new` first
 * takes the type the attributes give, else the one the relation pins (`where`, `create_with`), and raises
 * SubclassNotFound for a type that is not the model's or a descendant's: it would make a record of another class.
 */
export function initialType(model: ModelDefinition, scoped: Readonly<Record<string, unknown>>, given: Readonly<Record<string, unknown>>): Record<string, string> {
  const { inheritance } = model;
  if (!inheritance) return {};
  const { column, types } = inheritance;
  const named = present(given[column]) ? given[column] : scoped[column];
  if (present(named) && !types.includes(String(named))) {
    throw new SubclassNotFoundError(`Invalid single-table inheritance type: ${String(named)} is not a subclass of ${types[0]}`);
  }
  return ownType(model);
}
