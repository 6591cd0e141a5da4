/**
 * The immutable Relation: Rails query semantics, compiled to a relation spec (relation-spec.ts), the JSON form that becomes
 * ZQL. Both flavours extend it; it knows nothing of terminals.
 */
import { associationHops, relatedModel } from './relationships.ts';
import { destination, joinConditions, joinPathTo, joinedWhere, type JoinArg } from './join-conditions.ts';
import { eagerLoadedWhere, leftJoinedWhere, mentions } from './left-joins.ts';
import { notJoined } from './joined-columns.ts';
import { uniqueValues } from './unique-values.ts';
import { typeCondition } from './inheritance.ts';
import { defineModel, type ModelDefinition } from './config.ts';
import { QueryError, describeValue } from './errors.ts';
import { FALSE, TRUE, and, assertColumn, castValue, hashCondition, joinedRelationship, joinedRow, negate, or, simplify, type Condition, type Scalar, type WhereHash } from './conditions.ts';
import { dropOffset, hasOffset, plainFindKey, runtimeSpec, type Direction, type RelationSpec } from './relation-spec.ts';
import {
  columnsOf, invertedWhere, isMissing, mergedWhere, nestsMissing, ordersOnClient, predicates, requiresMissing, sortByOrder, splitJoins, splitMissing, whereWithout, withoutJoins, type OrderEntry,
} from './relation-algebra.ts';
import { normalizeTtl, type TtlInput } from './ttl.ts';
import { NOT_A_RECORD, recordKeyOf } from './record-of.ts';
import type { TTL } from '@rocicorp/zero';

export type { Direction, OrderEntry };
/** `'title'`, `'title desc'`, or `{ created_at: 'desc' }`. */
export type OrderArg = string | Readonly<Record<string, Direction | 'ASC' | 'DESC'>>;

export interface IncludeSpec {
  readonly name: string;
  readonly relation: Relation;
}

export interface RelationState {
  readonly where: Condition;
  readonly order: readonly OrderEntry[];
  readonly limit: number | undefined;
  readonly offset: number | undefined;
  readonly includes: readonly IncludeSpec[];
  /** Rails' `left_joins`: relationships LEFT OUTER JOINed (see left-joins.ts); an `includes` a condition reaches is one too. */
  readonly leftJoins: readonly string[];
  readonly ttl: TtlInput | undefined;
  /**
   * Rails' `distinct`: `pluck`, `pick` and `count(column)` answer each value (or tuple) once. Zero has no DISTINCT and a
   * row is already one of a kind by its key, so it shapes those answers only, not the query.
   */
  readonly distinct: boolean;
  /** The record whose association this relation reads (`client.jobs`): records made through it take its key. */
  readonly owner: AssociationOwner | undefined;
  /** Rails' `create_with`: attributes records made through the relation start with, over the ones it pins. */
  readonly createWith: Readonly<Record<string, unknown>>;
  /**
   * Rails' `none`: the relation matches nothing. A flag beside `where`, not a FALSE in it, because Rails keeps the
   * conditions: records built through `where(client_id: 1).none` take `client_id` 1, and `none.or(other)` is `other`.
   */
  readonly none: boolean;
}

/**
 * The record an association relation belongs to: its class, whether it is saved, and the columns its key pins
 * (`{ client_id: 'c1' }`; a NULL key pins none). Records made through the relation always take those (Rails sets the
 * owner's key over the attributes given); none is created for an unsaved owner (Rails: `You cannot call create unless
 * the parent is saved`), and none is built while its key is NULL (Rails sets it when the parent is saved, with the
 * parent's associations, which nothing here saves).
 */
export interface AssociationOwner {
  readonly className: string;
  readonly saved: boolean;
  readonly keys: Readonly<Record<string, Scalar>>;
  readonly keyMissing: boolean;
}

/** What `unscope` takes: the parts Rails names (`'where'`, `'order'`...) or `{ where: 'column' | ['a', 'b'] }`. */
export type UnscopeArg = 'where' | 'order' | 'limit' | 'offset' | 'joins' | 'left_outer_joins' | 'includes' | { readonly where: string | readonly string[] };

/** The parts `unscope` removes, in Rails' words (Rails has more parts; these are the ones a Zero relation has). */
const UNSCOPABLE = ['where', 'order', 'limit', 'offset', 'joins', 'left_outer_joins', 'includes'] as const;

/** What `includes` takes: relationship names, or `{ name: (relation) => relation }` to shape the associated rows. */
export type IncludeArg = string | Readonly<Record<string, true | ((relation: Relation) => Relation)>>;

/** A relation's state before any query method: every row of the table. */
/** The condition a relation's rows meet: its `where`, or FALSE when it is `none` (the pins stay in `where` for builders). */
function rowCondition(state: RelationState): Condition {
  return state.none ? FALSE : state.where;
}

export const EMPTY_STATE: RelationState = { where: TRUE, order: [], limit: undefined, offset: undefined, includes: [], leftJoins: [], ttl: undefined, distinct: false, owner: undefined, createWith: {}, none: false };

/**
 * The state every relation of `model` starts from, before its default scope (Rails' `relation`, which `unscoped`
 * returns): every row of the table, or a single-table-inheritance subclass's rows (its type condition: inheritance.ts).
 */
export function unscopedState(model: ModelDefinition): RelationState {
  const where = typeCondition(model);
  return where ? { ...EMPTY_STATE, where } : EMPTY_STATE;
}

type RelationClass = new (model: ModelDefinition, state?: RelationState) => Relation;

/** What a relation compiles to (see Relation#compile); `findKey`: the key of a find(id), asked for by that key alone. */
interface Compiled {
  readonly spec: RelationSpec;
  readonly findKey: string | number | undefined;
  readonly pass: { readonly missing: readonly string[] } | undefined;
}


function nonNegativeInteger(value: unknown, method: string, model: ModelDefinition): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new QueryError(`${model.className}.${method}: expected a non-negative integer, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * The immutable query both flavours share: Rails' query methods, compiled to ZQL. Chaining returns a new relation.
 * @example Job.where({ status: 'active' }).not({ country: 'UK' }).order({ created_at: 'desc' }).limit(10)
 */
export class Relation {
  readonly model: ModelDefinition;
  readonly state: RelationState;
  #key: string | undefined;
  #compiled: Compiled | undefined;

  constructor(model: ModelDefinition, state: RelationState = EMPTY_STATE) {
    this.model = model;
    this.state = state;
  }

  /** A relation of the same class (and so the same scopes and terminals) with a new state. */
  protected spawn(changes: Partial<RelationState>): this {
    const Class = this.constructor as RelationClass;
    return new Class(this.model, { ...this.state, ...changes }) as this;
  }

  /** `where({ status: 'active', id: ['a', 'b'], client_id: null, priority: { gt: 1 } })`. */
  where(conditions: WhereHash): this {
    return this.spawn({ where: and([this.state.where, hashCondition(this.model, conditions, `${this.model.className}.where`)]) });
  }

  /** Rails' `where.not`: SQL NOT, so rows whose column is NULL are excluded as in PostgreSQL. */
  not(conditions: WhereHash): this {
    return this.spawn({ where: and([this.state.where, negate(hashCondition(this.model, conditions, `${this.model.className}.not`))]) });
  }

  /**
   * Rails 7's `invert_where`: every condition so far negated as one, SQL NOT (rows where it is NULL match neither side);
   * a scope's conditions included, as Rails warns; a `where_associated` stays, as Rails' join does. `none()` stays none.
   */
  invert_where(): this {
    const where = invertedWhere(this.state.where);
    if (nestsMissing(where)) {
      throw new QueryError(
        `${this.model.className}.invert_where: inverting these conditions puts a where_missing inside an OR, which Zero's client cannot run (it filters where_missing on the loaded rows); invert the conditions without where_associated / where_missing, then add those`,
      );
    }
    return this.spawn({ where });
  }

  /**
   * Rails' `rewhere`: replaces the conditions on the columns the hash compares (`unscope(where: ...)`, then
   * `where(conditions)`); a belongs_to's name (`{ client: record }`) compares its key column.
   */
  rewhere(conditions: WhereHash): this {
    const context = `${this.model.className}.rewhere`;
    const condition = hashCondition(this.model, conditions, context);
    return this.spawn({ where: and([whereWithout(this.state.where, columnsOf(condition) ?? new Set(Object.keys(conditions))), condition]) });
  }

  /**
   * Rails' `unscope`: drops whole parts (`'where'`, `'order'`, `'limit'`, `'offset'`, `'includes'`) or the conditions on
   * some columns (`{ where: 'status' }`). `none()` stays none, as in Rails.
   */
  unscope(...args: UnscopeArg[]): this {
    const changes: { -readonly [K in keyof RelationState]?: RelationState[K] } = {};
    let where = this.state.where;
    for (const arg of args) {
      if (typeof arg === 'string') {
        if (!(UNSCOPABLE as readonly string[]).includes(arg)) {
          throw new QueryError(
            `${this.model.className}.unscope: called with invalid unscoping argument ${describeValue(arg)}. Valid arguments are ${UNSCOPABLE.map((p) => `'${p}'`).join(', ')}.`,
          );
        }
        // Rails keeps joins apart from the conditions: unscope(:where) keeps them, unscope(:joins) drops them.
        if (arg === 'where') where = and(splitJoins(where).joins);
        else if (arg === 'joins') where = splitJoins(where).rest;
        else if (arg === 'order' || arg === 'includes') changes[arg] = [];
        else if (arg === 'left_outer_joins') changes.leftJoins = [];
        else changes[arg] = undefined;
      } else if (typeof arg === 'object' && arg !== null && !Array.isArray(arg)) {
        const keys = Object.keys(arg);
        if (keys.some((key) => key !== 'where')) {
          throw new QueryError(`${this.model.className}.unscope: hash arguments must have 'where' as the key, got ${describeValue(arg)}`);
        }
        const columns = typeof arg.where === 'string' ? [arg.where] : arg.where;
        if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
          throw new QueryError(`${this.model.className}.unscope: { where: ... } takes a column name or an array of them, got ${describeValue(arg.where)}`);
        }
        where = whereWithout(where, new Set(columns), true);
      } else {
        throw new QueryError(
          `${this.model.className}.unscope: unrecognized scoping ${describeValue(arg)}. Use unscope({ where: 'column' }) or unscope('order'), for example.`,
        );
      }
    }
    return this.spawn({ ...changes, where });
  }

  /**
   * Rails' `merge` (7.0+): `other`'s conditions are added, and replace this relation's conditions on the same single
   * column; orders append; `other`'s limit, offset and TTL win where set; includes combine.
   */
  merge(other: Relation): this {
    if (other instanceof Relation && other.model.table !== this.model.table) return this.#mergeJoined(other);
    this.assertSameModel(other, 'merge');
    const includes = combinedIncludes(this.state.includes, other.state.includes);
    return this.spawn({
      where: mergedWhere(this.state.where, other.state.where),
      order: [...this.state.order, ...other.state.order],
      limit: other.state.limit ?? this.state.limit,
      offset: other.state.offset ?? this.state.offset,
      includes,
      leftJoins: [...new Set([...this.state.leftJoins, ...other.state.leftJoins])],
      ttl: other.state.ttl ?? this.state.ttl,
      distinct: other.state.distinct || this.state.distinct,
      createWith: { ...this.state.createWith, ...other.state.createWith },
      none: other.state.none || this.state.none,
    });
  }

  /**
   * Rails' `merge` of another model's relation (`Client.joins('jobs').merge(Job.active())`): its conditions read the row
   * of the joined table (see joinPathTo) and replace this relation's conditions on the same column of it; its limit,
   * offset, distinct and attributes to create with apply here, as Rails merges them, and its order orders these rows by
   * the joined row's columns where that is one row. Its includes would load under the join, which a Zero query cannot say: refused.
   */
  #mergeJoined(other: Relation): this {
    const context = `${this.model.className}.merge`;
    const { state } = other;
    const refuse = (what: string) => new QueryError(`${context}: the merged ${other.model.className} relation has ${what}; merge it without (Zero cannot apply it to ${this.model.className} rows)`);
    if (state.includes.length > 0) throw refuse(`includes: include them here, nested under the relationship`);
    if (state.leftJoins.length > 0) throw refuse('left_joins (a nested left join is not supported)');
    if (requiresMissing(state.where)) throw refuse('where_missing (it filters loaded rows, which cannot happen inside a join)');
    const leftJoined = [...this.state.leftJoins, ...this.state.includes.map((i) => i.name)];
    const path = joinPathTo(this.model, this.state.where, leftJoined, other.model.table, context);
    // Its order orders these rows by the joined row's columns (as `order('clients.name')`): one joined row, one hop.
    const byJoined = path.length === 1 && !associationHops(this.model, path[0]!).some((hop) => hop.cardinality === 'many');
    if (state.order.length > 0 && (!byJoined || state.order.some((entry) => entry.length !== 2))) {
      throw refuse(`an order (${this.model.className} rows can be ordered by the columns of a joined belongs_to or has_one, not of a has_many or a nested join, nor by a list): unscope('order')`);
    }
    const { schema, table } = other.model;
    // Rails names this relation's table by its name in the merged conditions too: a condition of theirs on a table that
    // is this one reads these rows (its join stays a join).
    const onJoinedRow = (c: Condition) =>
      c.op === 'exists' && c.where && !c.negated && destination(schema, table, c.relationship) === this.model.table
        ? c.where
        : path.reduceRight((inner, relationship) => joinedRow(relationship, inner), c);
    return this.spawn({
      where: mergedWhere(this.state.where, and(predicates(state.where).map(onJoinedRow))),
      order: [...this.state.order, ...state.order.map(([column, direction]): OrderEntry => [column, direction, null, path[0]!])],
      limit: state.limit ?? this.state.limit,
      offset: state.offset ?? this.state.offset,
      ttl: state.ttl ?? this.state.ttl,
      distinct: state.distinct || this.state.distinct,
      createWith: { ...this.state.createWith, ...state.createWith },
      none: state.none || this.state.none,
    });
  }

  /**
   * Rails' `create_with(attributes)`: records made through the relation (`new`, `create`, `find_or_create_by`...) start
   * with these, over the columns it pins; the attributes given still win. `create_with(null)` forgets them.
   * @example Job.create_with({ status: 'active' }).find_or_create_by({ title: 'Paint' })
   */
  create_with(attributes: Readonly<Record<string, unknown>> | null): this {
    if (attributes === null) return this.spawn({ createWith: {} });
    if (typeof attributes !== 'object' || Array.isArray(attributes)) {
      throw new QueryError(`${this.model.className}.create_with: expected a hash of attributes or null, got ${describeValue(attributes)}`);
    }
    return this.spawn({ createWith: { ...this.state.createWith, ...attributes } });
  }

  /** Rails' `distinct(value = true)`: `pluck`, `pick` and `count(column)` answer each value once; `distinct(false)` undoes it. */
  distinct(value = true): this {
    if (typeof value !== 'boolean') throw new QueryError(`${this.model.className}.distinct: expected true or false, got ${describeValue(value)}`);
    return this.spawn({ distinct: value });
  }

  /**
   * Rails' `excluding` (alias `without`): every record but these. Takes records (of either flavour) of this model, and
   * also their primary keys; arrays are flattened, null and undefined skipped.
   */
  excluding(...records: unknown[]): this {
    return this.#excluding(records, 'excluding');
  }

  /** Rails' `without`: the same as `excluding`. */
  without(...records: unknown[]): this {
    return this.#excluding(records, 'without');
  }

  #excluding(records: readonly unknown[], method: string): this {
    const { className, primaryKey } = this.model;
    const ids = records.flat(1).filter((r) => r !== null && r !== undefined).map((record) => {
      if (typeof record !== 'object') return record as Scalar;
      const key = recordKeyOf(this.model, record);
      if (key === NOT_A_RECORD) {
        throw new QueryError(`${className}.${method}: you must only pass a single or collection of ${className} objects (or their ids) to #${method}, got ${describeValue(record)}`);
      }
      return key as Scalar;
    });
    return this.spawn({ where: and([this.state.where, negate(hashCondition(this.model, { [primaryKey]: ids }, `${className}.${method}`))]) });
  }

  /**
   * Rails' `in_order_of(column, values)`: only rows whose column holds one of `values` (unless `filter: false`), ordered
   * as the list, after any earlier order. Zero cannot order by a list: it is asked for the filtered rows (the earlier
   * orders, no limit and offset) and the list order, limit and offset are applied to them here. So a limited
   * `in_order_of` loads every row that passes the filter; not available inside `includes`.
   */
  in_order_of(column: string, values: readonly (Scalar | Date | null)[], options: { readonly filter?: boolean } = {}): this {
    const context = `${this.model.className}.in_order_of`;
    assertColumn(this.model, column, context);
    if (!Array.isArray(values)) throw new QueryError(`${context}: expected an array of values for '${column}', got ${describeValue(values)}`);
    if (values.length === 0) return this.none();
    const cast = values.map((v) => (v === null ? null : castValue(this.model, column, v as Scalar | Date, context)));
    const ordered = this.spawn({ order: [...this.state.order, [column, 'asc', cast]] });
    return options.filter === false ? ordered : ordered.spawn({ where: and([ordered.state.where, hashCondition(this.model, { [column]: cast }, context)]) });
  }

  /** Rails' `reverse_order`: every order entry flipped; by primary key descending when the relation has no order. */
  reverse_order(): this {
    const { order } = this.state;
    if (order.length === 0) return this.spawn({ order: [[this.model.primaryKey, 'desc']] });
    const flip = (direction: Direction): Direction => (direction === 'asc' ? 'desc' : 'asc');
    return this.spawn({ order: order.map((entry): OrderEntry => (entry.length === 2 ? [entry[0], flip(entry[1])] : entry.length === 3 ? [entry[0], flip(entry[1]), entry[2]] : [entry[0], flip(entry[1]), null, entry[3]])) });
  }

  /**
   * Rails' `where.associated(name, ...)`: rows that have an associated row (Zero's `whereExists`). Rails joins, so a
   * has_many repeats a row per associated row; Zero's EXISTS returns each row once (as Rails' `.distinct` would).
   */
  where_associated(...relationships: string[]): this {
    return this.#exists(relationships, false, 'where_associated');
  }

  /**
   * Rails' `where.missing(name, ...)`: rows without an associated row (a dangling foreign key counts as missing). Zero's
   * client cannot run NOT EXISTS, so Zero is asked for each row with its first associated row and the rows without one are
   * kept here; as with `in_order_of`, a limit applies after that filter (every candidate row is loaded), and `or` and
   * `includes(...)` shaping refuse it.
   */
  where_missing(...relationships: string[]): this {
    return this.#exists(relationships, true, 'where_missing');
  }

  /**
   * Rails' `joins('client', { tasks: 'comments' })`: the rows that have the associated rows (an INNER JOIN), as Zero's
   * EXISTS; conditions on the joined tables (`where({ clients: { name } })`) then read the joined row. A has_many's join
   * repeats a row per associated row in Rails; EXISTS gives each row once (as Rails' `distinct` would). Names only: Zero
   * runs no SQL.
   */
  joins(...associations: JoinArg[]): this {
    const context = `${this.model.className}.joins`;
    if (associations.length === 0) throw new QueryError(`${context}: name at least one relationship`);
    return this.spawn({ where: and([this.state.where, ...joinConditions(this.model, associations, context)]) });
  }

  /**
   * Rails' `left_joins` / `left_outer_joins`: every row stays, with or without the associated row, and conditions on the
   * joined table read it as Rails' LEFT OUTER JOIN does (`where({ clients: { id: null } })`: the rows without one; see
   * left-joins.ts). Rails repeats a row per has_many row; each row is here once (as Rails' `distinct` would give).
   */
  left_joins(...relationships: string[]): this {
    const context = `${this.model.className}.left_joins`;
    if (relationships.length === 0) throw new QueryError(`${context}: name at least one relationship`);
    for (const name of relationships) {
      if (typeof name !== 'string') throw new QueryError(`${context}: takes relationship names (a nested left join is not supported), got ${describeValue(name)}`);
      joinConditions(this.model, [name], context);
    }
    return this.spawn({ leftJoins: [...new Set([...this.state.leftJoins, ...relationships])] });
  }

  /** Rails' `left_outer_joins`: `left_joins`. */
  left_outer_joins(...relationships: string[]): this {
    return this.left_joins(...relationships);
  }

  #exists(relationships: readonly string[], negated: boolean, method: string): this {
    if (relationships.length === 0) throw new QueryError(`${this.model.className}.${method}: name at least one relationship`);
    for (const name of relationships) this.associatedModel(name);
    const conds = relationships.map((relationship): Condition => ({ op: 'exists', relationship, negated }));
    return this.spawn({ where: and([this.state.where, ...conds]) });
  }

  /**
   * `Job.where(a).or(Job.where(b))`: the two relations may differ only in their conditions, as in Rails, except that an
   * order or includes only the receiver has is kept (Rails' `structurally_incompatible_values_for` passes a list value
   * the argument does not set), so `Job.recent.where(a).or(Job.where(b))` works.
   */
  or(other: Relation): this {
    this.assertSameModel(other, 'or');
    // Rails: `none.or(other)` is `other` (its order, limit... included), with no structural check. What this relation
    // includes stays loaded too: Rails reads it on access all the same, and the records' type says loaded.
    if (this.state.none) return this.spawn({ ...other.state, includes: combinedIncludes(this.state.includes, other.state.includes) });
    if (requiresMissing(this.state.where) || requiresMissing(other.state.where)) {
      throw new QueryError(
        `${this.model.className}.or: a relation with where_missing cannot be combined with or (Zero's client cannot run NOT EXISTS, so where_missing filters the loaded rows, which an OR cannot express)`,
      );
    }
    this.assertCompatible(other, 'or');
    // Rails' joins are not conditions: this relation's stay required, outside the OR (the other's, once, inside it).
    const { joins, rest } = splitJoins(this.state.where);
    return this.spawn({ where: and([...joins, or([rest, withoutJoins(rowCondition(other.state), joins)])]) });
  }

  /**
   * Rails' `and` (6.1+): the rows both relations match, `other`'s conditions added to these; the two may differ only in
   * their conditions, as for `or`. A relation built through it takes what either pins.
   */
  and(other: Relation): this {
    this.assertSameModel(other, 'and');
    this.assertCompatible(other, 'and');
    // Rails' `and!` takes the other's WHERE only: a none argument adds its 1=0 (unscope(:where) removes it), not its null-ness.
    return this.spawn({ where: and([this.state.where, rowCondition(other.state)]) });
  }

  /** Rails' `structurally_incompatible_values_for`: a list value (order, includes) only the receiver sets passes. */
  private assertCompatible(other: Relation, method: 'or' | 'and'): void {
    const incompatible = (['order', 'limit', 'offset', 'includes', 'left_outer_joins', 'ttl', 'distinct', 'create_with'] as const).filter((part) => {
      const mine = this.part(part);
      const theirs = other.part(part);
      if (Array.isArray(mine) && Array.isArray(theirs)) {
        if (theirs.length === 0) return false;
        return JSON.stringify(uniqueValues(mine)) !== JSON.stringify(uniqueValues(theirs));
      }
      return JSON.stringify(mine) !== JSON.stringify(theirs);
    });
    if (incompatible.length > 0) {
      throw new QueryError(
        `Relation passed to #${method} must be structurally compatible. Incompatible values: [${incompatible.map((p) => `:${p}`).join(', ')}]`,
      );
    }
  }

  private assertSameModel(other: Relation, method: string): void {
    const { className } = this.model;
    if (!(other instanceof Relation)) {
      // Rails' ArgumentError, with the JavaScript class of what was given.
      const given = other === null || other === undefined ? String(other) : ((other as object).constructor?.name ?? typeof other);
      throw new QueryError(`${className}.${method}: You have passed ${given} object to #${method}. Pass a relation of ${className} instead.`);
    }
    if (other.model.table !== this.model.table) throw new QueryError(`${className}.${method}: expected a relation of ${className}`);
  }

  private part(name: 'order' | 'limit' | 'offset' | 'includes' | 'left_outer_joins' | 'ttl' | 'distinct' | 'create_with'): unknown {
    if (name === 'includes') return this.state.includes.map((i) => [i.name, i.relation.key]);
    if (name === 'left_outer_joins') return this.state.leftJoins;
    return name === 'create_with' ? this.state.createWith : this.state[name];
  }

  /** `order('title')`, `order('title desc')`, `order({ created_at: 'desc' }, 'id')`: appended to any existing order. */
  order(...args: OrderArg[]): this {
    return this.spawn({ order: [...this.state.order, ...this.parseOrder(args, 'order')] });
  }

  /** Replaces the existing order. */
  reorder(...args: OrderArg[]): this {
    return this.spawn({ order: this.parseOrder(args, 'reorder') });
  }

  /** An order entry for `column`: the model's own, or `table.column` of a belongs_to or has_one (sorted on the client). */
  private orderEntry(column: string, direction: Direction, context: string): OrderEntry {
    const dot = column.indexOf('.');
    const relationship = dot < 0 ? undefined : joinedRelationship(this.model, column.slice(0, dot), context);
    const name = dot < 0 ? column : column.slice(dot + 1);
    if (relationship === undefined) {
      assertColumn(this.model, name, context);
      return [name, direction];
    }
    if (associationHops(this.model, relationship).some((hop) => hop.cardinality === 'many')) {
      throw new QueryError(`${context}: '${column}' is a has_many's column; ordering by it would repeat each row per ${relationship} row, as Rails' join does: order by a belongs_to's or has_one's column`);
    }
    assertColumn(relatedModel(this.model, relationship), name, context);
    return [name, direction, null, relationship];
  }

  private parseOrder(args: readonly OrderArg[], method: string): OrderEntry[] {
    const context = `${this.model.className}.${method}`;
    const pairs: OrderEntry[] = [];
    for (const arg of args) {
      const entries: [string, string][] =
        typeof arg === 'string'
          ? arg.split(',').map((part) => {
              const [column = '', direction = 'asc', ...rest] = part.trim().split(/\s+/);
              if (rest.length > 0) throw new QueryError(`${context}: cannot read ${JSON.stringify(part.trim())}; use 'column' or 'column desc'`);
              return [column, direction];
            })
          : typeof arg === 'object' && arg !== null
            ? Object.entries(arg)
            : [];
      if (entries.length === 0) throw new QueryError(`${context}: expected a column name or { column: 'asc' | 'desc' }, got ${describeValue(arg)}`);
      for (const [column, direction] of entries) {
        const lower = String(direction).toLowerCase();
        if (lower !== 'asc' && lower !== 'desc') {
          throw new QueryError(`${context}: direction for '${column}' must be 'asc' or 'desc', got ${describeValue(direction)}`);
        }
        pairs.push(this.orderEntry(column, lower, context));
      }
    }
    return pairs;
  }

  /** Rails' `limit(n)`; `limit(null)` removes the limit, as Rails' `limit(nil)`. */
  limit(n: number | null): this {
    return this.spawn({ limit: n === null ? undefined : nonNegativeInteger(n, 'limit', this.model) });
  }

  offset(n: number): this {
    return this.spawn({ offset: nonNegativeInteger(n, 'offset', this.model) || undefined });
  }

  /** Rails' `none`: a relation that matches nothing (and asks Zero for nothing), keeping what it pins. */
  none(): this {
    return this.spawn({ none: true });
  }

  all(): this {
    return this;
  }

  /** Per-query TTL, overriding the model's default. */
  ttl(value: TtlInput): this {
    normalizeTtl(value);
    return this.spawn({ ttl: value });
  }

  /** Loads associations through Zero's `.related()`: `includes('client')`, `includes({ tasks: (t) => t.order({ position: 'asc' }) })`. */
  includes(...args: IncludeArg[]): this {
    const specs = [...this.state.includes];
    for (const arg of args) {
      const entries = typeof arg === 'string' ? [[arg, true] as const] : Object.entries(arg ?? {});
      if (entries.length === 0) throw new QueryError(`${this.model.className}.includes: expected a relationship name, got ${describeValue(arg)}`);
      for (const [name, shape] of entries) {
        const associated = this.associatedModel(name);
        const base = defaultScoped(new (scopedRelationClass(associated, Relation))(associated, unscopedState(associated)));
        const relation = typeof shape === 'function' ? shape(base) : base;
        if (!(relation instanceof Relation)) {
          throw new QueryError(`${this.model.className}.includes: the function for '${name}' must return the relation it was given (refined)`);
        }
        if (ordersOnClient(relation.state.order) || requiresMissing(relation.state.where)) {
          throw new QueryError(
            `${this.model.className}.includes: '${name}' cannot use in_order_of, an order by a joined row's column, or where_missing (Zero cannot ` +
              'order associated rows by a list or another row, or filter them by NOT EXISTS, and they are not post-processed); filter or sort the loaded rows instead',
          );
        }
        const at = specs.findIndex((s) => s.name === name);
        if (at >= 0) specs.splice(at, 1);
        specs.push({ name, relation });
      }
    }
    return this.spawn({ includes: specs });
  }

  /** Rails' `preload`: the associations loaded as `includes` loads them (Zero has one way to load them). */
  preload(...args: IncludeArg[]): this {
    return this.includes(...args);
  }

  /** Rails' `eager_load`: the associations loaded as `includes` loads them (Zero has one way to load them). */
  eager_load(...args: IncludeArg[]): this {
    return this.includes(...args);
  }

  /** The associated model's definition for relationship `name`. */
  associatedModel(name: string): ModelDefinition {
    const target = this.model.relationships[name];
    if (!target) {
      const known = Object.keys(this.model.relationships);
      throw new QueryError(
        `${this.model.className} has no relationship '${name}' configured (configured: ${known.join(', ') || 'none'}); ` +
          `add relationships: { ${name}: () => <associated model config> } to its model config`,
      );
    }
    return defineModel(target());
  }

  /** The TTL this relation's views use, in Zero's shape. */
  get effectiveTtl(): TTL {
    return normalizeTtl(this.state.ttl ?? this.model.ttl);
  }

  /** Identical relations share one Zero view: this key says when two are identical. */
  get key(): string {
    if (this.#key) return this.#key;
    const { spec, findKey, pass } = this.#compile();
    const ttl = this.state.ttl ?? this.model.ttl;
    // find(id): keyed as a live find by key is, so the two share one view.
    if (findKey !== undefined) return (this.#key = findViewKey(this.model, findKey, ttl));
    // JSON.stringify([table, spec, ttl, ...rowPass]) (an undefined TTL is null in an array, as there). What is done to
    // Zero's rows here (see rows) is part of what identifies the view.
    const parts = [JSON.stringify(this.model.table), JSON.stringify(spec), JSON.stringify(ttl) ?? 'null'];
    if (pass) parts.push(JSON.stringify([this.state.order, this.state.limit, this.state.offset, pass.missing]).slice(1, -1));
    this.#key = jsonArray(parts);
    return this.#key;
  }

  /** This relation as a relation spec: the argument of the model's named query, and what the ZQL is built from. */
  get spec(): RelationSpec {
    return this.#compile().spec;
  }

  /**
   * The spec, and the client pass: what Zero cannot do and `rows` does to Zero's rows, a list order (`in_order_of`) and
   * `where_missing` filters. With a client pass, Zero is asked for every row that passes the rest (no limit or offset:
   * they apply after), with each relationship whose absence is required loaded one row deep.
   */
  #compile(): Compiled {
    if (this.#compiled) return this.#compiled;
    const { order, includes: included } = this.state;
    const { model } = this;
    const rows = simplify(rowCondition(this.state));
    // Checked first: every find(id) compiles a relation, and almost none left-joins.
    const outer = included.length > 0 || this.state.leftJoins.length > 0 ? leftJoinedWhere(model, rows, [...this.state.leftJoins, ...included.map((i) => i.name)], model.className) : rows;
    // The joined models' default scopes go in last, so the joins join-conditions.ts adds (a join an OR implies) take them too.
    const joined = withJoinedDefaultScopes(model, joinedWhere(model.schema, model.table, outer, model.className));
    const { where, missing } = splitMissing(joined);
    const byList = ordersOnClient(order);
    const pass = byList || missing.length > 0 ? { missing } : undefined;
    const zeroOrder = byList ? order.filter((entry) => entry.length === 2) : order;
    const includes: (readonly [string, RelationSpec])[] = included.map((i) => [i.name, this.#eagerLoaded(where, i)] as const);
    for (const name of missing) {
      const shown = includes.find(([n]) => n === name);
      // A row the associated model's default scope (or type condition) hides is missing, as under Rails' LEFT JOIN, whose ON clause has it.
      const scoped = baseWhere(relatedModel(model, name));
      // One associated row says enough; Zero cannot limit a relationship through a junction table, so that one loads whole.
      if (!shown) includes.push([name, { ...(scoped && { where: scoped }), ...(associationHops(model, name).length > 1 ? {} : { limit: 1 }) }]);
      else if ((shown[1].where !== undefined && JSON.stringify(shown[1].where) !== JSON.stringify(scoped)) || shown[1].limit !== undefined || shown[1].offset !== undefined) {
        throw new QueryError(
          `${this.model.className}: where_missing('${name}') cannot be combined with an includes of '${name}' that filters or limits it; include it unshaped, or drop one`,
        );
      }
    }
    // A joined row's column in the order: that row loaded beside each row (sortByOrder reads it). Rails needs the table
    // joined; so is it here (`joins`, a condition on it, `left_joins`, `includes`), or the order is refused.
    for (const entry of order) {
      const name = entry[3];
      if (name === undefined || includes.some(([n]) => n === name)) continue;
      if (!this.state.leftJoins.includes(name) && !mentions(this.state.where, name)) {
        throw new QueryError(`${model.className}.order: '${entry[0]}' of '${name}': ${notJoined(model, this.state.where, name)}`);
      }
      const scoped = baseWhere(relatedModel(model, name));
      includes.push([name, scoped ? { where: scoped } : {}]);
    }
    // Only the fields that are set, in the spec's order: the object becomes the spec (and its JSON the spec's own).
    const parts: { -readonly [K in keyof RelationSpec]: RelationSpec[K] } = {};
    if (!(where.op === 'const' && where.value)) parts.where = where;
    if (zeroOrder.length > 0) parts.order = zeroOrder as NonNullable<RelationSpec['order']>;
    if (!pass && this.state.limit !== undefined) parts.limit = this.state.limit;
    if (!pass && this.state.offset !== undefined) parts.offset = this.state.offset;
    if (includes.length > 0) parts.includes = includes;
    const findKey = findsByKey(model) ? plainFindKey(parts, model.primaryKey) : undefined;
    if (findKey !== undefined) {
      // find(id): asked for by its key alone (the find query's argument, or ZQL's `.one()`), so the spec is neither sent
      // nor compiled, nor interned (the ids an app reads rarely repeat within the interned few hundred).
      this.#compiled = { spec: parts, findKey, pass };
      return this.#compiled;
    }
    // Marked for the model's relation query (skips re-validating it).
    const spec = runtimeSpec(model.table, parts, model.query !== undefined);
    this.#compiled = { spec, findKey: undefined, pass };
    return this.#compiled;
  }

  /**
   * The spec `include` loads: a has_many's rows the relation's conditions on them hold for, as Rails' eager load has them
   * (`where`: this relation's, compiled). Added to the include's own relation, so its includes take the conditions on
   * theirs in turn.
   */
  #eagerLoaded(where: Condition, include: IncludeSpec): RelationSpec {
    const { relation, name } = include;
    if (!associationHops(this.model, name).some((hop) => hop.cardinality === 'many')) return relation.spec;
    const conditions = eagerLoadedWhere(where, name, this.model.className);
    return conditions ? relation.spawn({ where: and([relation.state.where, conditions]) }).spec : relation.spec;
  }

  /** True when the relation cannot match a row (Rails' `none`, `where(id: [])`). */
  get matchesNothing(): boolean {
    const where = this.spec.where;
    return where !== undefined && where.op === 'const' && !where.value;
  }

  /** False when `rows` gives Zero's rows back as they are (no offset, no client pass): a view then need not call it. */
  get filtersRows(): boolean {
    const { spec, pass } = this.#compile();
    return pass !== undefined || hasOffset(spec);
  }

  /**
   * This relation's rows from what Zero returned: the offset rows dropped; with a client pass (see #compile), the rows
   * missing the required relationships kept, sorted by the list order, then offset and limit applied.
   */
  rows<R extends Readonly<Record<string, unknown>>>(raw: readonly R[]): readonly R[] {
    const { spec, pass } = this.#compile();
    if (!pass) return dropOffset(spec, raw);
    const { order, limit, offset = 0 } = this.state;
    const kept = pass.missing.length > 0 ? raw.filter((row) => pass.missing.every((name) => isMissing(row[name]))) : raw;
    const sorted = ordersOnClient(order) ? sortByOrder(kept, order) : kept;
    return sorted.slice(offset, limit === undefined ? undefined : offset + limit);
  }
}

/**
 * The view key of `find(key)` on a relation that is the model's rows with `ttl` (see Relation#key): what a relation built
 * by `find` and a live find by key alone (reads.ts `KeyFind`) both are keyed by, so the two share one Zero view.
 */
export function findViewKey(model: ModelDefinition, key: string | number, ttl: TtlInput | undefined): string {
  // The key column and value where a relation's key has its spec's JSON (an object), so the two never meet (two models
  // of one table may have different primary keys); short, as every live find keeps its key.
  return jsonArray([JSON.stringify(model.table), JSON.stringify(model.primaryKey), JSON.stringify(key), JSON.stringify(ttl ?? null)]);
}

/**
 * `JSON.stringify([a, b, ...])` of parts already in JSON, as one flat string. A view key lives as long as its view, and
 * V8 keeps a string that JSON.stringify or a template literal builds past 32 characters as a tree of its pieces; a join
 * copies them into one (measured, a 91-character key: about 320 B as a template over the spec's JSON, 115 B joined).
 */
function jsonArray(parts: readonly string[]): string {
  return ['[', parts.join(','), ']'].join('');
}

/**
 * Whether `find(id)` of `model` is asked for by its key alone (the model's find query, or ZQL's `.one()` when it has no
 * named query), not as a relation spec.
 */
export function findsByKey(model: ModelDefinition): boolean {
  return model.find !== undefined || model.query === undefined;
}

/** The includes of `a` and `b` together; `b`'s shaping of a name both include wins. */
function combinedIncludes(a: readonly IncludeSpec[], b: readonly IncludeSpec[]): IncludeSpec[] {
  return [...a.filter((i) => !b.some((o) => o.name === i.name)), ...b];
}

/** True for a model's relation as `all()` makes it: no condition, order, limit, offset, includes or TTL of its own. */
export function isUnscoped(relation: Relation): boolean {
  return relation.state === EMPTY_STATE;
}

/**
 * `relation` with its model's default scope applied (itself when the model has none). Called each time, as Rails
 * evaluates `default_scope`'s block each time: a scope may read the time or the signed-in user.
 */
export function defaultScoped<R extends Relation>(relation: R): R {
  const { model } = relation;
  if (!model.defaultScope) return relation;
  const scoped: unknown = model.defaultScope(relation);
  if (!(scoped instanceof Relation) || scoped.model !== model) {
    throw new QueryError(`${model.className}: defaultScope must return a relation of ${model.className} (made from the one it is given), got ${describeValue(scoped)}`);
  }
  return scoped as R;
}

/**
 * The conditions every relation of `model` starts with (its type condition, then its default scope's), as its relations
 * send them; undefined without any.
 */
function baseWhere(model: ModelDefinition): Condition | undefined {
  return model.defaultScope || model.inheritance ? defaultScoped(new Relation(model, unscopedState(model))).spec.where : undefined;
}

/**
 * `where` with each joined model's default scope and type condition inside its EXISTS (`joins`, `where_associated`, a
 * joined table's conditions, at every depth), as Rails puts them in the join's ON clause. `where_missing`'s are in its
 * include (#compile).
 */
function withJoinedDefaultScopes(model: ModelDefinition, where: Condition): Condition {
  switch (where.op) {
    case 'and':
    case 'or': {
      const conds = where.conds.map((c) => withJoinedDefaultScopes(model, c));
      return conds.every((c, i) => c === where.conds[i]) ? where : where.op === 'and' ? and(conds) : or(conds);
    }
    case 'exists': {
      if (where.negated) return where;
      const target = relatedModel(model, where.relationship);
      const scoped = baseWhere(target);
      const inner = where.where && withJoinedDefaultScopes(target, where.where);
      return !scoped && inner === where.where ? where : joinedRow(where.relationship, and([scoped ?? TRUE, inner ?? TRUE]));
    }
    default:
      return where;
  }
}

/** Relation subclass with the model's scopes as chainable methods; one class per (model, flavour). */
const scopedClasses = new WeakMap<ModelDefinition, Map<RelationClass, RelationClass>>();

export function scopedRelationClass<C extends RelationClass>(model: ModelDefinition, Base: C): C {
  let byBase = scopedClasses.get(model);
  if (!byBase) scopedClasses.set(model, (byBase = new Map()));
  const existing = byBase.get(Base);
  if (existing) return existing as C;
  const Scoped = class extends (Base as RelationClass) {} as unknown as C;
  for (const [name, scope] of Object.entries(model.scopes)) {
    Object.defineProperty(Scoped.prototype, name, {
      configurable: true,
      writable: true,
      value: function (this: Relation, ...args: unknown[]) {
        const required = Math.max(scope.length - 1, 0);
        if (args.length < required) {
          throw new QueryError(`${model.className}.${name}: wrong number of arguments (given ${args.length}, expected ${required})`);
        }
        const result = scope(this, ...args);
        // Rails: a scope whose body returns nil returns `all`.
        if (result === null || result === undefined || (result as unknown) === false) return this;
        if (!(result instanceof Relation)) {
          throw new QueryError(`${model.className}.${name}: a scope must return a relation, got ${describeValue(result)}`);
        }
        return result;
      },
    });
  }
  byBase.set(Base, Scoped);
  return Scoped;
}
