/**
 * Rails' `enum`: a column's labels and the values stored for them, and what Rails derives from them: a scope per label
 * and its `not_` scope, `<label>?` / `<label>!` on records (here `<label>_p()` / `<label>_bang()`), the class-level
 * mapping (`Job.statuses`), and labels accepted wherever a value is written or compared. A column keeps the value
 * stored (what Zero's row holds): an integer-backed enum's column reads its number.
 */
import type { Relation } from './relation.ts';
import { QueryError, describeValue } from './errors.ts';
import { pluralize } from './inflect.ts';
import type { WriteOptions } from './zero-write.ts';
import { isIdentifier } from './identifier.ts';

/** What an enum stores for a label: a string or an integer, as its column. */
export type EnumValue = string | number;

/**
 * One `enum` of a model, as the generator writes it from Rails' `enum :status, { ... }, prefix: true`.
 * @example status: { values: { draft: 'draft', active: 'active' }, prefix: 'status' }
 */
export interface EnumConfig {
  /** Label -> stored value, in declaration order (Rails' `defined_enums`). */
  readonly values: Readonly<Record<string, EnumValue>>;
  /** Rails' `prefix:` / `suffix:` as the word joined to each label in method names (`status` -> `status_draft_p()`). */
  readonly prefix?: string;
  readonly suffix?: string;
  /** Rails' `scopes:` (default true): a scope per label (`Job.status_draft()`) and its negation (`not_status_draft()`). */
  readonly scopes?: boolean;
  /** Rails' `instance_methods:` (default true): `status_draft_p()` and `status_draft_bang()` on records. */
  readonly instanceMethods?: boolean;
  /**
   * Rails 7.1's `validate: true`: a value the enum does not have is kept as assigned, for an inclusion validation of
   * the column to refuse (`Status is not included in the list`), instead of raising on assignment.
   */
  readonly validate?: boolean;
  /**
   * The name of the model's label -> value mapping (Rails' `Job.statuses`); default the column's plural. The generator
   * writes it, so the type names it exactly (the type-level default knows only the plurals English's regular rules give).
   */
  readonly mapping?: string;
}

/** A label's methods: `base` is Rails' value method name (`status_draft`), `value` what the column stores. */
export interface EnumMethod {
  readonly base: string;
  readonly value: EnumValue;
}

/** An enum as a definition holds it. */
export interface EnumDefinition {
  /** What it was made from (a copy of a definition is defined again from it). */
  readonly config: EnumConfig;
  readonly column: string;
  readonly mapping: string;
  readonly values: Readonly<Record<string, EnumValue>>;
  readonly methods: readonly EnumMethod[];
  readonly scopes: boolean;
  readonly instanceMethods: boolean;
  readonly validate: boolean;
}

/** Rails' `method_friendly_label`: each run of ASCII non-word characters becomes `_` (`on hold` -> `on_hold`). */
// eslint-disable-next-line no-control-regex
const friendly = (label: string): string => label.replace(/[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]+/g, '_');

/** ASCII's printable non-word characters (the control characters left out: no label has them). */
type NonWord = ' ' | '!' | '"' | '#' | '$' | '%' | '&' | "'" | '(' | ')' | '*' | '+' | ',' | '-' | '.' | '/' | ':' | ';' | '<' | '=' | '>' | '?' | '@' | '[' | '\\' | ']' | '^' | '`' | '{' | '|' | '}' | '~';

/** The type-level `friendly`: each run of non-word characters becomes one `_`. */
type Friendly<S extends string, InRun extends boolean = false> = S extends `${infer C}${infer Rest}`
  ? C extends NonWord
    ? `${InRun extends true ? '' : '_'}${Friendly<Rest, true>}`
    : `${C}${Friendly<Rest, false>}`
  : '';

/** Rails' value method name: `[prefix_]label[_suffix]`. */
export function enumMethodBase(label: string, config: Pick<EnumConfig, 'prefix' | 'suffix'>): string {
  return `${config.prefix ? `${config.prefix}_` : ''}${friendly(label)}${config.suffix ? `_${config.suffix}` : ''}`;
}


/** What is wrong with `enums` for a table whose columns have `columnTypes` (empty when nothing). */
export function enumProblems(enums: unknown, columnTypes: Readonly<Record<string, string>> | undefined): string[] {
  if (enums === undefined) return [];
  if (typeof enums !== 'object' || enums === null || Array.isArray(enums)) return ["'enums' must be an object of column -> { values, prefix?, suffix?, scopes?, instanceMethods? }"];
  const problems: string[] = [];
  for (const [column, config] of Object.entries(enums as Record<string, EnumConfig>)) {
    const type = columnTypes && Object.hasOwn(columnTypes, column) ? columnTypes[column] : undefined;
    if (columnTypes && type === undefined) problems.push(`enum '${column}' is not a column`);
    const values = config?.values;
    if (typeof values !== 'object' || values === null || Object.keys(values).length === 0) {
      problems.push(`enum '${column}' needs 'values': an object of label -> stored value`);
      continue;
    }
    for (const [label, value] of Object.entries(values)) {
      if (typeof value !== 'string' && typeof value !== 'number') problems.push(`enum '${column}': the value of '${label}' must be a string or a number`);
      else if (type !== undefined && typeof value !== type) problems.push(`enum '${column}': '${label}' stores ${describeValue(value)} in a ${type} column`);
    }
    if (config.mapping !== undefined && (typeof config.mapping !== 'string' || !isIdentifier(config.mapping))) problems.push(`enum '${column}': 'mapping' must be an identifier`);
    for (const option of ['prefix', 'suffix'] as const) {
      if (config[option] !== undefined && (typeof config[option] !== 'string' || !/^\w+$/.test(config[option]))) problems.push(`enum '${column}': '${option}' must be a word`);
    }
    if (config.instanceMethods !== false || config.scopes !== false) {
      for (const label of Object.keys(values)) {
        const base = enumMethodBase(label, config);
        if (!isIdentifier(base)) problems.push(`enum '${column}': the label '${label}' makes the method name '${base}', which is not an identifier (give the enum a prefix)`);
      }
    }
  }
  return problems;
}

/** The normalised enums of a config (checked by `enumProblems` first). */
export function enumDefinitions(enums: Readonly<Record<string, EnumConfig>> | undefined): Readonly<Record<string, EnumDefinition>> {
  // No prototype: `enums[column]` must be undefined for a column named `constructor`.
  const definitions = Object.create(null) as Record<string, EnumDefinition>;
  for (const [column, config] of Object.entries(enums ?? {})) {
    definitions[column] = Object.freeze({
      config,
      column,
      mapping: config.mapping ?? pluralize(column),
      values: Object.freeze({ ...config.values }),
      methods: Object.freeze(Object.entries(config.values).map(([label, value]) => Object.freeze({ base: enumMethodBase(label, config), value }))),
      scopes: config.scopes !== false,
      instanceMethods: config.instanceMethods !== false,
      validate: config.validate === true,
    });
  }
  return Object.freeze(definitions);
}

/** The record members a model already has where enums add theirs. */
export interface TakenNames {
  readonly columns: readonly string[];
  readonly relationships: readonly string[];
}

/**
 * Names an enum would define twice: a scope, mapping or record method of another enum (Rails'
 * `detect_enum_conflict!`), a record method a column or association has. A model's own scope of an enum scope's name
 * is no clash: in Rails the later definition wins with a warning; here the model's scope does.
 */
export function enumClashes(enums: Readonly<Record<string, EnumDefinition>>, taken: TakenNames): string[] {
  const problems: string[] = [];
  const modelNames = new Map<string, string>();
  const recordNames = new Map<string, string>([
    ...taken.columns.map((name): [string, string] => [name, `the column '${name}'`]),
    ...taken.relationships.map((name): [string, string] => [name, `the association '${name}'`]),
  ]);
  const claim = (names: Map<string, string>, name: string, column: string, kind: string): void => {
    const owner = names.get(name);
    if (owner) problems.push(`enum '${column}' would define the ${kind} '${name}', already ${owner}`);
    else names.set(name, `defined by the enum '${column}'`);
  };
  for (const definition of Object.values(enums)) {
    const { column } = definition;
    claim(modelNames, definition.mapping, column, 'class method');
    for (const name of Object.keys(enumScopes({ [column]: definition }))) claim(modelNames, name, column, 'scope');
    for (const { name } of enumRecordMethods({ [column]: definition })) claim(recordNames, name, column, 'record method');
  }
  return problems;
}

/** The scope functions `enumScopes` made, so a copy of a definition can tell them from the model's own. */
const madeScopes = new WeakSet<object>();

/** Whether `scope` is one `enumScopes` made (and not a scope of the model's own). */
export function isEnumScope(scope: unknown): boolean {
  return typeof scope === 'function' && madeScopes.has(scope);
}

/** Rails' enum scopes: `status_draft` (`where(status: 'draft')`) and `not_status_draft` (`where.not(...)`). */
export function enumScopes(enums: Readonly<Record<string, EnumDefinition>>): Record<string, (relation: Relation) => Relation> {
  // No prototype: a label `__proto__` names a scope like any other.
  const scopes = Object.create(null) as Record<string, (relation: Relation) => Relation>;
  const add = (name: string, scope: (relation: Relation) => Relation) => {
    madeScopes.add(scope);
    scopes[name] = scope;
  };
  for (const { column, methods, scopes: wanted } of Object.values(enums)) {
    if (!wanted) continue;
    for (const { base, value } of methods) {
      add(base, (relation) => relation.where({ [column]: value }));
      add(`not_${base}`, (relation) => relation.not({ [column]: value }));
    }
  }
  return scopes;
}

/** The record methods the enums define (`status_draft_p`, `status_draft_bang`), each with its column and value. */
export function enumRecordMethods(enums: Readonly<Record<string, EnumDefinition>>): { name: string; column: string; value: EnumValue; bang: boolean }[] {
  return Object.values(enums).flatMap(({ column, methods, instanceMethods }) =>
    instanceMethods ? methods.flatMap(({ base, value }) => [{ name: `${base}_p`, column, value, bang: false }, { name: `${base}_bang`, column, value, bang: true }]) : [],
  );
}

/** The names enums add to the model: their scopes and mappings. */
export function enumModelNames(enums: Readonly<Record<string, EnumDefinition>>): string[] {
  return [...Object.keys(enumScopes(enums)), ...Object.values(enums).map((definition) => definition.mapping)];
}

/** Rails' class-level mapping per enum: `statuses` -> `{ draft: 'draft', ... }`. */
export function enumStatics(enums: Readonly<Record<string, EnumDefinition>>): Record<string, Readonly<Record<string, EnumValue>>> {
  return Object.fromEntries(Object.values(enums).map(({ mapping, values }) => [mapping, values]));
}

/**
 * The value `column` stores for `value`: a label is its stored value, a stored value itself; anything else is Rails'
 * ArgumentError (`'foo' is not a valid status`), raised as a QueryError.
 */
export function enumStored(enumeration: EnumDefinition, value: unknown): EnumValue {
  const stored = enumStoredOrSelf(enumeration, value);
  if (Object.values(enumeration.values).includes(stored as EnumValue)) return stored as EnumValue;
  // Rails' message quotes whatever was given (`'2' is not a valid priority`).
  throw new QueryError(`'${typeof value === 'object' && value !== null ? describeValue(value) : String(value)}' is not a valid ${enumeration.column}`);
}

/** The stored value `value` stands for, or `value` itself when it is neither a label nor a stored value. */
export function enumStoredOrSelf(enumeration: EnumDefinition, value: unknown): unknown {
  return typeof value === 'string' && Object.hasOwn(enumeration.values, value) ? enumeration.values[value] : value;
}

// ---- Types: what a config's enums add to the model and record types (the config is inferred `const`). ----

type Prefixed<E> = E extends { readonly prefix: infer P extends string } ? `${P}_` : '';
type Suffixed<E> = E extends { readonly suffix: infer S extends string } ? `_${S}` : '';
type BasesOf<E> = E extends { readonly values: infer V } ? `${Prefixed<E>}${Friendly<keyof V & string>}${Suffixed<E>}` : never;

/** The enum scopes of a config: `{ status_draft: scope, not_status_draft: scope, ... }`. */
export type EnumScopesOf<C> = C extends { readonly enums: infer Es }
  ? { readonly [K in { [N in keyof Es]: Es[N] extends { readonly scopes: false } ? never : BasesOf<Es[N]> | `not_${BasesOf<Es[N]>}` }[keyof Es]]: (relation: Relation) => Relation }
  : {};

/** The enum record methods of a config, as entries of its record members: `{ status_draft_p: { method: () => boolean } }`. */
export type EnumMethodsOf<C> = C extends { readonly enums: infer Es }
  ? {
      readonly [K in { [N in keyof Es]: Es[N] extends { readonly instanceMethods: false } ? never : BasesOf<Es[N]> }[keyof Es] as `${K}_p`]: { readonly method: () => boolean };
    } & {
      readonly [K in { [N in keyof Es]: Es[N] extends { readonly instanceMethods: false } ? never : BasesOf<Es[N]> }[keyof Es] as `${K}_bang`]: { readonly method: (options?: WriteOptions) => Promise<true> };
    }
  : {};

/** The class-level mappings of a config: `{ statuses: { draft: 'draft', ... } }`, named by `mapping` when given. */
export type EnumStaticsOf<C> = C extends { readonly enums: infer Es }
  ? { readonly [N in keyof Es & string as Es[N] extends { readonly mapping: infer M extends string } ? M : RegularPlural<N>]: Es[N] extends { readonly values: infer V } ? Readonly<V> : never }
  : {};

/**
 * Endings whose plural Rails' irregular or uncountable words, or its rules for Latin and a few other words, decide
 * (inflect.ts): the type does not guess them.
 */
type Unsure =
  | 'person' | 'people' | 'man' | 'men' | 'child' | 'children' | 'equipment' | 'information' | 'rice' | 'money' | 'sheep' | 'police' | 'fish' | 'jeans' | 'species' | 'series'
  | 'mouse' | 'louse' | 'ium' | 'tum' | 'ia' | 'ta' | 'buffalo' | 'tomato' | 'quy';

/**
 * The plural of an enum's name where English's regular rules give Rails' answer (`statuses`, `categories`, `kinds`);
 * `never` (no typed mapping: give the config `mapping`) where Rails' rules vary (`campus`, `axis`, `matrix`, `quiz`,
 * `half`) or a word is irregular. The runtime pluralizes every name as Rails does.
 */
export type RegularPlural<N extends string> = N extends `${string}${Unsure}`
  ? never
  : N extends `${string}${'status' | 'alias' | 'bus' | 'ss' | 'ch' | 'sh'}`
    ? `${N}es`
    : N extends `${string}${'s' | 'x' | 'z' | 'f' | 'fe'}`
      ? never
      : N extends `${string}${'a' | 'e' | 'i' | 'o' | 'u'}y`
        ? `${N}s`
        : N extends `${infer H}y`
          ? `${H}ies`
          : `${N}s`;
