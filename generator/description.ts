/**
 * The model description: the JSON contract between the Rails side (rails/lib/zero_record/describer.rb,
 * or generator/static from source files) and the TypeScript generator. Both producers emit exactly this shape.
 */

/** A Ruby value as JSON: symbols are strings, regexps / ranges / code are tagged objects. */
export type RubyValue =
  | string
  | number
  | boolean
  | null
  | RubyValue[]
  | RubyRegexp
  | RubyRange
  | RubyOpaque
  | { [key: string]: RubyValue };

export interface RubyRegexp {
  regexp: string;
  /** Any of `i`, `m`, `x` (Ruby option letters). */
  flags: string;
}

export interface RubyRange {
  range: [RubyValue, RubyValue];
  exclude_end: boolean;
}

/** A value the describer could not express as data: `{ ruby: 'proc' }` for a lambda, else the Ruby class or `expression`. */
export interface RubyOpaque {
  ruby: string;
}

export interface ColumnDescription {
  name: string;
  /** Active Record's abstract type: string, text, integer, float, decimal, boolean, date, datetime, time, json, jsonb, uuid, binary... */
  type: string;
  null: boolean;
  default: RubyValue;
  default_function: string | null;
  array: boolean;
}

export interface EnumDescription {
  name: string;
  /** Rails label -> stored value (`{ draft: 'draft' }` or `{ low: 0 }`). */
  values: Record<string, string | number>;
  /** The word Rails joins before / after each label in the enum's method names (`prefix: true` is the enum's name). */
  prefix: string | null;
  suffix: string | null;
  /** Rails' `scopes:` and `instance_methods:` options (false when the app turned them off). */
  scopes: boolean;
  instance_methods: boolean;
  /** Rails 7.1's `validate:`: a value the enum does not have makes the record invalid instead of raising. */
  validate: boolean;
}

export type AssociationMacro = 'belongs_to' | 'has_many' | 'has_one' | 'has_and_belongs_to_many';

export interface AssociationDescription {
  name: string;
  macro: AssociationMacro;
  /** null for a polymorphic belongs_to. */
  class_name: string | null;
  /** null for `through` associations (see `through` / `source`). */
  foreign_key: string | null;
  primary_key: string | null;
  through: string | null;
  source: string | null;
  as: string | null;
  polymorphic: boolean;
  /** `optional:` as written; null when not given. */
  optional: boolean | null;
  /** `dependent:` as written (`destroy`, `delete_all`, `nullify`, ...); null when not given. Optional in a description. */
  dependent?: string | null;
  /** A belongs_to's `counter_cache:`: the parent's column it keeps (`comments_count`); null without one. Optional in a description. */
  counter_cache?: string | null;
  /**
   * What of a belongs_to's `counter_cache:` the describer could not read, in words (the static path reads literals, and
   * the hash's column: and active:); the report says it. Left out when it read all of it.
   */
  counter_cache_unread?: string;
  /** A belongs_to's `touch:`: true, or the parent's column it sets; null without one. Optional in a description. */
  touch?: true | string | null;
  /** The association has a scope block (`has_many :tasks, -> { order(:position) }`). */
  scoped: boolean;
}

export interface ValidationDescription {
  /** Rails validator kind: presence, absence, length, numericality, inclusion, exclusion, format, uniqueness, or a custom one. */
  kind: string;
  options: { [key: string]: RubyValue };
}

export interface ScopeParam {
  name: string | null;
  kind: 'req' | 'opt' | 'rest' | 'keyreq' | 'key' | 'keyrest' | 'block';
  /** Ruby source of the default value (`opt` / `key`). */
  default?: string | null;
}

export interface ScopeDescription {
  name: string;
  line: number;
  /** Ruby source of the scope body: `-> { where(status: "active") }`. */
  source: string;
  params: ScopeParam[];
  /** Ruby's Proc#arity for the body. */
  arity: number;
  /** Where it is declared, relative to the app root, when not in the model's own file (a single-table-inheritance parent's). */
  file?: string;
}

/** One `default_scope` declaration Rails applies to the model, its own or inherited (a parent class's, a concern's). */
export interface DefaultScopeDescription {
  /** Where it is declared, relative to the app root; null where the describer could not tell (a gem's, a proc made in code). */
  file: string | null;
  line: number | null;
  /** Ruby source of the declaration: `default_scope { where(deleted_at: nil) }`; null where it could not be read. */
  source: string | null;
}

export interface ModelDescription {
  class_name: string;
  table: string;
  primary_key: string | null;
  /** Path of the model file relative to the app root. */
  file: string;
  columns: ColumnDescription[];
  enums: EnumDescription[];
  associations: AssociationDescription[];
  /**
   * Attribute -> validators; attributes in order of first declaration, validators in declaration order (Rails' error
   * order). A required belongs_to's own presence validator (Rails 5+) is left out, as it depends on the app's config, but
   * its name is listed where the belongs_to is declared (with no validator unless others name it): its error comes there.
   */
  validations: Record<string, ValidationDescription[]>;
  scopes: ScopeDescription[];
  /** Rails' default scopes in the order it applies them (a parent class's first); optional in a description. */
  default_scopes?: DefaultScopeDescription[];
  /** Rails' single-table inheritance of a subclass (`class Admin < User`); absent for a base class. */
  inheritance?: InheritanceDescription;
}

/**
 * A single-table-inheritance subclass: its `base_class`, whose table it reads, and the condition Rails reads it with:
 * the type column and the types it holds (the class's `sti_name`, then its descendants', sorted). `column` is null and
 * `types` empty where the table has no type column: Rails then reads every row for the subclass, as for its base.
 */
export interface InheritanceDescription {
  base_class: string;
  column: string | null;
  types: string[];
}

export type SkipReason = 'abstract' | 'missing_table';

export interface SkippedModel {
  class_name: string;
  file: string;
  reason: SkipReason;
}

export interface AppDescription {
  /** 2 since enums carry their options (prefix, suffix, scopes, instance_methods). */
  version: 2;
  /** Sorted by class_name. */
  models: ModelDescription[];
  skipped: SkippedModel[];
}
