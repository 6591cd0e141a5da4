/**
 * ActiveRecord associations. Readers without `includes`: `await job.client` (the record or null) and `await job.tasks` /
 * `job.tasks.where(...)` (a relation of the associated model). A record loaded with `includes('client')` holds the loaded
 * value (an own, enumerable property, so it is in `Object.keys`, JSON and a spread), as long as the keys it was loaded
 * for stay: after `job.client_id = 'c2'` or `reload()` it is read again, as Rails reloads a stale association. A
 * belongs_to is assigned as in Rails: `job.client = client` sets `client_id` (and `job.client` is that record).
 */
import type { ModelDefinition } from '../core/config.ts';
import { associationHops, associationRelation } from '../core/association-reader.ts';
import { QueryError, describeValue } from '../core/errors.ts';
import { Relation } from '../core/relation.ts';
import { ActiveRelation } from './relation.ts';
import type { ActiveRecordInstance } from './record.ts';

/**
 * The associations of a record, typed from the schema's relationships (`AssociationsOf`): a `one` relationship is the
 * loaded record (after `includes`) or a promise of it, and is assigned a record (a belongs_to: `job.client = client`);
 * a `many` relationship is the loaded array or a relation of the associated model; `await job.client` /
 * `await job.tasks` read either.
 */
export type ActiveAssociations<A> = {
  -readonly [K in keyof A as A[K] extends { readonly one: true } ? K : never]: A[K] extends { readonly row: infer R }
    ? PromiseLike<ActiveRecordInstance<R> | null> | ActiveRecordInstance<R> | null
    : never;
} & {
  readonly [K in keyof A as A[K] extends { readonly one: true } ? never : K]: A[K] extends { readonly row: infer R }
    ? ActiveRelation<ActiveRecordInstance<R>> | ActiveRecordInstance<R>[]
    : never;
};

/** How the associations reach a record's columns (a shadowed column lives beside the record). */
export interface ColumnAccess {
  read(record: object, column: string): unknown;
  write(record: object, column: string, value: unknown): void;
}

/** A loaded association, with the values of the record's keys it was loaded for. */
interface Loaded {
  readonly value: unknown;
  readonly keys: readonly unknown[];
}

export interface Associations {
  /** Holds `value` as `record`'s loaded association `name` (from `includes`, or assigned). */
  hold(record: object, name: string, value: unknown): void;
  /** Drops every loaded association of `record` (Rails' `reload` resets them). */
  forget(record: object): void;
  /** Whether `record` holds association `name` loaded and current. */
  loaded(record: object, name: string): boolean;
}

/** Puts an accessor per relationship of `model` on its records' prototype: the reader, and for a belongs_to the writer. */
export function defineAssociations(proto: object, model: ModelDefinition, columns: ColumnAccess): Associations {
  const held = new WeakMap<object, Map<string, Loaded>>();
  const accessors = new Map<string, PropertyDescriptor>();
  const keysOf = (name: string) => associationHops(model, name)[0]?.sourceField ?? [];
  const current = (record: object, name: string): Loaded | undefined => {
    const entry = held.get(record)?.get(name);
    return entry && keysOf(name).every((column, i) => Object.is(columns.read(record, column), entry.keys[i])) ? entry : undefined;
  };
  const associations: Associations = {
    hold(record, name, value) {
      let map = held.get(record);
      if (!map) held.set(record, (map = new Map()));
      map.set(name, { value, keys: keysOf(name).map((column) => columns.read(record, column)) });
      // The same accessor on every record (one hidden class per shape); own and enumerable, so it is part of the data.
      if (!Object.hasOwn(record, name)) Object.defineProperty(record, name, { ...accessors.get(name)!, enumerable: true, configurable: true });
    },
    forget: (record) => void held.delete(record),
    loaded: (record, name) => current(record, name) !== undefined,
  };
  for (const name of Object.keys(model.relationships)) {
    const accessor: PropertyDescriptor = {
      get(this: object) {
        const entry = current(this, name);
        if (entry) return entry.value;
        const { relation, single } = associationRelation(ActiveRelation, model, name, (column) => columns.read(this, column));
        return single ? relation.take() : relation;
      },
      set(this: object, value: unknown) {
        assignBelongsTo(model, name, this, value, columns);
        associations.hold(this, name, value ?? null);
      },
    };
    accessors.set(name, accessor);
    Object.defineProperty(proto, name, { ...accessor, configurable: true });
  }
  return associations;
}

/**
 * Rails' belongs_to writer: `job.client = client` sets the foreign key to the client's key (`null` clears it), not
 * saved. Rails saves an unsaved associated record first (autosave); here it must be saved already. Any other
 * association is not assigned (Rails writes has_many and has_one rows at once).
 */
function assignBelongsTo(model: ModelDefinition, name: string, record: object, value: unknown, columns: ColumnAccess): void {
  const hops = associationHops(model, name);
  const associated = new Relation(model).associatedModel(name);
  const hop = hops.length === 1 ? hops[0]! : undefined;
  if (!hop || hop.cardinality !== 'one' || hop.destField.length !== 1 || hop.destField[0] !== associated.primaryKey) {
    throw new QueryError(
      `${model.className}#${name}=: only a belongs_to association is assigned (Rails writes a has_one or has_many at once); set the foreign key of each ${associated.className} instead`,
    );
  }
  let key: unknown = null;
  if (value !== null && value !== undefined) {
    // Rails' AssociationTypeMismatch.
    if (typeof value !== 'object' || value.constructor?.name !== associated.className) {
      throw new QueryError(`${model.className}#${name}=: ${associated.className} expected, got ${describeValue(value)}`);
    }
    const unsaved = (value as { new_record_p?: () => boolean }).new_record_p?.() === true;
    key = (value as Record<string, unknown>)[associated.primaryKey];
    if (unsaved || key === null || key === undefined) {
      throw new QueryError(`${model.className}#${name}=: the ${associated.className} is not saved yet; save it first (its key becomes ${model.className}'s ${hop.sourceField[0]})`);
    }
  }
  columns.write(record, hop.sourceField[0]!, key);
}
