/**
 * Rails' joins as Zero's EXISTS. Rails joins a table once: every condition on it reads the same joined row, and the join
 * drops the rows that have none, whatever the conditions around it say. Zero has no join, only an EXISTS per condition, so
 * a relation's where is put in that shape before it is sent:
 * - the EXISTS on one relationship that an AND holds become one (`where({ tasks: { status } }).where({ tasks: { priority } })`
 *   is one task with both, as in Rails, not a task with each);
 * - a relationship whose conditions sit under an OR (`where.not`, `or`) is also required beside them, as Rails' join is;
 * - conditions on one has_many under two branches of an AND, one of them an OR, would need the branches to read one
 *   row, which no EXISTS can say: refused.
 * The same holds inside each EXISTS, for the joins of the joined table. A relation keeps its where as it was built (one
 * EXISTS per condition), so `rewhere`, `unscope(where:)` and `merge` see Rails' predicates.
 */
import type { Schema } from '@rocicorp/zero';
import { TRUE, and, joinedRow, or, type Condition } from './conditions.ts';
import type { ModelDefinition } from './config.ts';
import { QueryError, describeValue } from './errors.ts';
import { relatedModel, relationshipHops, tableRelationships } from './relationships.ts';

/** What `joins` takes: relationship names, lists of them, and `{ name: nested }` for the joined table's own joins. */
export type JoinArg = string | readonly JoinArg[] | { readonly [relationship: string]: JoinArg };

/** `joins(...args)` of `model` as conditions: an EXISTS per relationship, a nested one inside its parent's. */
export function joinConditions(model: ModelDefinition, args: readonly JoinArg[], context: string): Condition[] {
  return args.flatMap((arg): Condition[] => {
    if (typeof arg === 'string') return [joinedRow(joinable(model, arg, context), TRUE)];
    if (Array.isArray(arg)) return joinConditions(model, arg, context);
    if (typeof arg !== 'object' || arg === null) throw new QueryError(`${context}: expected relationship names, got ${describeValue(arg)}`);
    return Object.entries(arg as Readonly<Record<string, JoinArg>>).map(([name, nested]) => {
      const relationship = joinable(model, name, context);
      return joinedRow(relationship, and(joinConditions(relatedModel(model, relationship), [nested], `${context}, ${relationship}`)));
    });
  });
}

function joinable(model: ModelDefinition, name: string, context: string): string {
  const known = Object.keys(tableRelationships(model.schema, model.table));
  if (known.includes(name)) return name;
  const sql = /\s/.test(name) ? ' (joins takes relationship names: Zero runs no SQL)' : '';
  throw new QueryError(`${context}: Can't join '${model.className}' to association named '${name}'; perhaps you misspelled it?${sql} (relationships: ${known.join(', ') || 'none'})`);
}

/** `where` (of `table`'s rows) in the shape above; `where` itself when it has no conditions on a joined table. */
export function joinedWhere(schema: Schema, table: string, where: Condition, context: string): Condition {
  return hasJoin(where) ? normalized(schema, table, where, context) : where;
}

function hasJoin(cond: Condition): boolean {
  if (cond.op === 'exists') return cond.where !== undefined;
  return (cond.op === 'and' || cond.op === 'or') && cond.conds.some(hasJoin);
}

function normalized(schema: Schema, table: string, where: Condition, context: string): Condition {
  const merged = merge(schema, table, where, context);
  const top = merged.op === 'and' ? merged.conds : [merged];
  const joinedAtTop = new Set(top.flatMap((c) => (c.op === 'exists' && !c.negated ? [c.relationship] : [])));
  const required = new Set<string>();
  for (const c of top) if (c.op !== 'exists') joinsUnder(c, required);
  const hoisted = [...required].filter((name) => !joinedAtTop.has(name)).map((name) => joinedRow(name, TRUE));
  return hoisted.length > 0 ? and([...hoisted, merged]) : merged;
}

/** The relationships whose conditions `cond` holds outside any EXISTS of its own table (through AND and OR). */
function joinsUnder(cond: Condition, into: Set<string>): Set<string> {
  if (cond.op === 'exists' && cond.where) into.add(cond.relationship);
  if (cond.op === 'and' || cond.op === 'or') for (const c of cond.conds) joinsUnder(c, into);
  return into;
}

function merge(schema: Schema, table: string, cond: Condition, context: string): Condition {
  switch (cond.op) {
    case 'exists': {
      const where = cond.where;
      return where ? joinedRow(cond.relationship, normalized(schema, destination(schema, table, cond.relationship), where, context)) : cond;
    }
    case 'or':
      return or(cond.conds.map((c) => merge(schema, table, c, context)));
    case 'and': {
      // Each relationship's EXISTS in the AND, at the place of its first one, with the conditions of all of them.
      const joined = new Map<string, Condition[]>();
      const parts: (Condition | string)[] = [];
      for (const c of cond.conds) {
        if (c.op !== 'exists' || c.negated) parts.push(c);
        else if (joined.has(c.relationship)) joined.get(c.relationship)!.push(c.where ?? TRUE);
        else {
          parts.push(c.relationship);
          joined.set(c.relationship, [c.where ?? TRUE]);
        }
      }
      const conds = parts.map((p) => merge(schema, table, typeof p === 'string' ? joinedRow(p, and(joined.get(p)!)) : p, context));
      assertOneRowPerBranch(schema, table, conds, context);
      return and(conds);
    }
    default:
      return cond;
  }
}

function destination(schema: Schema, table: string, relationship: string): string {
  return relationshipHops(schema, table, relationship).at(-1)!.destSchema;
}

function assertOneRowPerBranch(schema: Schema, table: string, conds: readonly Condition[], context: string): void {
  const seen = new Set<string>();
  for (const c of conds) {
    for (const name of joinsUnder(c, new Set())) {
      if (!seen.has(name)) seen.add(name);
      else if (relationshipHops(schema, table, name).some((hop) => hop.cardinality === 'many')) {
        throw new QueryError(
          `${context}: conditions on '${name}' (many rows) sit in two branches of an AND, one of them under an OR; Rails reads them on one joined row, which Zero's EXISTS cannot: write them in one branch`,
        );
      }
    }
  }
}
