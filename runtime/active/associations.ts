/**
 * ActiveRecord associations. Readers without `includes`: `await job.client` (the record or null) and `await job.tasks` /
 * `job.tasks.where(...)` (a relation of the associated model). A record loaded with `includes('client')` holds the loaded
 * value (an own, enumerable property, so it is in `Object.keys`, JSON and a spread), as long as the keys it was loaded
 * for stay: after `job.client_id = 'c2'` or `reload()` it is read again, as Rails reloads a stale association. A
 * belongs_to is assigned as in Rails: `job.client = client` sets `client_id` (and `job.client` is that record).
 */
import type { ModelDefinition } from '../core/config.ts';
import { associationRelation } from '../core/association-reader.ts';
import { associationHops } from '../core/relationships.ts';
import { QueryError, describeValue } from '../core/errors.ts';
import { Relation } from '../core/relation.ts';
import { ActiveRelation } from './relation.ts';
import type { ActiveRecordInstance } from './record.ts';

/**
 * A has_many loaded by `includes` (Rails' loaded CollectionProxy): the records, as an array, with the association's
 * relation methods, so `job.tasks.where(...)`, `.create(...)`, `.count()` read as on an association not loaded (each a
 * new query of the association, as in Rails). `await` answers the loaded records without a read; `size()` counts them.
 * `find` and `includes` take either meaning: a function / a record is the array's, a key / a relationship the relation's.
 */
export type LoadedCollection<T> = T[] & ActiveRelation<T>;

/**
 * The associations of a record, typed from the schema's relationships (`AssociationsOf`): a `one` relationship is the
 * loaded record (after `includes`) or a promise of it, and is assigned a record (a belongs_to: `job.client = client`);
 * a `many` relationship is a relation of the associated model, or after `includes` the loaded records with the same
 * methods (`LoadedCollection`: narrow with `Array.isArray` to read them as an array); `await job.client` /
 * `await job.tasks` read either.
 */
export type ActiveAssociations<A> = {
  -readonly [K in keyof A as A[K] extends { readonly one: true } ? K : never]: A[K] extends { readonly row: infer R }
    ? PromiseLike<ActiveRecordInstance<R> | null> | ActiveRecordInstance<R> | null
    : never;
} & {
  readonly [K in keyof A as A[K] extends { readonly row: unknown; readonly one: false } ? K : never]: A[K] extends { readonly row: infer R }
    ? ActiveRelation<ActiveRecordInstance<R>> | LoadedCollection<ActiveRecordInstance<R>>
    : never;
} & {
  // The record's other members (`RecordMembersOf`): its enums' methods.
  readonly [K in keyof A as A[K] extends { readonly method: unknown } ? K : never]: A[K] extends { readonly method: infer F } ? F : never;
};

/** How the associations reach a record's columns (a shadowed column lives beside the record). */
export interface ColumnAccess {
  read(record: object, column: string): unknown;
  write(record: object, column: string, value: unknown): void;
  /** Whether the record is saved (not new): records are made through its has_many only then. */
  saved(record: object): boolean;
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

/** Where a record keeps its loaded associations (non-enumerable: not part of its data). */
const HELD: unique symbol = Symbol('zero-record.associations');
type Holder = { [HELD]?: Record<string, Loaded | undefined> | undefined };

/** Puts an accessor per relationship of `model` on its records' prototype: the reader, and for a belongs_to the writer. */
export function defineAssociations(proto: object, model: ModelDefinition, columns: ColumnAccess): Associations {
  const accessors = new Map<string, PropertyDescriptor>();
  // Per association, once: the record's columns a loaded value depends on (its key, or for a has_many its own key).
  const keys = new Map(Object.keys(model.relationships).map((name) => [name, associationHops(model, name)[0]?.sourceField ?? []]));
  // Each association's model, found once it is first held loaded (its scopes go on the loaded collections).
  const associatedModels = new Map<string, ModelDefinition>();
  const associatedModel = (name: string): ModelDefinition => {
    let associated = associatedModels.get(name);
    if (associated === undefined) associatedModels.set(name, (associated = new Relation(model).associatedModel(name)));
    return associated;
  };
  /** The held value of `name` if its keys still hold; a stale one is dropped, property and all, so a spread skips it. */
  const current = (record: object, name: string, keyColumns: readonly string[]): Loaded | undefined => {
    const bag = (record as Holder)[HELD];
    const entry = bag === undefined ? undefined : bag[name];
    if (entry === undefined) return undefined;
    for (let i = 0; i < keyColumns.length; i++) {
      if (!Object.is(columns.read(record, keyColumns[i]!), entry.keys[i])) {
        drop(record, bag!, name);
        return undefined;
      }
    }
    return entry;
  };
  const drop = (record: object, bag: Record<string, Loaded | undefined>, name: string) => {
    bag[name] = undefined;
    // Rare (a key changed, or reload): the record leaves its fast shape rather than show a stale value as data.
    if (!Object.isFrozen(record)) delete (record as Record<string, unknown>)[name];
  };
  const associations: Associations = {
    hold(record, name, value) {
      if (Array.isArray(value)) {
        const relation = () => associationRelation(ActiveRelation, model, name, (column) => columns.read(record, column), columns.saved(record)).relation;
        value = loadedCollection(associatedModel(name), value, relation);
      }
      let bag = (record as Holder)[HELD];
      // A plain object (relationship names never clash with Object's members: the config refuses them).
      if (bag === undefined) Object.defineProperty(record, HELD, { value: (bag = {}), writable: true, configurable: true });
      bag[name] = { value, keys: keys.get(name)!.map((column) => columns.read(record, column)) };
      // The same accessor on every record (one hidden class per shape); own and enumerable, so it is part of the data.
      if (!Object.hasOwn(record, name)) Object.defineProperty(record, name, { ...accessors.get(name)!, enumerable: true, configurable: true });
    },
    forget(record) {
      const bag = (record as Holder)[HELD];
      if (bag) for (const name of Object.keys(bag)) if (bag[name] !== undefined) drop(record, bag, name);
    },
    loaded: (record, name) => current(record, name, keys.get(name)!) !== undefined,
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
  // A belongs_to holds the key on this side: its source is a column of ours other than our own primary key (a has_one
  // starts from our key).
  if (!hop || hop.cardinality !== 'one' || hop.sourceField.length !== 1 || hop.destField.length !== 1 || hop.sourceField[0] === model.primaryKey) {
    throw new QueryError(
      `${model.className}#${name}=: only a belongs_to association is assigned (Rails writes a has_one or has_many at once); set the foreign key of each ${associated.className} instead`,
    );
  }
  let key: unknown = null;
  if (value !== null && value !== undefined) {
    // Rails' AssociationTypeMismatch.
    const given = typeof value === 'object' ? (value.constructor?.name ?? 'Object') : typeof value;
    if (given !== associated.className) {
      throw new QueryError(`${model.className}#${name}=: ${associated.className} expected, got ${describeValue(value)} which is an instance of ${given}`);
    }
    const unsaved = (value as { new_record_p?: () => boolean }).new_record_p?.() === true;
    // The column the association points at: the primary key, or Rails' `primary_key:`.
    key = (value as Record<string, unknown>)[hop.destField[0]!];
    if (unsaved || key === null || key === undefined) {
      throw new QueryError(`${model.className}#${name}=: the ${associated.className} is not saved yet; save it first (its key becomes ${model.className}'s ${hop.sourceField[0]})`);
    }
  }
  columns.write(record, hop.sourceField[0]!, key);
}

/** The association's relation of a LoadedCollection, made on its first use. */
const RELATION: unique symbol = Symbol('zero-record.association');
type Loaded_ = unknown[] & { [RELATION]: () => ActiveRelation<unknown> };

/** A has_many's own relation (non-enumerable, made once): the methods a LoadedCollection forwards to. */
function relationOf(collection: Loaded_): ActiveRelation<unknown> {
  const made = collection[RELATION]();
  Object.defineProperty(collection, RELATION, { value: () => made });
  return made;
}

/**
 * The prototype of every LoadedCollection: an array's, with each of ActiveRelation's methods forwarded. Made on first
 * use: this module loads before ActiveRelation's (they import each other through the records).
 */
let loadedPrototype: object | undefined;
const makeLoadedPrototype = (): object => {
  class Collection extends Array<unknown> {
    // map, filter, slice... answer plain arrays, not collections without a relation.
    static override get [Symbol.species]() {
      return Array;
    }
  }
  const proto = Collection.prototype as unknown as Record<string, unknown>;
  const forwarded = new Set<string>();
  for (let p: object | null = ActiveRelation.prototype; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) {
      const descriptor = Object.getOwnPropertyDescriptor(p, name)!;
      if (name === 'constructor' || forwarded.has(name)) continue;
      forwarded.add(name);
      if (name in Array.prototype) continue; // find, includes: below
      if (descriptor.get) forwardGetter(proto, name);
      else if (typeof descriptor.value === 'function') forwardMethod(proto, name);
    }
  }
  // The fields Relation's constructor sets on each relation, not on its prototype.
  for (const name of ['model', 'state']) forwardGetter(proto, name);
  const method = (name: string, value: (this: Loaded_, ...args: never[]) => unknown) => Object.defineProperty(proto, name, { value, writable: true, configurable: true });
  method('then', function (onFulfilled?: (value: unknown[]) => unknown, onRejected?: (reason: unknown) => unknown) {
    // The loaded records, as a plain array (a thenable would be awaited again).
    return Promise.resolve(Array.from(this)).then(onFulfilled, onRejected);
  });
  method('size', function () {
    return Promise.resolve(this.length);
  });
  method('find', function (...args: unknown[]) {
    return typeof args[0] === 'function' ? Array.prototype.find.apply(this, args as never) : (relationOf(this) as unknown as { find(...a: unknown[]): unknown }).find(...args);
  });
  method('includes', function (...args: unknown[]) {
    const [first] = args;
    const spec = typeof first === 'string' || (typeof first === 'object' && first !== null && Object.getPrototypeOf(first) === Object.prototype);
    return spec ? relationOf(this).includes(...(args as never[])) : Array.prototype.includes.apply(this, args as never);
  });
  return proto;
};

function forwardMethod(proto: object, name: string): void {
  Object.defineProperty(proto, name, {
    value(this: Loaded_, ...args: unknown[]) {
      return (relationOf(this) as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
    },
    writable: true,
    configurable: true,
  });
}

/** The LoadedCollection prototype for records of `model`: the shared one, and the model's scopes forwarded too. */
const scopedPrototypes = new WeakMap<ModelDefinition, object>();
function loadedPrototypeOf(model: ModelDefinition): object {
  let proto = scopedPrototypes.get(model);
  if (proto === undefined) {
    proto = Object.create((loadedPrototype ??= makeLoadedPrototype())) as object;
    for (const scope of Object.keys(model.scopes)) forwardMethod(proto, scope);
    scopedPrototypes.set(model, proto);
  }
  return proto;
}

function forwardGetter(proto: object, name: string): void {
  Object.defineProperty(proto, name, {
    get(this: Loaded_) {
      return (relationOf(this) as unknown as Record<string, unknown>)[name];
    },
    configurable: true,
  });
}

/** `records` of `model`, loaded for a has_many, as a LoadedCollection whose relation methods (scopes too) are `relation()`'s. */
function loadedCollection(model: ModelDefinition, records: unknown[], relation: () => ActiveRelation<unknown>): unknown[] {
  Object.setPrototypeOf(records, loadedPrototypeOf(model));
  Object.defineProperty(records, RELATION, { value: relation, configurable: true });
  return records;
}
