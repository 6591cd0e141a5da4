/**
 * The names a scope, column or association may not take, derived from the real objects they would sit beside (Rails'
 * `method_defined_within?`), never listed by hand: adding a method to a relation, record or model later guards its name.
 *
 * Two sides, because our API keeps them on different objects:
 * - `relation`: relations and model objects (`Job.where(...)`, `ActiveJob.create`), where scopes live;
 * - `record`: records and record handles (`job.update(...)`), where columns and associations live.
 * A scope may therefore share a column's name (Rails allows `scope :active` beside an `active` column).
 *
 * Core cannot import the flavours (the root entry is framework-free), so each flavour registers how to derive its own
 * members when its module loads; `defineModel` checks what is registered then, and each flavour's `createModel` checks
 * again, so a model object can never exist with a name that shadows one of its flavour's members.
 */
import type { ModelDefinition } from './config.ts';
import { ConfigError } from './errors.ts';
import { enumModelNames, enumRecordMethods, isEnumScope } from './enums.ts';

/** Where a name lives: `relation` (relations and model objects: scopes) or `record` (records and handles: columns, associations). */
export type MemberSide = 'relation' | 'record';

interface MemberSource {
  /** Who owns the members, for messages: `ActiveRecord relations`, `ReactiveRecord record handles`. */
  readonly owner: string;
  readonly side: MemberSide;
  /** Derives the member names from real objects (called once, lazily). */
  readonly derive: () => Iterable<string>;
}

const sources: MemberSource[] = [];
let derived: { count: number; names: Record<MemberSide, Map<string, string>> } | undefined;
let deriving = false;

/**
 * Every string-keyed member of `object` and its prototype chain, `Object.prototype` included (own fields too, such as
 * a relation's `model`). Names in `except` (a probe model's own columns) are left out.
 */
export function membersOf(object: object, except: readonly string[] = []): string[] {
  const names = new Set<string>();
  for (let o: object | null = object; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) if (!except.includes(name)) names.add(name);
  }
  return [...names];
}

/** Called by a flavour when its module loads: `derive` walks that flavour's real objects (see `memberProbe`). */
export function registerMembers(owner: string, side: MemberSide, derive: () => Iterable<string>): void {
  sources.push({ owner, side, derive });
}

/**
 * Name -> owner of every member registered so far on `side` (`Object.prototype`'s members and `then` are always there).
 * @example reservedNames('relation').get('key') // 'ActiveRecord relations'
 */
export function reservedNames(side: MemberSide): ReadonlyMap<string, string> {
  if (derived?.count === sources.length) return derived.names[side];
  // Deriving builds probe models through createModel, which checks names: that nested check sees what is known so far.
  if (deriving) return derived?.names[side] ?? objectMembers();
  deriving = true;
  try {
    const names: Record<MemberSide, Map<string, string>> = { relation: objectMembers(), record: objectMembers() };
    for (const source of sources) {
      for (const name of source.derive()) if (!names[source.side].has(name)) names[source.side].set(name, source.owner);
    }
    derived = { count: sources.length, names };
    return names[side];
  } finally {
    deriving = false;
  }
}

/**
 * Names every object answers to in JavaScript: `Object.prototype`'s members, and `then`, which `await` calls on any
 * object that has it (a record or relation with a `then` column or scope would be awaited as a promise).
 */
function objectMembers(): Map<string, string> {
  const names = new Map(Object.getOwnPropertyNames(Object.prototype).map((name) => [name, 'Object.prototype']));
  names.set('then', 'thenables (await calls then() on any object that has it)');
  return names;
}

/** The type-level side of the same rule: row keys a record type leaves out (they are read with `read_attribute`). */
// eslint-disable-next-line @typescript-eslint/no-wrapper-object-types
export type LanguageMemberKey = keyof Object | '__proto__' | 'then';

/** What a definition (or config) names: enough to check it without the rest of the model. */
export interface NamedParts {
  readonly scopes: readonly string[];
  readonly columns: readonly string[];
  readonly relationships: readonly string[];
  /** What its enums add beside the scopes: their scopes and mappings (`status_draft`, `statuses`). */
  readonly enumNames: readonly string[];
  /** Methods its enums define on records (`status_draft_p`, `status_draft_bang`). */
  readonly recordMethods: readonly string[];
  /** Columns the config acknowledges as shadowed by a record member: readable through `read_attribute` only. */
  readonly shadowedColumns: readonly string[];
}

/** One message per name that would shadow a member; empty when every name is free. */
export function memberClashes(parts: NamedParts): string[] {
  const problems: string[] = [];
  const relation = reservedNames('relation');
  const record = reservedNames('record');
  for (const scope of parts.scopes) {
    const owner = relation.get(scope);
    if (owner) problems.push(`scope '${scope}' clashes with the member '${scope}' of ${owner}: rename the scope`);
  }
  for (const column of parts.columns) {
    const owner = record.get(column);
    if (owner && !parts.shadowedColumns.includes(column)) {
      problems.push(
        `column '${column}' clashes with the member '${column}' of ${owner}: add it to shadowedColumns ` +
          `(records then read it with read_attribute('${column}')), or rename the column`,
      );
    }
  }
  for (const name of parts.relationships) {
    const owner = record.get(name);
    if (owner) problems.push(`relationship '${name}' clashes with the member '${name}' of ${owner}: rename the association`);
  }
  for (const name of parts.enumNames) {
    const owner = relation.get(name);
    if (owner) problems.push(`enum name '${name}' clashes with the member '${name}' of ${owner}: give the enum a prefix or suffix`);
  }
  for (const name of parts.recordMethods) {
    const owner = record.get(name);
    if (owner) problems.push(`enum method '${name}' clashes with the member '${name}' of ${owner}: give the enum a prefix or suffix`);
  }
  return problems;
}

/** The parts of a definition that member names are checked against. */
export function namedParts(definition: ModelDefinition): NamedParts {
  return {
    scopes: Object.entries(definition.scopes).filter(([, scope]) => !isEnumScope(scope)).map(([name]) => name),
    enumNames: enumModelNames(definition.enums),
    columns: definition.columns,
    relationships: Object.keys(definition.relationships),
    recordMethods: enumRecordMethods(definition.enums).map((method) => method.name),
    shadowedColumns: definition.shadowedColumns,
  };
}

/**
 * A minimal real model (one `id` column, no scopes) the flavours build their objects from to list their members.
 * Its own column is left out of what they report.
 */
export const memberProbe: ModelDefinition = Object.freeze({
  kind: 'zero-record/model' as const,
  schema: { tables: { member_probes: { name: 'member_probes', columns: { id: { type: 'string' } }, primaryKey: ['id'] } }, relationships: {} } as never,
  table: 'member_probes',
  className: 'MemberProbe',
  primaryKey: 'id',
  columns: Object.freeze(['id']),
  columnTypes: Object.freeze({ id: 'string' as const }),
  ttl: 'none',
  scopes: Object.freeze({}),
  defaultScope: undefined,
  inheritance: undefined,
  enums: Object.freeze(Object.create(null) as {}),
  relationships: Object.freeze({}),
  dependents: Object.freeze({}),
  touches: Object.freeze({}),
  counterCaches: Object.freeze({}),
  validations: Object.freeze({}),
  defaults: Object.freeze({}),
  timestampColumns: Object.freeze([]),
  shadowedColumns: Object.freeze([]),
  zero: undefined,
  query: undefined,
  find: undefined,
  columnGetters: undefined,
  columnCopy: undefined,
});

/** Throws a `ConfigError` when a scope, column or association of `definition` would shadow a registered member. */
export function assertMembersFree(definition: ModelDefinition): void {
  const problems = memberClashes(namedParts(definition));
  if (problems.length > 0) throw new ConfigError(`Invalid model config for '${definition.table}'`, problems);
}
