/**
 * ActiveRecord association readers without `includes`: `await job.client` (the record or null) and `await job.tasks` /
 * `job.tasks.where(...)` (a relation of the associated model). A record loaded with `includes('client')` holds the loaded
 * value itself, as an own property that hides the reader (`await` gives the same answer either way).
 */
import type { ModelDefinition } from '../core/config.ts';
import { associationRelation } from '../core/association-reader.ts';
import { ActiveRelation } from './relation.ts';
import type { ActiveRecordInstance } from './record.ts';

/**
 * The association readers of a record, typed from the schema's relationships (`AssociationsOf`): a `one` relationship
 * is the loaded record (after `includes`) or a promise of it, a `many` relationship the loaded array or a relation of
 * the associated model; `await job.client` / `await job.tasks` read either.
 */
export type ActiveAssociations<A> = {
  readonly [K in keyof A]: A[K] extends { readonly one: true; readonly row: infer R }
    ? PromiseLike<ActiveRecordInstance<R> | null> | ActiveRecordInstance<R> | null
    : A[K] extends { readonly row: infer R }
      ? ActiveRelation<ActiveRecordInstance<R>> | ActiveRecordInstance<R>[]
      : never;
};

/** Puts a reader per relationship of `model` on its record prototype; `read(record, column)` reads a column. */
export function defineAssociationReaders(proto: object, model: ModelDefinition, read: (record: object, column: string) => unknown): void {
  for (const name of Object.keys(model.relationships)) {
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: object) {
        const { relation, single } = associationRelation(ActiveRelation, model, name, (column) => read(this, column));
        return single ? relation.take() : relation;
      },
      // `includes` stores the loaded value on the record.
      set(this: object, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
}
