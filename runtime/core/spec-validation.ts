/**
 * The validator of relation specs: what a named relation query accepts from a client it does not trust.
 *
 * API:
 * - `validateRelationSpec(schema, table, input, limits?)` -> the input typed as `RelationSpec`, or throws
 *   `InvalidRelationSpecError` (a `QueryError`) naming the offending path. Never anything else, whatever `input` is.
 * - `SpecLimits` / `DEFAULT_SPEC_LIMITS`: the caps (condition depth, node count, JSON size, limit, include depth);
 *   `specLimits(partial)` fills in the defaults.
 * - `assertWithinLimitCap(spec, limits)`: only the limit cap, at every include level (for specs the runtime built).
 * - `validateFindKey(schema, table, column, input, limits)`: the argument of a find query, a value of the key column.
 * Allow-lists come from the Zero schema: the table's columns (json columns cannot be compared or ordered), the operators the
 * runtime compiles to, and the table's relationships (includes are checked against the relationship's destination table;
 * an `exists` condition, Rails' `where.associated` or `joins`, names one of them and counts as a node, its `where` checked
 * against the relationship's last table, one level deeper; NOT EXISTS is refused, since Zero's client cannot run it).
 * Zero's own builder would reject some of this too, but as a crash deep in ZQL; upstream treats unbounded client-shaped
 * queries as a denial-of-service risk, hence the caps.
 */
import { InvalidRelationSpecError, describeValue } from './errors.ts';
import { OPERATORS, PATTERN_OPERATORS, patternProblem, type Condition, type Operator } from './conditions.ts';
import type { RelationSpec } from './relation-spec.ts';
import type { AnySchema } from './zero-types.ts';
import { tableRelationships, type Hop } from './relationships.ts';

/** Caps on a spec; every field optional where taken (the rest default). */
export interface SpecLimits {
  /** Nesting of and/or in a condition tree. */
  readonly maxDepth: number;
  /** Condition nodes, order pairs and includes, over the whole spec. */
  readonly maxNodes: number;
  /** The spec's JSON length. */
  readonly maxBytes: number;
  /** The largest `limit` (and `limit + offset`). */
  readonly maxLimit: number;
  /** Nesting of includes. */
  readonly maxIncludeDepth: number;
  /** The longest string key a find query (`queries.<model>.find(id)`) looks up. */
  readonly maxKeyLength: number;
}

/** Condition depth 8, 500 nodes, 64 KiB of JSON, limit 1000, includes 4 deep, find keys of 1,024 characters. */
export const DEFAULT_SPEC_LIMITS: SpecLimits = Object.freeze({
  maxDepth: 8,
  maxNodes: 500,
  maxBytes: 64 * 1024,
  maxLimit: 1000,
  maxIncludeDepth: 4,
  maxKeyLength: 1024,
});

const ALLOWED_OPERATORS: ReadonlySet<string> = new Set<string>(OPERATORS);
const SPEC_KEYS: ReadonlySet<string> = new Set(['where', 'order', 'limit', 'offset', 'includes']);

interface TableShape {
  readonly columns: Readonly<Record<string, { readonly type: string }>>;
}
type RelationshipShape = readonly Hop[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  #nodes = 0;
  constructor(
    readonly schema: AnySchema,
    readonly limits: SpecLimits,
  ) {}

  fail(path: string, message: string): never {
    throw new InvalidRelationSpecError(path, message);
  }

  count(path: string): void {
    if (++this.#nodes > this.limits.maxNodes) this.fail(path, `more than ${this.limits.maxNodes} nodes (conditions, order pairs, includes)`);
  }

  table(name: string): TableShape {
    return (this.schema.tables as Record<string, TableShape>)[name]!;
  }

  spec(table: string, input: unknown, path: string, includeDepth: number): RelationSpec {
    if (!isObject(input)) this.fail(path, `expected an object, got ${describeValue(input)}`);
    for (const key of Object.keys(input)) {
      if (!SPEC_KEYS.has(key)) this.fail(path, `unknown key '${key}' (allowed: ${[...SPEC_KEYS].join(', ')})`);
    }
    const at = (key: string) => (path ? `${path}.${key}` : key);
    if (input.where !== undefined) this.condition(table, input.where, at('where'), 1);
    if (input.order !== undefined) this.order(table, input.order, at('order'));
    if (input.limit !== undefined) this.count(at('limit'));
    const limit = input.limit === undefined ? undefined : this.integer(input.limit, at('limit'));
    const offset = input.offset === undefined ? undefined : this.integer(input.offset, at('offset'));
    checkLimit(limit, offset, this.limits, at('limit'));
    if (input.includes !== undefined) this.includes(table, input.includes, at('includes'), includeDepth);
    return input as RelationSpec;
  }

  integer(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) this.fail(path, `expected a non-negative integer, got ${describeValue(value)}`);
    return value;
  }

  column(table: string, column: unknown, path: string): string {
    const columns = this.table(table).columns;
    if (typeof column !== 'string' || !Object.hasOwn(columns, column)) {
      this.fail(path, `unknown column ${describeValue(column)} of '${table}' (columns: ${Object.keys(columns).join(', ')})`);
    }
    if (columns[column]!.type === 'json') this.fail(path, `column '${column}' of '${table}' holds json, which cannot be compared or ordered`);
    return column;
  }

  scalar(table: string, column: string, value: unknown, path: string): void {
    const type = this.table(table).columns[column]!.type;
    const ok = type === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === type;
    if (!ok) this.fail(path, `column '${column}' of '${table}' holds ${type}s; got ${describeValue(value)}`);
  }

  condition(table: string, input: unknown, path: string, depth: number): void {
    if (depth > this.limits.maxDepth) this.fail(path, `conditions nested deeper than ${this.limits.maxDepth}`);
    this.count(path);
    if (!isObject(input)) this.fail(path, `expected a condition object, got ${describeValue(input)}`);
    const keys = (allowed: string[]) => {
      for (const key of Object.keys(input)) if (!allowed.includes(key)) this.fail(path, `unknown key '${key}' in a '${String(input.op)}' condition`);
    };
    switch (input.op) {
      case 'cmp': {
        keys(['op', 'column', 'operator', 'value']);
        const column = this.column(table, input.column, `${path}.column`);
        const operator = input.operator;
        if (typeof operator !== 'string' || !ALLOWED_OPERATORS.has(operator)) {
          this.fail(`${path}.operator`, `operator ${describeValue(operator)} is not allowed (allowed: ${OPERATORS.join(', ')})`);
        }
        const value = input.value;
        if (PATTERN_OPERATORS.has(operator as Operator)) {
          // A pattern is a string, compared with a string column: scalar() checks both.
          if (typeof value !== 'string') this.fail(`${path}.value`, `${operator} takes a pattern string, got ${describeValue(value)}`);
          this.scalar(table, column, value, `${path}.value`);
          const problem = patternProblem(value);
          if (problem) this.fail(`${path}.value`, problem);
        } else if (operator === 'IN' || operator === 'NOT IN') {
          if (!Array.isArray(value)) this.fail(`${path}.value`, `${operator} takes an array, got ${describeValue(value)}`);
          value.forEach((v, i) => this.scalar(table, column, v, `${path}.value[${i}]`));
        } else if (value !== null || (operator !== 'IS' && operator !== 'IS NOT')) {
          this.scalar(table, column, value, `${path}.value`);
        }
        return;
      }
      case 'and':
      case 'or': {
        keys(['op', 'conds']);
        if (!Array.isArray(input.conds)) this.fail(`${path}.conds`, `expected an array of conditions, got ${describeValue(input.conds)}`);
        input.conds.forEach((c, i) => this.condition(table, c, `${path}.conds[${i}]`, depth + 1));
        return;
      }
      case 'const':
        keys(['op', 'value']);
        if (typeof input.value !== 'boolean') this.fail(`${path}.value`, `expected true or false, got ${describeValue(input.value)}`);
        return;
      case 'exists': {
        keys(['op', 'relationship', 'negated', 'where']);
        const hops = this.relationship(table, input.relationship, `${path}.relationship`);
        // Zero's client cannot run NOT EXISTS (the runtime filters where_missing itself), so no client asks for it.
        if (input.negated !== false) this.fail(`${path}.negated`, `expected false (NOT EXISTS is not supported), got ${describeValue(input.negated)}`);
        // The joined row's conditions, on the relationship's last table.
        if (input.where !== undefined) this.condition(hops[hops.length - 1]!.destSchema, input.where, `${path}.where`, depth + 1);
        return;
      }
      default:
        this.fail(`${path}.op`, `unknown condition ${describeValue(input.op)} (allowed: cmp, and, or, const, exists)`);
    }
  }

  order(table: string, input: unknown, path: string): void {
    if (!Array.isArray(input)) this.fail(path, `expected an array of [column, direction] pairs, got ${describeValue(input)}`);
    input.forEach((pair, i) => {
      const at = `${path}[${i}]`;
      this.count(at);
      if (!Array.isArray(pair) || pair.length !== 2) this.fail(at, `expected [column, 'asc' | 'desc'], got ${describeValue(pair)}`);
      this.column(table, pair[0], `${at}[0]`);
      if (pair[1] !== 'asc' && pair[1] !== 'desc') this.fail(`${at}[1]`, `direction must be 'asc' or 'desc', got ${describeValue(pair[1])}`);
    });
  }

  includes(table: string, input: unknown, path: string, depth: number): void {
    if (!Array.isArray(input)) this.fail(path, `expected an array of [relationship, spec] pairs, got ${describeValue(input)}`);
    if (input.length > 0 && depth >= this.limits.maxIncludeDepth) this.fail(path, `includes nested deeper than ${this.limits.maxIncludeDepth}`);
    input.forEach((pair, i) => {
      const at = `${path}[${i}]`;
      this.count(at);
      if (!Array.isArray(pair) || pair.length !== 2) this.fail(at, `expected [relationship, spec], got ${describeValue(pair)}`);
      const hops = this.relationship(table, pair[0], `${at}[0]`);
      this.spec(hops[hops.length - 1]!.destSchema, pair[1], `${at}[1]`, depth + 1);
    });
  }

  /** The hops of relationship `name` of `table` (includes and EXISTS conditions name only the schema's relationships). */
  relationship(table: string, name: unknown, path: string): RelationshipShape {
    const relationships = tableRelationships(this.schema, table);
    if (typeof name !== 'string' || !Object.hasOwn(relationships, name)) {
      this.fail(path, `unknown relationship ${describeValue(name)} of '${table}' (relationships: ${Object.keys(relationships).join(', ') || 'none'})`);
    }
    return relationships[name]!;
  }
}

function checkLimit(limit: number | undefined, offset: number | undefined, caps: SpecLimits, path: string): void {
  if (limit !== undefined && limit + (offset ?? 0) > caps.maxLimit) {
    throw new InvalidRelationSpecError(path, `limit ${limit}${offset ? ` + offset ${offset}` : ''} is over the cap of ${caps.maxLimit}`);
  }
}

/** The caps: `limits` over the defaults. */
export function specLimits(limits: Partial<SpecLimits> = {}): SpecLimits {
  return { ...DEFAULT_SPEC_LIMITS, ...limits };
}

/**
 * Checks only the limit cap of a well-formed spec, at every include level (the rest of the validation is for specs that
 * did not come from a Relation).
 * @throws InvalidRelationSpecError naming the offending path.
 */
export function assertWithinLimitCap(spec: RelationSpec, limits: SpecLimits, path = ''): void {
  checkLimit(spec.limit, spec.offset, limits, path ? `${path}.limit` : 'limit');
  spec.includes?.forEach(([, sub], i) => assertWithinLimitCap(sub, limits, `${path ? `${path}.` : ''}includes[${i}][1]`));
}

function jsonLength(input: unknown): number {
  try {
    return JSON.stringify(input)?.length ?? 0;
  } catch (error) {
    // Cycles, BigInts, or a stack too deep to serialise: not a JSON spec.
    throw new InvalidRelationSpecError('', `not serialisable as JSON (${(error as Error)?.message ?? String(error)})`);
  }
}

/**
 * Checks an untrusted relation spec for `table` against the Zero schema and the caps; returns it typed.
 * @throws InvalidRelationSpecError naming the offending path.
 * @example validateRelationSpec(schema, 'jobs', { where: { op: 'cmp', column: 'status', operator: '=', value: 'active' }, limit: 10 })
 */
export function validateRelationSpec(schema: AnySchema, table: string, input: unknown, limits: Partial<SpecLimits> = {}): RelationSpec {
  const caps = specLimits(limits);
  if (!Object.hasOwn(schema.tables, table)) {
    throw new InvalidRelationSpecError('', `unknown table '${table}' (the schema has: ${Object.keys(schema.tables).join(', ')})`);
  }
  const bytes = jsonLength(input);
  if (bytes > caps.maxBytes) throw new InvalidRelationSpecError('', `${bytes} bytes of JSON is over the cap of ${caps.maxBytes}`);
  return new Checker(schema, caps).spec(table, input, '', 0);
}

/**
 * Checks an untrusted find-query argument: a value of `table`'s key `column` (a finite number for a number column, a string
 * of at most `maxKeyLength` characters for a string column); returns it typed.
 * @throws InvalidRelationSpecError (path `id`) for anything else.
 * @example validateFindKey(schema, 'jobs', 'id', 'j1')
 */
export function validateFindKey(schema: AnySchema, table: string, column: string, input: unknown, limits: SpecLimits): string | number {
  const type = (schema.tables as Record<string, TableShape>)[table]?.columns[column]?.type;
  if (type === 'string' && typeof input === 'string') {
    if (input.length > limits.maxKeyLength) throw new InvalidRelationSpecError('id', `a key of ${input.length} characters is over the cap of ${limits.maxKeyLength}`);
    return input;
  }
  if (type === 'number' && typeof input === 'number' && Number.isFinite(input)) return input;
  const shown = describeValue(input);
  throw new InvalidRelationSpecError('id', `column '${column}' of '${table}' holds ${type ?? 'no'} keys; got ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}`);
}
