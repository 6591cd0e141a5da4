/**
 * Rails `where`/`not` hashes -> a condition tree with SQL's three-valued semantics, and that tree -> a ZQL expression.
 *
 * `not` is pushed down to the comparisons (De Morgan, each operator replaced by its complement). Every ZQL comparison is false
 * when the row's value is NULL, exactly like SQL, so the negation-normal form selects the same rows PostgreSQL would for
 * `WHERE NOT (...)`: `not({ country: 'UK' })` excludes rows whose country is NULL, as in Rails.
 */
import type { ModelDefinition } from './config.ts';
import { QueryError, describeValue } from './errors.ts';
import { enumStoredOrSelf } from './enums.ts';
import { associationHops, relatedModel, tableRelationships } from './relationships.ts';
import { singularize } from './inflect.ts';

/** A column value Zero can compare. */
export type Scalar = string | number | boolean;
/** The comparison operators conditions compile to (the allow-list of the spec validator: OPERATORS). */
export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'IN' | 'NOT IN' | 'IS' | 'IS NOT' | 'LIKE' | 'NOT LIKE' | 'ILIKE' | 'NOT ILIKE';

/** A range: `{ gt: 1, lte: 5 }` (Rails' `1..5`, `5..`, `...5`). */
export interface Range {
  readonly gt?: Scalar | Date;
  readonly gte?: Scalar | Date;
  readonly lt?: Scalar | Date;
  readonly lte?: Scalar | Date;
}
/**
 * A pattern match, Arel's `matches`: `{ matches: '%paint%' }` is ILIKE (case-insensitive, as Arel's default on
 * PostgreSQL), with `case_sensitive: true` LIKE; `%` is any run of characters, `_` one, `\\` escapes (see
 * `sanitize_sql_like`). Under `not` it is NOT ILIKE / NOT LIKE, which NULL matches neither way.
 */
export interface Match {
  readonly matches: string;
  readonly case_sensitive?: boolean;
}
/** One column's condition in a `where` hash. */
export type WhereValue = Scalar | Date | null | readonly (Scalar | Date | null)[] | Range | Match;
/**
 * A Rails `where` hash: column -> value, array (IN), null (IS NULL), range or pattern match; a relationship's name (or
 * its table's) -> the where hash its associated row must meet (Rails' `joins(:client).where(clients: { name: })`).
 */
export type WhereHash = { readonly [name: string]: WhereValue | WhereHash };

/** A condition tree with SQL's three-valued semantics; plain JSON, so it travels in a relation spec. */
export type Condition =
  | { readonly op: 'cmp'; readonly column: string; readonly operator: Operator; readonly value: Scalar | null | readonly Scalar[] }
  | { readonly op: 'and'; readonly conds: readonly Condition[] }
  | { readonly op: 'or'; readonly conds: readonly Condition[] }
  | { readonly op: 'const'; readonly value: boolean }
  /**
   * Rails' `where.associated(name)` / `joins(name)` (Zero's `whereExists`); `negated` is `where.missing(name)`. `where`:
   * the conditions the associated row meets, as Rails' conditions on a joined table (never negated: `not` goes inside,
   * as Rails' NOT applies to the joined row's columns; see join-conditions.ts).
   */
  | { readonly op: 'exists'; readonly relationship: string; readonly negated: boolean; readonly where?: Condition };

const COMPLEMENT: Readonly<Record<Operator, Operator>> = {
  '=': '!=', '!=': '=', '<': '>=', '>=': '<', '>': '<=', '<=': '>', IN: 'NOT IN', 'NOT IN': 'IN', IS: 'IS NOT', 'IS NOT': 'IS',
  LIKE: 'NOT LIKE', 'NOT LIKE': 'LIKE', ILIKE: 'NOT ILIKE', 'NOT ILIKE': 'ILIKE',
};
/** Every operator a condition may use. */
export const OPERATORS: readonly Operator[] = Object.freeze(Object.keys(COMPLEMENT) as Operator[]);
/** The operators whose value is a LIKE pattern (a string, compared with a string column). */
export const PATTERN_OPERATORS: ReadonlySet<Operator> = new Set<Operator>(['LIKE', 'NOT LIKE', 'ILIKE', 'NOT ILIKE']);
const RANGE_OPERATORS: Readonly<Record<keyof Range, Operator>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

export const TRUE: Condition = { op: 'const', value: true };
export const FALSE: Condition = { op: 'const', value: false };

export function and(conds: readonly Condition[]): Condition {
  return join('and', conds);
}

export function or(conds: readonly Condition[]): Condition {
  return join('or', conds);
}

/**
 * `and` / `or` flattened one level, without their identity constant (true for AND, false for OR), and collapsed to the
 * absorbing constant when one is present. A loop rather than flatMap/filter: every where() and find() builds one.
 */
function join(op: 'and' | 'or', conds: readonly Condition[]): Condition {
  const identity = op === 'and';
  const flat: Condition[] = [];
  for (const cond of conds) {
    if (cond.op !== op) {
      if (!keep(flat, cond, identity)) return identity ? FALSE : TRUE;
      continue;
    }
    for (const c of cond.conds) if (!keep(flat, c, identity)) return identity ? FALSE : TRUE;
  }
  return flat.length === 1 ? flat[0]! : flat.length === 0 ? (identity ? TRUE : FALSE) : { op, conds: flat };
}

/** Adds `c` to `flat` unless it is the identity constant; false when it is the absorbing one. (A function, not a closure per call.) */
function keep(flat: Condition[], c: Condition, identity: boolean): boolean {
  if (c.op !== 'const') flat.push(c);
  return c.op !== 'const' || c.value === identity;
}

/** SQL `NOT`, pushed down to the leaves. */
export function negate(cond: Condition): Condition {
  switch (cond.op) {
    case 'cmp':
      return { ...cond, operator: COMPLEMENT[cond.operator] };
    case 'and':
      return or(cond.conds.map(negate));
    case 'or':
      return and(cond.conds.map(negate));
    case 'const':
      return cond.value ? FALSE : TRUE;
    case 'exists':
      return cond.where ? { ...cond, where: negate(cond.where) } : { ...cond, negated: !cond.negated };
  }
}

/**
 * `cond` with its empty IN / NOT IN lists folded to the constants they are (Rails' `1=0` / `1=1`). A `where` keeps
 * `{ id: [] }` as a comparison on its column until the spec is built, so `rewhere` / `unscope(where:)` can still remove
 * it, as Rails removes its predicate; the spec gets the constant. Returns `cond` itself when nothing folds.
 */
export function simplify(cond: Condition): Condition {
  switch (cond.op) {
    case 'cmp':
      return Array.isArray(cond.value) && cond.value.length === 0 ? (cond.operator === 'IN' ? FALSE : TRUE) : cond;
    case 'and':
    case 'or': {
      let changed = false;
      const conds = cond.conds.map((c) => {
        const simple = simplify(c);
        if (simple !== c) changed = true;
        return simple;
      });
      return changed ? join(cond.op, conds) : cond;
    }
    case 'exists': {
      if (!cond.where) return cond;
      const where = simplify(cond.where);
      return where === cond.where ? cond : joinedRow(cond.relationship, where);
    }
    default:
      return cond;
  }
}

/** An EXISTS whose associated row meets `where` (a bare one when `where` is always true). */
export function joinedRow(relationship: string, where: Condition): Condition {
  return where.op === 'const' && where.value ? { op: 'exists', relationship, negated: false } : { op: 'exists', relationship, negated: false, where };
}

function isMatch(value: unknown): value is Match {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'matches');
}

function matchCondition(model: ModelDefinition, column: string, { matches, case_sensitive, ...rest }: Match, context: string): Condition {
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new QueryError(`${context}: unknown key '${unknown[0]}' beside matches for '${column}' (use matches and case_sensitive)`);
  if (typeof matches !== 'string') throw new QueryError(`${context}: matches for '${column}' takes a pattern string, got ${describeValue(matches)}`);
  if (model.columnTypes[column] !== 'string') throw new QueryError(`${context}: matches compares strings; column '${column}' of ${model.className} holds ${model.columnTypes[column]}s`);
  if (case_sensitive !== undefined && typeof case_sensitive !== 'boolean') throw new QueryError(`${context}: case_sensitive for '${column}' is true or false, got ${describeValue(case_sensitive)}`);
  const problem = patternProblem(matches);
  if (problem) throw new QueryError(`${context}: matches for '${column}': ${problem}`);
  return { op: 'cmp', column, operator: case_sensitive ? 'LIKE' : 'ILIKE', value: matches };
}

/** The most runs of `%` a pattern may hold (`%term%` has two). */
export const MAX_PATTERN_WILDCARDS = 2;

/**
 * Why a LIKE pattern is refused, or undefined. Zero (client and zero-cache) matches LIKE with a backtracking regular
 * expression, each `%` a `.*`: a few more runs of them make one row take seconds to minutes (`%a%a%a%a%a%a%b`), so a
 * pattern, which a client may send in a relation spec, holds at most MAX_PATTERN_WILDCARDS of them.
 */
export function patternProblem(pattern: string): string | undefined {
  const runs = pattern.replace(/\\./gs, '').match(/%+/g)?.length ?? 0;
  return runs > MAX_PATTERN_WILDCARDS ? `a pattern holds at most ${MAX_PATTERN_WILDCARDS} runs of %, got ${runs} (Zero's LIKE backtracks on each)` : undefined;
}

/** Rails' `sanitize_sql_like`: `string` with `\\`, `%` and `_` escaped, to match it literally inside a pattern (`{ matches: `%${sanitize_sql_like(q)}%` }`). */
export function sanitize_sql_like(string: string): string {
  return string.replace(/[\\%_]/g, '\\$&');
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Casts a value to the column's Zero type, as Rails casts attribute values; rejects what cannot match. */
export function castValue(model: ModelDefinition, column: string, value: Scalar | Date, context: string): Scalar {
  const type = model.columnTypes[column];
  const enumeration = model.enums[column];
  // An enum's label stands for its stored value (`where({ status: 'draft' })` on an integer-backed enum); a string
  // that is neither, compared with an integer-backed enum, is named as the enum's (Rails casts it to NULL, matching nothing).
  const plain = value instanceof Date ? value.getTime() : enumeration ? (enumStoredOrSelf(enumeration, value) as Scalar) : value;
  if (enumeration && type === 'number' && typeof plain === 'string' && (plain.trim() === '' || Number.isNaN(Number(plain)))) throw new QueryError(`${context}: '${plain}' is not a valid ${column}`);
  if (type === 'number') {
    if (typeof plain === 'number') return plain;
    // Rails' type cast (`to_f`) also reads `'1.'`, which its numericality does not.
    const parsed = typeof plain === 'string' ? rubyNumber(plain.replace(/(\d)\.(\s*)$/, '$1$2')) : undefined;
    if (parsed !== undefined) return parsed;
    throw new QueryError(`${context}: column '${column}' of ${model.className} holds numbers; got ${describeValue(value)}`);
  }
  if (type === 'string' && typeof plain !== 'string') {
    if (typeof plain === 'number') return String(plain);
    throw new QueryError(`${context}: column '${column}' of ${model.className} holds strings; got ${describeValue(value)}`);
  }
  if (type === 'boolean' && typeof plain !== 'boolean') {
    if ((typeof plain === 'string' && plain !== '') || typeof plain === 'number') return !FALSE_VALUES.has(plain);
    throw new QueryError(`${context}: column '${column}' of ${model.className} holds booleans; got ${describeValue(value)}`);
  }
  return plain;
}

/** ActiveModel's `Type::Boolean::FALSE_VALUES`: a form's `'0'`, `'f'`, `'off'`... is false, any other value true. */
const FALSE_VALUES: ReadonlySet<string | number> = new Set([0, '0', 'f', 'F', 'false', 'FALSE', 'off', 'OFF']);

// Ruby's Kernel.Float grammar, less its hexadecimal literals: blanks around, `_` between digits, `.5`, an exponent.
const RUBY_FLOAT = /^[ \t\n\v\f\r]*[+-]?(?:\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?[ \t\n\v\f\r]*$/;

/**
 * The number a form's text is, read as Rails reads it (`' 12'`, `'1_000'`, `'.5'`), or undefined for text that is no
 * number to Rails' numericality (`'0x1A'`, `'Infinity'`, `'12abc'`), where JavaScript's Number() would take some.
 */
export function rubyNumber(text: string): number | undefined {
  return RUBY_FLOAT.test(text) ? Number(text.replace(/_/g, '')) : undefined;
}

/** Throws a `QueryError` naming the model's columns when `column` is not one of them. */
export function assertColumn(model: ModelDefinition, column: string, context: string): void {
  if (!model.columns.includes(column)) {
    throw new QueryError(`${context}: unknown column '${column}' for ${model.className} (columns: ${model.columns.join(', ')})`);
  }
}

/** The condition on `column`, a column of `model` (its callers know it is one). */
function columnCondition(model: ModelDefinition, column: string, value: WhereValue, context: string): Condition {
  if (value === null) return { op: 'cmp', column, operator: 'IS', value: null };
  if (value === undefined) {
    throw new QueryError(`${context}: value for '${column}' is undefined; pass null to match NULL`);
  }
  if (Array.isArray(value)) {
    // As for a value: an undefined in a list is a mistake (a policy's `[ctx.team]` with no team), not a NULL to match.
    if (value.includes(undefined)) throw new QueryError(`${context}: the list for '${column}' holds undefined; pass null to match NULL`);
    const present = (value as readonly (Scalar | Date | null)[]).filter((v): v is Scalar | Date => v !== null);
    const values = [...new Set(present.map((v) => castValue(model, column, v, context)))];
    // Rails' `where(id: [])` matches nothing: kept as an empty IN on the column (see simplify).
    if (value.length === 0) return { op: 'cmp', column, operator: 'IN', value: [] };
    const parts: Condition[] = [];
    if (values.length === 1) parts.push({ op: 'cmp', column, operator: '=', value: values[0]! });
    else if (values.length > 1) parts.push({ op: 'cmp', column, operator: 'IN', value: values });
    if (present.length !== value.length) parts.push({ op: 'cmp', column, operator: 'IS', value: null });
    return or(parts);
  }
  if (isMatch(value)) return matchCondition(model, column, value, context);
  if (isRange(value)) {
    const bounds = Object.entries(value).filter(([, bound]) => bound !== undefined);
    if (bounds.length === 0) throw new QueryError(`${context}: range for '${column}' needs at least one of gt, gte, lt, lte`);
    return and(
      bounds.map(([key, bound]) => {
        const operator = RANGE_OPERATORS[key as keyof Range];
        if (!operator) throw new QueryError(`${context}: unknown range key '${key}' for '${column}' (use gt, gte, lt, lte)`);
        return { op: 'cmp', column, operator, value: castValue(model, column, bound as Scalar | Date, context) } as const;
      }),
    );
  }
  return { op: 'cmp', column, operator: '=', value: castValue(model, column, value as Scalar | Date, context) };
}

/** A Rails `where` hash -> condition (the AND of its columns). */
export function hashCondition(model: ModelDefinition, hash: WhereHash, context: string): Condition {
  if (typeof hash !== 'object' || hash === null || Array.isArray(hash)) {
    throw new QueryError(`${context}: expected a hash of column -> value, got ${describeValue(hash)}`);
  }
  return and(
    Object.entries(hash).map(([name, value]) =>
      model.columns.includes(name)
        ? columnCondition(model, name, value, context)
        : isPlainHash(value)
          ? joinCondition(model, name, value, context)
          : associationCondition(model, name, value as WhereValue, context),
    ),
  );
}

/** An object literal (not a record, a Date, or an array): a relationship's conditions rather than its record. */
function isPlainHash(value: unknown): value is WhereHash {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Rails' conditions on a joined table, `where(clients: { name: 'Acme' })`: the rows whose associated row meets them,
 * as Zero's EXISTS. The key is the relationship's name, its plural (`clients` for `client`), or the table it reaches,
 * as Rails' predicate builder takes an association or a table name; the model's own table is its own columns.
 */
function joinCondition(model: ModelDefinition, key: string, hash: WhereHash, context: string): Condition {
  const relationship = joinedRelationship(model, key, context);
  if (relationship === undefined) return hashCondition(model, hash, context);
  // Rails' `where(clients: {})` is `1=0` (as an empty list is) on the joined row: `not` keeps the join.
  if (Object.keys(hash).length === 0) return joinedRow(relationship, FALSE);
  const where = hashCondition(relatedModel(model, relationship), hash, `${context}, ${relationship}`);
  // An EXISTS per condition, as Rails keeps a predicate per column (rewhere and unscope remove them one by one);
  // join-conditions.ts makes them one EXISTS again before the spec is sent.
  return and((where.op === 'and' ? where.conds : [where]).map((c) => joinedRow(relationship, c)));
}

/**
 * The relationship a where key names, looked up as Rails' TableMetadata#associated_table does: by name, by its
 * singular, then the model's own table (undefined), then the one relationship reaching that table.
 */
export function joinedRelationship(model: ModelDefinition, key: string, context: string): string | undefined {
  const relationships = tableRelationships(model.schema, model.table);
  if (Object.hasOwn(relationships, key)) return key;
  const singular = singularize(key);
  if (Object.hasOwn(relationships, singular)) return singular;
  if (key === model.table) return undefined;
  const reaching = Object.keys(relationships).filter((name) => relationships[name]!.at(-1)!.destSchema === key);
  if (reaching.length === 1) return reaching[0]!;
  const known = Object.keys(relationships);
  throw new QueryError(
    reaching.length > 1
      ? `${context}: '${key}' is the table of several relationships of ${model.className} (${reaching.join(', ')}); name the relationship`
      : `${context}: '${key}' is neither a column nor a relationship of ${model.className} (columns: ${model.columns.join(', ')}; relationships: ${known.join(', ') || 'none'})`,
  );
}

/**
 * Rails' `where(client: record)`: a belongs_to or has_one by its name, given a record (or a list of them, or its key, or
 * null) compares the key columns it is joined on (`client_id = record.id`).
 */
function associationCondition(model: ModelDefinition, name: string, value: unknown, context: string): Condition {
  const hops = associationHops(model, name);
  const hop = hops.length === 1 && hops[0]!.cardinality === 'one' ? hops[0]! : undefined;
  if (!hop) assertColumn(model, name, context);
  const { sourceField, destField } = hop!;
  if (sourceField.length !== 1) throw new QueryError(`${context}: '${name}' is joined on several columns (${sourceField.join(', ')}): compare them by name`);
  const [column, key] = [sourceField[0]!, destField[0]!];
  const keyOf = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object' || item instanceof Date) return item;
    const read: unknown = Reflect.get(item, key);
    if (read === undefined) throw new QueryError(`${context}: '${name}' takes a record (with its ${key}) or its ${key}, got ${describeValue(item)}`);
    return read;
  };
  return columnCondition(model, column, (Array.isArray(value) ? value.map(keyOf) : keyOf(value)) as WhereValue, context);
}

/** The slice of ZQL's expression builder the compiler uses. */
export interface ExpressionBuilder<E> {
  cmp(column: string, operator: Operator, value: unknown): E;
  and(...conds: E[]): E;
  or(...conds: E[]): E;
  not(cond: E): E;
  exists(relationship: string, build?: (query: { where(build: (eb: ExpressionBuilder<E>) => E): unknown }) => unknown): E;
}

/** Condition -> ZQL expression. */
export function toExpression<E>(eb: ExpressionBuilder<E>, cond: Condition): E {
  switch (cond.op) {
    case 'cmp':
      return eb.cmp(cond.column, cond.operator, cond.value);
    case 'and':
      return eb.and(...cond.conds.map((c) => toExpression(eb, c)));
    case 'or':
      return eb.or(...cond.conds.map((c) => toExpression(eb, c)));
    case 'const':
      // ZQL: an empty AND matches every row, an empty OR none (verified against Zero 1.9).
      return cond.value ? eb.and() : eb.or();
    case 'exists': {
      const where = cond.where;
      const exists = where ? eb.exists(cond.relationship, (q) => q.where((inner) => toExpression(inner, where))) : eb.exists(cond.relationship);
      return cond.negated ? eb.not(exists) : exists;
    }
  }
}
