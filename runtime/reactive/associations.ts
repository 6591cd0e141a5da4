/**
 * ReactiveRecord association readers without `includes`: `job.client` is a live record handle (`$found` false when the
 * key is NULL or dangling) and `job.tasks` a live collection of the associated model, each made once per row Zero hands
 * out, so reading it in an effect keeps one shared Zero view. A row loaded with `includes` reads the loaded value instead.
 */
import type { ModelDefinition } from '../core/config.ts';
import type { LoadedNames, ReadableAssociation } from '../core/loaded.ts';
import { associationRelation } from '../core/association-reader.ts';
import { associationHops } from '../core/relationships.ts';
import type { RowData } from '../core/zero-types.ts';
import { ReactiveRelation } from './relation.ts';
import type { RecordHandle } from './handle.ts';
import type { ReactiveRecordInstance } from './record.ts';

/**
 * The association readers of a record or handle, typed from the schema's relationships (`AssociationsOf`): a `one`
 * relationship is a live handle (or, after `includes`, the loaded record or null), a `many` relationship a live collection
 * (or the loaded records); both read the same way (`job.client?.name`, `{#each job.tasks as task}`). Those the record's
 * relation loaded (`LoadedNames<A>`, from `includes`) are the loaded value alone: `job.tasks` an array.
 */
export type ReactiveAssociations<A> = {
  readonly [K in keyof A as A[K] extends { readonly row: unknown } ? ReadableAssociation<A, K> : A[K] extends { readonly method: unknown } ? K : never]: A[K] extends { readonly one: true; readonly row: infer R }
    ? K extends LoadedNames<A>
      ? ReactiveRecordInstance<R> | null
      : RecordHandle<R> | ReactiveRecordInstance<R> | null
    : A[K] extends { readonly row: infer R }
      ? K extends LoadedNames<A>
        ? readonly ReactiveRecordInstance<R>[]
        : ReactiveRelation<R> | readonly ReactiveRecordInstance<R>[]
      : A[K] extends { readonly method: infer F } // the record's other members (`RecordMembersOf`): its enums' methods
        ? F
        : never;
};

const NO_RECORDS: readonly never[] = Object.freeze([]);

const readers = new WeakMap<RowData, Map<string, unknown>>();

/** The live reader of relationship `name` for `row`: a record handle (one) or a collection (many); without a row, null or none. */
export function unloadedAssociation(model: ModelDefinition, name: string, row: RowData | undefined): unknown {
  // A handle with no row (loading, or not found) has no associated rows yet: null, or no records, as its types say.
  if (!row) return associationHops(model, name).at(-1)?.cardinality === 'one' ? null : NO_RECORDS;
  let byName = readers.get(row);
  if (!byName) readers.set(row, (byName = new Map()));
  if (!byName.has(name)) {
    const { relation, single } = associationRelation(ReactiveRelation, model, name, (column) => row[column]);
    byName.set(name, single ? relation.take() : relation);
  }
  return byName.get(name);
}
