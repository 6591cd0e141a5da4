/**
 * Rails' LEFT OUTER JOIN: `left_joins` / `left_outer_joins`, and an `includes` whose table a where hash reaches (a hash
 * condition on a table implies Rails' `references`, so Rails eager-loads it with a LEFT OUTER JOIN) unless the relation
 * also `joins` it (an INNER JOIN then). A row without an associated row then meets the conditions with that row's
 * columns NULL, where Zero's EXISTS sees only the rows that have one. The two agree whenever the conditions cannot hold
 * on a NULL row, the usual case (`where({ clients: { name } })`). `where({ clients: { id: null } })`, Rails' idiom for
 * "has none", is `where_missing`. Any other condition holding on a NULL row (an IS NULL on a column that may be NULL, an
 * OR with a branch needing no associated row) would need both answers in one query, which the client's NOT EXISTS pass
 * cannot OR: refused, saying what to write.
 */
import { FALSE, TRUE, and, or, type Condition } from './conditions.ts';
import { isRequired, type ModelDefinition } from './config.ts';
import { QueryError } from './errors.ts';
import { associationHops, relatedModel } from './relationships.ts';

/** `where` (of `model`'s rows) as Rails' LEFT OUTER JOIN of each of `names` answers it (see above). */
export function leftJoinedWhere(model: ModelDefinition, where: Condition, names: readonly string[], context: string): Condition {
  let result = where;
  for (const name of new Set(names)) {
    if (!mentions(result, name) || innerJoined(result, name)) continue;
    const onNull = onNullRow(result, name);
    if (onNull.op === 'const' && !onNull.value) continue;
    const predicates = result.op === 'and' ? result.conds : [result];
    const onIt = predicates.filter((p) => mentions(p, name));
    const joined = relatedModel(model, name);
    // Every condition on it holds on the NULL row, and one (a where_missing, or a NULL in a column no row holds NULL in:
    // its key, a NOT NULL column) holds only there: only "none" is left. Not through a junction: Rails' LEFT JOIN chain
    // gives a NULL row for a row whose junction rows have none, which NOT EXISTS does not count.
    const direct = associationHops(model, name).length === 1;
    const none = (p: Condition) => p.op === 'exists' && (p.negated || (direct && p.where !== undefined && pinsNull(p.where, joined)));
    if (onIt.every((p) => p.op === 'exists' && (p.negated || (p.where !== undefined && holdsOnNull(p.where)))) && onIt.some(none)) {
      result = and([...predicates.filter((p) => !onIt.includes(p)), { op: 'exists', relationship: name, negated: true }]);
      continue;
    }
    throw new QueryError(
      `${context}: the conditions on '${name}' also hold for a row without one (Rails' LEFT OUTER JOIN of ${name}, through includes or left_joins, ` +
        `gives such a row NULL columns), and Zero cannot ask for those rows beside the rows that have one: ` +
        `write where_missing('${name}') for the rows without one, or joins('${name}') for the rows with one`,
    );
  }
  return result;
}

/** True when `cond` has a condition on relationship `name` (an EXISTS of it, outside any other EXISTS; `joined`: not a where_missing). */
export function mentions(cond: Condition, name: string, joined = false): boolean {
  if (cond.op === 'exists') return cond.relationship === name && !(joined && cond.negated);
  return (cond.op === 'and' || cond.op === 'or') && cond.conds.some((c) => mentions(c, name, joined));
}

/** True when the relation INNER JOINs `name` itself (`joins`, `where_associated`: a top-level EXISTS of joins only). */
export function innerJoined(where: Condition, name: string): boolean {
  return (where.op === 'and' ? where.conds : [where]).some((p) => p.op === 'exists' && p.relationship === name && !p.negated && (!p.where || joinsOnly(p.where)));
}

function joinsOnly(cond: Condition): boolean {
  if (cond.op === 'exists') return !cond.negated && (!cond.where || joinsOnly(cond.where));
  return cond.op === 'and' && cond.conds.every(joinsOnly);
}

/**
 * `cond` for a row whose `name` row is NULL: each condition on it replaced by whether it holds there. Conditions are in
 * negation normal form (`negate` pushes NOT to the leaves), so SQL's UNKNOWN can be read as false: without a NOT, an
 * UNKNOWN never makes the whole condition true.
 */
function onNullRow(cond: Condition, name: string): Condition {
  switch (cond.op) {
    case 'and':
      return and(cond.conds.map((c) => onNullRow(c, name)));
    case 'or':
      return or(cond.conds.map((c) => onNullRow(c, name)));
    case 'exists':
      if (cond.relationship !== name) return cond;
      return cond.negated || (cond.where !== undefined && holdsOnNull(cond.where)) ? TRUE : FALSE;
    default:
      return cond;
  }
}

/** Whether a joined row's conditions hold when all its columns are NULL (only IS NULL does; any comparison is UNKNOWN). */
function holdsOnNull(cond: Condition): boolean {
  switch (cond.op) {
    case 'cmp':
      return cond.operator === 'IS' && cond.value === null;
    case 'and':
      return cond.conds.every(holdsOnNull);
    case 'or':
      return cond.conds.some(holdsOnNull);
    case 'const':
      return cond.value;
    case 'exists':
      // A NULL row has no associated rows.
      return cond.negated;
  }
}

/** True when `cond` requires a column of `model` that is never NULL (its key, a NOT NULL column) to be NULL (in its top-level AND). */
function pinsNull(cond: Condition, model: ModelDefinition): boolean {
  return (cond.op === 'and' ? cond.conds : [cond]).some((c) => c.op === 'cmp' && c.operator === 'IS' && c.value === null && (c.column === model.primaryKey || isRequired(model, c.column)));
}

/**
 * What an included has_many loads under Rails' eager load: only the associated rows the conditions on them hold for (its
 * rows come from the join). `where` is in join-conditions.ts' shape, so they are one top-level EXISTS; undefined when
 * there are none. Conditions on it inside an OR would filter each joined row by the whole condition: refused.
 */
export function eagerLoadedWhere(where: Condition, name: string, context: string): Condition | undefined {
  const predicates = where.op === 'and' ? where.conds : [where];
  const top = predicates.find((p) => p.op === 'exists' && p.relationship === name && !p.negated && p.where !== undefined);
  if (predicates.some((p) => p !== top && p.op !== 'exists' && mentions(p, name))) {
    throw new QueryError(
      `${context}: ${name} loaded beside the rows (includes, or pluck of its columns) with conditions on ${name} inside an OR: Rails would read the ${name} ` +
        `of each row the whole condition holds for, which Zero cannot; filter the loaded ${name} instead, or write the conditions without an OR`,
    );
  }
  // A join alone (`joins({ jobs: 'tasks' })`) is no condition on it: Rails preloads it whole then.
  return top?.op === 'exists' && top.where && !joinsOnly(top.where) ? top.where : undefined;
}
