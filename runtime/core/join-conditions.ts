/**
 * Rails' joins as Zero's EXISTS. Rails joins a table once: every condition on it reads the same joined row, and the join
 * drops the rows that have none, whatever the conditions around it say (nested joins included). Zero has no join, only
 * an EXISTS per condition, so a relation's where is put in that shape before it is sent:
 * - the EXISTS on one relationship that an AND holds become one (`where({ tasks: { status } }).where({ tasks: { priority } })`
 *   is one task with both, as in Rails, not a task with each), and so do those an OR holds (EXISTS distributes over OR);
 * - the joins a relationship's conditions imply, nested ones too, are required beside them when they sit under an OR
 *   (`where.not`, `or`), as Rails' join is;
 * - conditions reaching a has_many under two branches of an AND, one of them an OR, would need the branches to read one
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

/**
 * The relationships from `model`'s rows to the joined `table` whose row another model's conditions read (Rails' `merge`
 * of that model's relation puts them on the table by its name): the first join in `where` reaching it, nested joins
 * included (Rails names a table's first join by the table), else the first of `leftJoined` (left joins, includes)
 * reaching it, else the one relationship of `model` reaching it, implied as a where hash's joins are.
 */
export function joinPathTo(model: ModelDefinition, where: Condition, leftJoined: readonly string[], table: string, context: string): readonly string[] {
  const joined = joinedPath(model.schema, model.table, where, table) ?? leftJoined.find((name) => destination(model.schema, model.table, name) === table);
  if (joined) return typeof joined === 'string' ? [joined] : joined;
  const reaching = Object.keys(tableRelationships(model.schema, model.table)).filter((name) => destination(model.schema, model.table, name) === table);
  if (reaching.length === 1) return reaching;
  const how = reaching.length === 0 ? `no relationship of ${model.className} reaches ${table}` : `join the one meant first: ${reaching.map((name) => `joins('${name}')`).join(' or ')}`;
  throw new QueryError(`${context}: the merged relation's conditions are on ${table}, which this relation does not join; ${how}`);
}

/** The first positive EXISTS path in `where` (of `from`'s rows) reaching `table`, depth first in join order. */
export function joinedPath(schema: Schema, from: string, where: Condition, table: string): readonly string[] | undefined {
  for (const p of where.op === 'and' ? where.conds : [where]) {
    if (p.op !== 'exists' || p.negated) continue;
    const to = destination(schema, from, p.relationship);
    if (to === table) return [p.relationship];
    const nested = p.where && joinedPath(schema, to, p.where, table);
    if (nested) return [p.relationship, ...nested];
  }
  return undefined;
}

/** A bare join: a positive EXISTS without conditions (`joins`, `where_associated`). */
export function isBareJoin(cond: Condition): boolean {
  return cond.op === 'exists' && !cond.negated && !cond.where;
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
  // The joins the conditions under an OR imply, each with its nested ones: beside the top's own EXISTS on the same
  // relationship (one row has both), or added.
  const implied = impliedJoins(top.filter((c) => c.op !== 'exists'));
  if (implied.size === 0) return merged;
  const parts = top.map((c) => {
    if (c.op !== 'exists' || c.negated) return c;
    const joins = implied.get(c.relationship);
    if (!joins) return c;
    implied.delete(c.relationship);
    return joins.length === 0 ? c : joinedRow(c.relationship, normalized(schema, destination(schema, table, c.relationship), and([c.where ?? TRUE, ...joins]), context));
  });
  const added = [...implied].map(([name, joins]) => joinedRow(name, and(joins)));
  return and([...added, ...parts]);
}

/** The joins the conditions on joined tables in `conds` imply (through AND and OR): relationship -> its nested joins. */
function impliedJoins(conds: readonly Condition[]): Map<string, Condition[]> {
  const wheres = new Map<string, Condition[]>();
  const visit = (cond: Condition): void => {
    if (cond.op === 'exists' && cond.where) {
      if (!wheres.has(cond.relationship)) wheres.set(cond.relationship, []);
      wheres.get(cond.relationship)!.push(cond.where);
    } else if (cond.op === 'and' || cond.op === 'or') cond.conds.forEach(visit);
  };
  conds.forEach(visit);
  return new Map([...wheres].map(([name, inner]) => [name, [...impliedJoins(inner)].map(([nested, joins]) => joinedRow(nested, and(joins)))]));
}

function merge(schema: Schema, table: string, cond: Condition, context: string): Condition {
  switch (cond.op) {
    case 'exists': {
      const where = cond.where;
      return where ? joinedRow(cond.relationship, normalized(schema, destination(schema, table, cond.relationship), where, context)) : cond;
    }
    case 'or':
      return or(grouped(schema, table, cond.conds.map((c) => merge(schema, table, c, context)), or, context));
    case 'and': {
      const conds = grouped(schema, table, cond.conds.map((c) => merge(schema, table, c, context)), and, context);
      assertOneRowPerBranch(schema, table, conds, context);
      return and(conds);
    }
    default:
      return cond;
  }
}

/**
 * `conds` with the positive EXISTS on each relationship made one, at the place of the first, its conditions `combine`d
 * (AND: one row meets them all; OR: some row meets one of them, as some row meeting any).
 */
function grouped(schema: Schema, table: string, conds: readonly Condition[], combine: (c: readonly Condition[]) => Condition, context: string): Condition[] {
  const wheres = new Map<string, Condition[]>();
  for (const c of conds) if (c.op === 'exists' && !c.negated) wheres.set(c.relationship, [...(wheres.get(c.relationship) ?? []), c.where ?? TRUE]);
  const out: Condition[] = [];
  const placed = new Set<string>();
  for (const c of conds) {
    if (c.op !== 'exists' || c.negated) out.push(c);
    else if (!placed.has(c.relationship)) {
      placed.add(c.relationship);
      const all = wheres.get(c.relationship)!;
      out.push(all.length === 1 ? c : joinedRow(c.relationship, normalized(schema, destination(schema, table, c.relationship), combine(all), context)));
    }
  }
  return out;
}

export function destination(schema: Schema, table: string, relationship: string): string {
  return relationshipHops(schema, table, relationship).at(-1)!.destSchema;
}

/** True when `cond` (of `table`'s rows) reaches many rows through some relationship at some depth. */
function reachesMany(schema: Schema, table: string, cond: Condition): boolean {
  switch (cond.op) {
    case 'exists': {
      const hops = relationshipHops(schema, table, cond.relationship);
      return hops.some((hop) => hop.cardinality === 'many') || (cond.where !== undefined && reachesMany(schema, hops.at(-1)!.destSchema, cond.where));
    }
    case 'and':
    case 'or':
      return cond.conds.some((c) => reachesMany(schema, table, c));
    default:
      return false;
  }
}

type Exists = Extract<Condition, { op: 'exists' }>;

/** The EXISTS with conditions `cond` holds outside any EXISTS of its own table (through AND and OR). */
function joinsUnder(cond: Condition, into: Exists[] = []): Exists[] {
  if (cond.op === 'exists' && cond.where) into.push(cond);
  if (cond.op === 'and' || cond.op === 'or') for (const c of cond.conds) joinsUnder(c, into);
  return into;
}

/** Refuses conditions reaching many rows through one relationship in two of an AND's `conds` (see the header). */
function assertOneRowPerBranch(schema: Schema, table: string, conds: readonly Condition[], context: string): void {
  const branches = new Map<string, number>();
  const many = new Set<string>();
  for (const c of conds) {
    const names = new Set<string>();
    for (const join of joinsUnder(c)) {
      names.add(join.relationship);
      if (reachesMany(schema, table, join)) many.add(join.relationship);
    }
    for (const name of names) branches.set(name, (branches.get(name) ?? 0) + 1);
  }
  for (const [name, count] of branches) {
    if (count > 1 && many.has(name)) {
      throw new QueryError(
        `${context}: conditions on '${name}' (reaching many rows) sit in two branches of an AND, one of them under an OR; Rails reads them on one joined row, which Zero's EXISTS cannot: write them in one branch`,
      );
    }
  }
}
