/**
 * Association readers without `includes` (`job.client`, `job.tasks`), shared by both flavours: the relation of the
 * associated rows one record points at, from the Zero schema's relationship. Each flavour answers with it its own way
 * (ActiveRecord: a promise of the record, or the relation to await; ReactiveRecord: a live handle, or a live collection).
 */
import type { Dependent, ModelDefinition } from './config.ts';
import { associationHops } from './relationships.ts';
import { QueryError } from './errors.ts';
import { Relation, defaultScoped, scopedRelationClass, unscopedState, type RelationState } from './relation.ts';
import type { Scalar } from './conditions.ts';

type RelationClass<R extends Relation> = new (model: ModelDefinition, state?: RelationState) => R;

/**
 * The associated rows of relationship `name` for the record whose columns `read` gives, as a relation of the associated
 * model (with its scopes) of class `Base`; `single` for a `one` relationship (belongs_to, has_one). A NULL key matches
 * nothing, as Rails answers nil without a query. The relation knows its owner (`ownerSaved` false for a new record),
 * for the records made through it (`client.jobs.new(...)`).
 * @throws QueryError for a relationship through a junction table (two hops): read it with `includes(name)`.
 */
export function associationRelation<R extends Relation>(
  Base: RelationClass<R>,
  model: ModelDefinition,
  name: string,
  read: (column: string) => unknown,
  ownerSaved = true,
): { readonly relation: R; readonly single: boolean } {
  const hops = associationHops(model, name);
  if (hops.length !== 1) {
    throw new QueryError(`${model.className}#${name}: a relationship through a junction table is read with includes('${name}')`);
  }
  const { sourceField, destField, cardinality } = hops[0]!;
  const associated = new Relation(model).associatedModel(name);
  const keys: Record<string, Scalar> = {};
  for (let i = 0; i < sourceField.length; i++) {
    const value = read(sourceField[i]!);
    if (value !== null && value !== undefined) keys[destField[i]!] = value as Scalar;
  }
  const keyMissing = Object.keys(keys).length < sourceField.length;
  const Class = scopedRelationClass(associated, Base);
  // The associated model's type condition and default scope apply, as in Rails' association scope.
  const relation = defaultScoped(new Class(associated, { ...unscopedState(associated), owner: { className: model.className, saved: ownerSaved, keys, keyMissing } }));
  const reader = keyMissing ? relation.none() : relation.where(keys);
  if (cardinality === 'many') collections.set(reader.state, { owner: model.className, ownerTable: model.table, name, foreignKey: destField, dependent: model.dependents[name] });
  return { relation: reader, single: cardinality === 'one' };
}

/** A has_many as its reader returns it (Rails' CollectionProxy): the associated rows' key columns and the owner's `dependent:`. */
export interface Collection {
  readonly owner: string;
  readonly ownerTable: string;
  readonly name: string;
  readonly foreignKey: readonly string[];
  readonly dependent: Dependent | undefined;
}
// Keyed by the reader's state: `client.jobs.where(...)` is a new relation with a state of its own, which Rails'
// delete_all deletes from. Not by the reader itself: a reactive collection is a proxy, and its methods run on the
// relation behind it, which has the same state.
const collections = new WeakMap<RelationState, Collection>();

/** The has_many `relation` is, when it is one as its reader returned it (`client.jobs`), else undefined. */
export function collectionOf(relation: Relation): Collection | undefined {
  return collections.get(relation.state);
}
