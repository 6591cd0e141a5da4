/**
 * Rails' `pluck('clients.name')` / `pick(...)`: columns of a joined table, read from the joined rows. Zero has no join,
 * so the relationship is loaded beside each row (its has_many rows filtered by the relation's conditions on them, as the
 * join would keep only those: see left-joins.ts' eagerLoadedWhere) and the values are read there: one tuple per row, and
 * per row of the has_many it reads, as Rails' SELECT gives (a LEFT JOIN's row without one gives NULLs). Rails also
 * repeats rows per row of a has_many joined and not read; each row is once here, as elsewhere.
 */
import { assertColumn, joinedRelationship, type Condition } from './conditions.ts';
import { QueryError } from './errors.ts';
import type { Relation } from './relation.ts';
import { associationHops, relatedModel } from './relationships.ts';
import { innerJoined, mentions } from './left-joins.ts';
import { loadedRows } from './relation-algebra.ts';
import { destination, joinedPath } from './join-conditions.ts';
import type { ModelDefinition } from './config.ts';
import type { RecordLike } from './finders.ts';

/** How to read the named columns from the rows of the relation to load. */
export interface ColumnReader {
  readonly relation: Relation;
  /** Adds what one row gives to `into`: a value (one column) or a tuple, one per joined row. */
  read(row: RecordLike, into: unknown[]): void;
  /** The values `read` gave, limited and offset as the relation says (Rails limits the joined rows, not the rows). */
  window(values: unknown[]): unknown[];
}

const whole = (values: unknown[]): unknown[] => values;

/**
 * A reader of `columns` (own, or `table.column` of a table the relation joins, left-joins or includes); the relation
 * itself when every column is its own.
 */
export function columnReader(relation: Relation, columns: readonly string[], method: string): ColumnReader {
  const { model } = relation;
  const context = `${model.className}.${method}`;
  if (columns.length === 0) throw new QueryError(`${context}: name at least one column`);
  const parsed = columns.map((column) => {
    const dot = column.indexOf('.');
    const table = dot < 0 ? undefined : column.slice(0, dot);
    const name = dot < 0 ? column : column.slice(dot + 1);
    const relationship = table === undefined ? undefined : joinedRelationship(model, table, context);
    assertColumn(relationship === undefined ? model : relatedModel(model, relationship), name, context);
    return { name, relationship };
  });
  const joined = [...new Set(parsed.flatMap((p) => (p.relationship === undefined ? [] : [p.relationship])))];
  const single = parsed.length === 1;
  if (joined.length === 0) {
    // The common case, one value or tuple per row without a tuple list around it (pluck reads every row).
    const names = parsed.map((p) => p.name);
    return { relation, window: whole, read: single ? (row, into) => void into.push(row[names[0]!]) : (row, into) => void into.push(names.map((n) => row[n])) };
  }
  const many = joined.filter((name) => associationHops(model, name).some((hop) => hop.cardinality === 'many'));
  if (many.length > 1) throw new QueryError(`${context}: columns of two has_many tables (${many.join(', ')}) would pair every row of one with every row of the other; pluck them separately`);
  let loading = relation;
  for (const name of joined) loading = loadingJoined(loading, name, context);
  // A has_many's rows multiply the rows: the limit and offset apply to what comes out.
  const { limit, offset = 0 } = relation.state;
  const limited = many.length > 0 && (limit !== undefined || offset > 0);
  if (limited) loading = loading.unscope('limit', 'offset');
  const inner = new Set(joined.filter((name) => !loadsAsLeftJoin(relation, name)));
  return {
    relation: loading,
    window: limited ? (values) => values.slice(offset, limit === undefined ? undefined : offset + limit) : whole,
    read(row, into) {
      // The joined rows, one for a belongs_to or has_one (NULL columns for a LEFT JOIN's row without one).
      const rowsOf = (name: string): readonly (RecordLike | undefined)[] => {
        const rows = loadedRows(row[name]);
        return rows.length > 0 || inner.has(name) ? rows : [undefined];
      };
      const across = many[0];
      const one = (joinedRow: RecordLike | undefined) =>
        parsed.map((p) => (p.relationship === undefined ? row[p.name] : (p.relationship === across ? joinedRow : rowsOf(p.relationship)[0])?.[p.name] ?? null));
      for (const joinedRow of across === undefined ? [undefined] : rowsOf(across)) {
        const tuple = one(joinedRow);
        into.push(single ? tuple[0] : tuple);
      }
    },
  };
}

/**
 * `relation` with relationship `name` loaded beside each row. Rails needs the table joined: a relation that neither
 * joins it (`joins`, a condition on it) nor left-joins or includes it is refused, as Rails' SQL would be.
 */
function loadingJoined(relation: Relation, name: string, context: string): Relation {
  // `none` reads no row, so no column of a joined one (Rails answers [] without asking).
  if (relation.state.none) return relation;
  const included = relation.state.includes.some((i) => i.name === name);
  if (included || loadsAsLeftJoin(relation, name)) return included ? relation : relation.includes(name);
  if (!mentions(relation.state.where, name, true)) throw new QueryError(`${context}: ${notJoined(relation.model, relation.state.where, name)}`);
  // Joined already (INNER): joined again explicitly, so the include beside it reads as Rails' INNER JOIN, not a LEFT one.
  return relation.joins(name).includes(name);
}

/**
 * Why relationship `name` cannot be read: the relation does not join it, or joins its table only inside another join
 * (which `pluck` and `order` do not read through).
 */
export function notJoined(model: ModelDefinition, where: Condition, name: string): string {
  const table = destination(model.schema, model.table, name);
  const nested = joinedPath(model.schema, model.table, where, table);
  const how = `joins('${name}') first (or left_joins / includes for the rows without one)`;
  return nested
    ? `the relation joins ${table} only inside another join (${nested.join(' -> ')}), which is not read through; ${how}`
    : `the relation does not join '${name}'; ${how}`;
}

/** True when `name` is left-joined: by `left_joins`, or included, and not joined by `joins` (see left-joins.ts). */
function loadsAsLeftJoin(relation: Relation, name: string): boolean {
  const { leftJoins, includes, where } = relation.state;
  return (leftJoins.includes(name) || includes.some((i) => i.name === name)) && !innerJoined(where, name);
}
