/**
 * `() => zero.query.jobs.where('status', 'active').orderBy('created_at', 'desc').limit(5)` -> the Relation chain
 * `ReactiveJob.where({ status: 'active' }).order({ created_at: 'desc' }).limit(5)`. Argument expressions are kept
 * as source ranges (so nested rewrites and formatting inside them survive); anything without a certain
 * equivalent returns a reason instead.
 */
import type { AstNode, Unit } from '../context.ts';
import { endOf, startOf } from '../context.ts';
import { keep, type Part } from '../edits.ts';
import { isCall, isIdentifier, isMember, isStringLiteral, memberName } from '../ast.ts';

export type Cardinality = 'one' | 'many';

export interface ParsedQuery {
  readonly table: string;
  readonly cardinality: Cardinality;
  readonly segments: readonly Segment[];
}

type Value = readonly Part[];
type Condition = { kind: 'eq' | 'not'; value: Value } | { kind: 'range'; ops: Map<string, Value> } | { kind: 'match'; value: Value; caseSensitive: boolean };

/** One call of the target chain; consecutive compatible ZQL calls merge into one segment. */
export type Segment =
  | { method: 'where' | 'not'; entries: Map<string, Condition> }
  | { method: 'order'; entries: Map<string, Value> }
  | { method: 'limit' | 'includes'; arg: Value };

export type Converted<T> = { ok: true; value: T } | { ok: false; reason: string; offset: number };

const RANGE: Record<string, string> = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' };
const EQ = new Set(['=', 'IS', 'IN']);
const NOT = new Set(['!=', 'IS NOT', 'NOT IN']);
// ZQL's pattern operators: the where hash's `matches` (Arel's), ILIKE unless case_sensitive; NOT ... under not().
const MATCH: Record<string, { method: 'where' | 'not'; caseSensitive: boolean }> = {
  LIKE: { method: 'where', caseSensitive: true },
  ILIKE: { method: 'where', caseSensitive: false },
  'NOT LIKE': { method: 'not', caseSensitive: true },
  'NOT ILIKE': { method: 'not', caseSensitive: false },
};

function fail<T>(unit: Unit, node: AstNode, reason: string): Converted<T> {
  return { ok: false, reason, offset: startOf(unit, node) };
}

/** The query thunk's body expression: `() => expr` or `() => { return expr; }`. */
function thunkBody(fn: AstNode): AstNode | null {
  if ((fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') || (fn['params'] as AstNode[]).length) return null;
  const body = fn['body'] as AstNode;
  if (body.type !== 'BlockStatement') return withoutNullFallback(body);
  const statements = body['body'] as AstNode[];
  const only = statements[0];
  const returned = statements.length === 1 && only?.type === 'ReturnStatement' ? ((only['argument'] as AstNode | null) ?? null) : null;
  return returned && withoutNullFallback(returned);
}

/**
 * `getZero()?.query.jobs... ?? null` is the chain itself: strict TypeScript needs the fallback to meet the legacy
 * signature `() => Query | null`, and null only ever meant "Zero is not ready yet", which a model waits for itself.
 */
function withoutNullFallback(body: AstNode): AstNode {
  if (body.type !== 'LogicalExpression' || (body['operator'] !== '??' && body['operator'] !== '||')) return body;
  const fallback = body['right'] as AstNode;
  return fallback.type === 'NullLiteral' || isIdentifier(fallback, 'undefined') ? (body['left'] as AstNode) : body;
}

/** `getZero()`, `zero`, `this.z`, `ctx.zero`: a Zero source the model's own binding replaces. */
function isZeroSource(node: AstNode): boolean {
  if (isIdentifier(node) || node.type === 'ThisExpression') return true;
  if (isMember(node) && !node.computed) return isZeroSource(node.object);
  if (isCall(node) && node.arguments.length === 0) return isIdentifier(node.callee) || (isMember(node.callee) && isZeroSource(node.callee));
  if (node.type === 'TSNonNullExpression') return isZeroSource(node['expression'] as AstNode);
  return false;
}

function columnKey(unit: Unit, node: AstNode | undefined): Converted<string> {
  if (!isStringLiteral(node)) return fail(unit, node ?? ({ type: 'x' } as AstNode), 'column name is not a string literal');
  return { ok: true, value: node.value };
}

function range(unit: Unit, node: AstNode): Value {
  return [keep(startOf(unit, node), endOf(unit, node))];
}

function addCondition(segments: Segment[], method: 'where' | 'not', column: string, condition: Condition): void {
  const last = segments[segments.length - 1];
  // Conditions AND into one where(); never into one not(), which is NOT (a AND b): `.not(a).not(b)` is ZQL's meaning.
  if (last && last.method === 'where' && method === 'where') {
    const existing = last.entries.get(column);
    if (!existing) return void last.entries.set(column, condition);
    if (existing.kind === 'range' && condition.kind === 'range' && [...condition.ops.keys()].every((op) => !existing.ops.has(op))) {
      for (const [op, value] of condition.ops) existing.ops.set(op, value);
      return;
    }
  }
  segments.push({ method, entries: new Map([[column, condition]]) });
}

/** Parses the thunk of `new ReactiveQuery(thunk)` into table, cardinality and target segments. */
export function parseQueryThunk(unit: Unit, thunk: AstNode | undefined): Converted<ParsedQuery> {
  if (!thunk) return { ok: false, reason: 'legacy query without a query function', offset: unit.offset };
  const body = thunkBody(thunk);
  if (!body) return fail(unit, thunk, 'the query function is not a plain `() => zero.query.<table>...` (it takes parameters, is passed in, or has several statements)');
  const calls: { name: string; args: AstNode[]; node: AstNode }[] = [];
  let cursor = body;
  while (isCall(cursor) && isMember(cursor.callee) && memberName(cursor.callee)) {
    calls.unshift({ name: memberName(cursor.callee)!, args: cursor.arguments, node: cursor });
    cursor = cursor.callee.object;
  }
  const table = memberName(cursor);
  if (!table || !isMember(cursor) || memberName(cursor.object) !== 'query' || !isMember(cursor.object) || !isZeroSource(cursor.object.object)) {
    return fail(unit, body, 'the query function does not return `<zero>.query.<table>...` directly (conditional, computed or built elsewhere)');
  }
  const segments: Segment[] = [];
  let cardinality: Cardinality = 'many';
  for (const [i, call] of calls.entries()) {
    const { name, args, node } = call;
    if (args.some((a) => a.type === 'SpreadElement')) return fail(unit, node, `.${name}(...) with a spread argument`);
    if (cardinality === 'one') return fail(unit, node, `.${name}() after .one()`);
    if (name === 'where') {
      if (args.length !== 2 && args.length !== 3) return fail(unit, node, '.where() with an expression callback or unusual arguments has no certain Relation equivalent');
      const column = columnKey(unit, args[0]);
      if (!column.ok) return column;
      const op = args.length === 3 ? args[1]! : null;
      const value = range(unit, args[args.length - 1]!);
      if (op && !isStringLiteral(op)) return fail(unit, op, 'the where() operator is not a string literal');
      const operator = op ? (op as AstNode & { value: string }).value.toUpperCase() : '=';
      if (EQ.has(operator)) addCondition(segments, 'where', column.value, { kind: 'eq', value });
      else if (NOT.has(operator)) addCondition(segments, 'not', column.value, { kind: 'not', value });
      else if (RANGE[operator]) addCondition(segments, 'where', column.value, { kind: 'range', ops: new Map([[RANGE[operator]!, value]]) });
      else if (MATCH[operator]) addCondition(segments, MATCH[operator].method, column.value, { kind: 'match', value, caseSensitive: MATCH[operator].caseSensitive });
      else return fail(unit, op!, `where() operator '${operator}' has no Relation equivalent`);
    } else if (name === 'orderBy') {
      const column = columnKey(unit, args[0]);
      if (!column.ok) return column;
      if (args.length > 2) return fail(unit, node, '.orderBy() with more than two arguments');
      const direction: Value = args[1] ? range(unit, args[1]) : ["'asc'"];
      const last = segments[segments.length - 1];
      if (last?.method === 'order' && !last.entries.has(column.value)) last.entries.set(column.value, direction);
      else segments.push({ method: 'order', entries: new Map([[column.value, direction]]) });
    } else if (name === 'limit' && args.length === 1) {
      segments.push({ method: 'limit', arg: range(unit, args[0]!) });
    } else if (name === 'related' && args.length === 1 && isStringLiteral(args[0])) {
      segments.push({ method: 'includes', arg: range(unit, args[0]) });
    } else if (name === 'one' && args.length === 0 && i === calls.length - 1) {
      cardinality = 'one';
    } else {
      return fail(unit, node, `ZQL .${name}() has no certain Relation equivalent`);
    }
  }
  return { ok: true, value: { table, cardinality, segments } };
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function sourceText(source: string, value: Value): string | null {
  return value.length === 1 && typeof value[0] !== 'string' ? source.slice(value[0]!.start, value[0]!.end) : null;
}

/** `{ status: 'active', priority: { gt: 1 } }`, with `{ id }` shorthand when the value is the same name. */
export function objectParts(source: string, entries: ReadonlyMap<string, Condition | Value>): Part[] {
  const parts: Part[] = ['{ '];
  let first = true;
  for (const [column, entry] of entries) {
    if (!first) parts.push(', ');
    first = false;
    if (!Array.isArray(entry) && 'kind' in entry && entry.kind === 'match') {
      parts.push(`${key(column)}: { matches: `, ...entry.value, entry.caseSensitive ? ', case_sensitive: true }' : ' }');
    } else if (Array.isArray(entry) || !('kind' in entry) || entry.kind !== 'range') {
      const value = (Array.isArray(entry) ? entry : (entry as { value: Value }).value) as Value;
      if (sourceText(source, value) === column && key(column) === column) parts.push(column);
      else parts.push(`${key(column)}: `, ...value);
    } else {
      parts.push(`${key(column)}: { `);
      let firstOp = true;
      for (const [op, value] of entry.ops) {
        parts.push(firstOp ? `${op}: ` : `, ${op}: `, ...value);
        firstOp = false;
      }
      parts.push(' }');
    }
  }
  parts.push(' }');
  return parts;
}

/**
 * Renders the target expression for a parsed legacy query. One-record queries become `find_by` (the legacy
 * class gave null for a missing row, and so does find_by), which needs equality conditions only.
 */
export function renderQuery(unit: Unit, source: string, target: string, query: ParsedQuery, ttl: Value | null, at: AstNode): Converted<Part[]> {
  const ttlCall: Part[] = ttl ? ['.ttl(', ...ttl, ')'] : [];
  if (query.cardinality === 'one') {
    const merged = new Map<string, Condition>();
    for (const segment of query.segments) {
      if (segment.method !== 'where') return fail(unit, at, `.one() combined with .${segment.method === 'not' ? "where(col, '!=', v)" : segment.method}(): no finder keeps the legacy semantics with certainty`);
      for (const [column, condition] of segment.entries) {
        if (condition.kind !== 'eq' || merged.has(column)) return fail(unit, at, '.one() with a range or repeated condition: find_by takes equality conditions only');
        merged.set(column, condition);
      }
    }
    if (!merged.size) return fail(unit, at, '.one() without a where(): which record is meant is not certain');
    return { ok: true, value: [target, ...ttlCall, '.find_by(', ...objectParts(source, merged), ')'] };
  }
  // Models answer every query method directly (`ReactiveJob.order(...)`); a bare table is `all()`.
  const parts: Part[] = [target];
  if (!query.segments.length) parts.push('.all()');
  for (const segment of query.segments) {
    if ('arg' in segment) parts.push(`.${segment.method}(`, ...segment.arg, ')');
    else parts.push(`.${segment.method}(`, ...objectParts(source, segment.entries), ')');
  }
  parts.push(...ttlCall);
  return { ok: true, value: parts };
}
