/**
 * The immutable Relation: Rails query semantics, compiled to a relation spec (relation-spec.ts), the JSON form that becomes
 * ZQL. Both flavours extend it; it knows nothing of terminals.
 */
import { defineModel, type ModelDefinition } from './config.ts';
import { QueryError, describeValue } from './errors.ts';
import { FALSE, TRUE, and, assertColumn, hashCondition, negate, or, type Condition, type WhereHash } from './conditions.ts';
import { dropOffset, runtimeSpec, runtimeSpecJson, type Direction, type RelationSpec } from './relation-spec.ts';
import { normalizeTtl, type TtlInput } from './ttl.ts';
import type { TTL } from '@rocicorp/zero';

export type { Direction };
/** `'title'`, `'title desc'`, or `{ created_at: 'desc' }`. */
export type OrderArg = string | Readonly<Record<string, Direction | 'ASC' | 'DESC'>>;

export interface IncludeSpec {
  readonly name: string;
  readonly relation: Relation;
}

export interface RelationState {
  readonly where: Condition;
  readonly order: readonly (readonly [string, Direction])[];
  readonly limit: number | undefined;
  readonly offset: number | undefined;
  readonly includes: readonly IncludeSpec[];
  readonly ttl: TtlInput | undefined;
}

/** What `includes` takes: relationship names, or `{ name: (relation) => relation }` to shape the associated rows. */
export type IncludeArg = string | Readonly<Record<string, true | ((relation: Relation) => Relation)>>;

const EMPTY: RelationState = { where: TRUE, order: [], limit: undefined, offset: undefined, includes: [], ttl: undefined };

type RelationClass = new (model: ModelDefinition, state?: RelationState) => Relation;

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
  #spec: RelationSpec | undefined;

  constructor(model: ModelDefinition, state: RelationState = EMPTY) {
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

  /** `Job.where(a).or(Job.where(b))`: the two relations may differ only in their conditions, as in Rails. */
  or(other: Relation): this {
    if (!(other instanceof Relation) || other.model.table !== this.model.table) {
      throw new QueryError(`${this.model.className}.or: expected a relation of ${this.model.className}`);
    }
    const incompatible = (['order', 'limit', 'offset', 'includes', 'ttl'] as const).filter(
      (part) => JSON.stringify(this.part(part)) !== JSON.stringify(other.part(part)),
    );
    if (incompatible.length > 0) {
      throw new QueryError(
        `${this.model.className}.or: relation passed to #or must be structurally compatible. Incompatible values: [${incompatible.map((p) => `:${p}`).join(', ')}]`,
      );
    }
    return this.spawn({ where: or([this.state.where, other.state.where]) });
  }

  private part(name: 'order' | 'limit' | 'offset' | 'includes' | 'ttl'): unknown {
    return name === 'includes' ? this.state.includes.map((i) => [i.name, i.relation.key]) : this.state[name];
  }

  /** `order('title')`, `order('title desc')`, `order({ created_at: 'desc' }, 'id')`: appended to any existing order. */
  order(...args: OrderArg[]): this {
    return this.spawn({ order: [...this.state.order, ...this.parseOrder(args, 'order')] });
  }

  /** Replaces the existing order. */
  reorder(...args: OrderArg[]): this {
    return this.spawn({ order: this.parseOrder(args, 'reorder') });
  }

  private parseOrder(args: readonly OrderArg[], method: string): (readonly [string, Direction])[] {
    const context = `${this.model.className}.${method}`;
    const pairs: (readonly [string, Direction])[] = [];
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
        assertColumn(this.model, column, context);
        const lower = String(direction).toLowerCase();
        if (lower !== 'asc' && lower !== 'desc') {
          throw new QueryError(`${context}: direction for '${column}' must be 'asc' or 'desc', got ${describeValue(direction)}`);
        }
        pairs.push([column, lower]);
      }
    }
    return pairs;
  }

  limit(n: number): this {
    return this.spawn({ limit: nonNegativeInteger(n, 'limit', this.model) });
  }

  offset(n: number): this {
    return this.spawn({ offset: nonNegativeInteger(n, 'offset', this.model) || undefined });
  }

  /** Rails' `none`: a relation that matches nothing (and asks Zero for nothing). */
  none(): this {
    return this.spawn({ where: FALSE });
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
        const base = new (scopedRelationClass(associated, Relation))(associated);
        const relation = typeof shape === 'function' ? shape(base) : base;
        if (!(relation instanceof Relation)) {
          throw new QueryError(`${this.model.className}.includes: the function for '${name}' must return the relation it was given (refined)`);
        }
        const at = specs.findIndex((s) => s.name === name);
        if (at >= 0) specs.splice(at, 1);
        specs.push({ name, relation });
      }
    }
    return this.spawn({ includes: specs });
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
    // JSON.stringify([table, spec, ttl]), reusing the spec's JSON (an undefined TTL is null in an array, as there).
    this.#key ??= `[${JSON.stringify(this.model.table)},${runtimeSpecJson(this.spec)},${JSON.stringify(this.state.ttl ?? this.model.ttl) ?? 'null'}]`;
    return this.#key;
  }

  /** This relation as a relation spec: the argument of the model's named query, and what the ZQL is built from. */
  get spec(): RelationSpec {
    if (this.#spec) return this.#spec;
    const { where, order, limit, offset, includes } = this.state;
    this.#spec = runtimeSpec(this.model.table, {
      where: where.op === 'const' && where.value ? undefined : where,
      order: order.length > 0 ? order : undefined,
      limit,
      offset,
      includes: includes.length > 0 ? includes.map((i) => [i.name, i.relation.spec] as const) : undefined,
    });
    return this.#spec;
  }

  /** True when the relation cannot match a row (Rails' `none`, `where(id: [])`). */
  get matchesNothing(): boolean {
    return this.state.where.op === 'const' && !this.state.where.value;
  }

  /** Drops the offset rows from what Zero returned. */
  rows<R extends Readonly<Record<string, unknown>>>(raw: readonly R[]): readonly R[] {
    return dropOffset(this.spec, raw);
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
