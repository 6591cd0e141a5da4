/**
 * ActiveRecord associations. Readers without `includes`: `await job.client` (the record or null) and `await job.tasks` /
 * `job.tasks.where(...)` (a relation of the associated model). A record loaded with `includes('client')` holds the loaded
 * value (an own, enumerable property, so it is in `Object.keys`, JSON and a spread), as long as the keys it was loaded
 * for stay: after `job.client_id = 'c2'` or `reload()` it is read again, as Rails reloads a stale association. A
 * belongs_to is assigned as in Rails: `job.client = client` sets `client_id` (and `job.client` is that record).
 */
import type { ModelDefinition } from '../core/config.ts';
import type { LoadedNames, ReadableAssociation } from '../core/loaded.ts';
import { associationRelation } from '../core/association-reader.ts';
import { associationHops } from '../core/relationships.ts';
import { QueryError } from '../core/errors.ts';
import { assertRecordOf } from '../core/record-of.ts';
import { Relation, type IncludeSpec } from '../core/relation.ts';
import { ActiveRelation } from './relation.ts';
import type { ActiveRecordInstance } from './record.ts';

/**
 * The associations of a record, typed from the schema's relationships (`AssociationsOf`): a `one` relationship is the
 * loaded record (after `includes`) or a promise of it, and is assigned a record (a belongs_to: `job.client = client`);
 * a `many` relationship is the loaded array or a relation of the associated model; `await job.client` /
 * `await job.tasks` read either. Those the record's relation loaded (`LoadedNames<A>`, from `includes`) are the loaded
 * value alone: `job.client` the record or null, `job.tasks` an array.
 */
export type ActiveAssociations<A> = {
  -readonly [K in keyof A as A[K] extends { readonly one: true } ? ReadableAssociation<A, K> : never]: K extends LoadedNames<A>
    ? AssociatedRecord<A[K]> | null
    : PromiseLike<AssociatedRecord<A[K]> | null> | AssociatedRecord<A[K]> | null;
} & {
  readonly [K in keyof A as A[K] extends { readonly row: unknown; readonly one: false } ? ReadableAssociation<A, K> : never]: K extends LoadedNames<A>
    ? AssociatedRecord<A[K]>[]
    : ActiveRelation<AssociatedRecord<A[K]>> | AssociatedRecord<A[K]>[];
} & {
  // The record's other members (`RecordMembersOf`): its enums' methods.
  readonly [K in keyof A as A[K] extends { readonly method: unknown } ? K : never]: A[K] extends { readonly method: infer F } ? F : never;
};

/**
 * A record an association reads: its columns and record methods. Its own associations are not in the type: they are
 * those its model's config configures, which the `() => ModelDefinition` pointing at it does not carry (configs point at
 * each other, and a cycle of inferred types does not type-check).
 */
type AssociatedRecord<Shape> = Shape extends { readonly row: infer R } ? ActiveRecordInstance<R> : never;

/** How the associations reach a record's columns (a shadowed column lives beside the record). */
export interface ColumnAccess {
  read(record: object, column: string): unknown;
  write(record: object, column: string, value: unknown): void;
  /** Whether the record is saved (not new): records are made through its has_many only then. */
  saved(record: object): boolean;
}

/**
 * A loaded association, with the values of the record's keys it was loaded for, and the `includes` that loaded it. An
 * entry whose `keys` are `NOT_HELD` holds no value: its value went stale (a key changed) or was reset (reload), and it
 * is kept for its `spec`, which says the record's type reads the association as loaded, so it is read again.
 */
interface Loaded {
  readonly value: unknown;
  readonly keys: readonly unknown[];
  readonly spec: IncludeSpec | undefined;
}

const NOT_HELD: readonly unknown[] = Object.freeze([]);

export interface Associations {
  /** Holds `value` as `record`'s loaded association `name`: loaded by `spec` (an `includes`), or assigned. */
  hold(record: object, name: string, value: unknown, spec?: IncludeSpec): void;
  /** Drops every loaded value of `record` (the `includes` that loaded them are kept: `included`). */
  forget(record: object): void;
  /** Whether `record` holds association `name` loaded and current. */
  loaded(record: object, name: string): boolean;
  /** The `includes` that loaded associations of `record`; only those whose value is not current, with `stale`. */
  included(record: object, stale?: boolean): IncludeSpec[];
}

/** Where a record keeps its loaded associations (non-enumerable: not part of its data). */
const HELD: unique symbol = Symbol('zero-record.associations');
type Holder = { [HELD]?: Record<string, Loaded | undefined> | undefined };

/** Puts an accessor per relationship of `model` on its records' prototype: the reader, and for a belongs_to the writer. */
export function defineAssociations(proto: object, model: ModelDefinition, columns: ColumnAccess): Associations {
  const accessors = new Map<string, PropertyDescriptor>();
  // Per association, once: the record's columns a loaded value depends on (its key, or for a has_many its own key).
  const keys = new Map(Object.keys(model.relationships).map((name) => [name, associationHops(model, name)[0]?.sourceField ?? []]));
  /** The held value of `name` if its keys still hold; a stale one is dropped, property and all, so a spread skips it. */
  const current = (record: object, name: string, keyColumns: readonly string[]): Loaded | undefined => {
    const bag = (record as Holder)[HELD];
    const entry = bag === undefined ? undefined : bag[name];
    if (entry === undefined || entry.keys === NOT_HELD) return undefined;
    for (let i = 0; i < keyColumns.length; i++) {
      if (!Object.is(columns.read(record, keyColumns[i]!), entry.keys[i])) {
        drop(record, bag!, name);
        return undefined;
      }
    }
    return entry;
  };
  const drop = (record: object, bag: Record<string, Loaded | undefined>, name: string) => {
    const spec = bag[name]?.spec;
    bag[name] = spec ? { value: undefined, keys: NOT_HELD, spec } : undefined;
    // Rare (a key changed, or reload): the record leaves its fast shape rather than show a stale value as data.
    if (!Object.isFrozen(record)) delete (record as Record<string, unknown>)[name];
  };
  const associations: Associations = {
    hold(record, name, value, spec) {
      let bag = (record as Holder)[HELD];
      // A plain object (relationship names never clash with Object's members: the config refuses them).
      if (bag === undefined) Object.defineProperty(record, HELD, { value: (bag = {}), writable: true, configurable: true });
      bag[name] = { value, keys: keys.get(name)!.map((column) => columns.read(record, column)), spec };
      // The same accessor on every record (one hidden class per shape); own and enumerable, so it is part of the data.
      if (!Object.hasOwn(record, name)) Object.defineProperty(record, name, { ...accessors.get(name)!, enumerable: true, configurable: true });
    },
    forget(record) {
      const bag = (record as Holder)[HELD];
      if (bag) for (const name of Object.keys(bag)) if (bag[name] !== undefined) drop(record, bag, name);
    },
    loaded: (record, name) => current(record, name, keys.get(name)!) !== undefined,
    included(record, stale = false) {
      const bag = (record as Holder)[HELD];
      if (bag === undefined) return [];
      return Object.keys(bag).flatMap((name) => {
        const spec = bag[name]?.spec;
        return spec && !(stale && current(record, name, keys.get(name)!) !== undefined) ? [spec] : [];
      });
    },
  };
  for (const name of Object.keys(model.relationships)) {
    const keyColumns = keys.get(name)!;
    const accessor: PropertyDescriptor = {
      get(this: object) {
        const entry = current(this, name, keyColumns);
        if (entry !== undefined) return entry.value;
        const { relation, single } = associationRelation(ActiveRelation, model, name, (column) => columns.read(this, column), columns.saved(this));
        return single ? relation.take() : relation;
      },
      set(this: object, value: unknown) {
        assignBelongsTo(model, name, this, value, columns);
        // Assigned over what includes loaded: still loaded, and read again by includes' spec on reload.
        associations.hold(this, name, value ?? null, (this as Holder)[HELD]?.[name]?.spec);
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
  // A belongs_to holds the key on this side: its source is a column of ours other than our own primary key (a has_one
  // starts from our key).
  if (!hop || hop.cardinality !== 'one' || hop.sourceField.length !== 1 || hop.destField.length !== 1 || hop.sourceField[0] === model.primaryKey) {
    throw new QueryError(
      `${model.className}#${name}=: only a belongs_to association is assigned (Rails writes a has_one or has_many at once); set the foreign key of each ${associated.className} instead`,
    );
  }
  let key: unknown = null;
  if (value !== null && value !== undefined) {
    assertRecordOf(associated.className, value, `${model.className}#${name}=`);
    const unsaved = (value as { new_record_p?: () => boolean }).new_record_p?.() === true;
    // The column the association points at: the primary key, or Rails' `primary_key:`.
    key = (value as Record<string, unknown>)[hop.destField[0]!];
    if (unsaved || key === null || key === undefined) {
      throw new QueryError(`${model.className}#${name}=: the ${associated.className} is not saved yet; save it first (its key becomes ${model.className}'s ${hop.sourceField[0]})`);
    }
  }
  columns.write(record, hop.sourceField[0]!, key);
}
