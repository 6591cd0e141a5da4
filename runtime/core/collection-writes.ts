/**
 * Rails' CollectionProxy writes on a has_many as its reader returns it (`client.jobs`): `<<` (`push` / `concat`) sets
 * each record's key to the owner's and saves it; `delete` takes records out of the collection as the association's
 * `dependent:` says (destroyed, deleted, or by default their key set to NULL); `destroy` destroys them; `clear` is the
 * collection's `delete_all`. Records leaving without their own destroy take themselves off the owner's counter cache
 * (`collectionCounterCaches`), as Rails' has_many does. Each answer was checked against ActiveRecord 6.1
 * (`__tests__/runtime/collection-writes.test.ts`, `__tests__/rails/differential`, `as.cc.*`).
 */
import { collectionOf, type Collection } from './association-reader.ts';
import { deleteAllOf, removeFromCollection } from './bulk-writes.ts';
import { QueryError, RecordNotSavedError } from './errors.ts';
import { assertRecordOf } from './record-of.ts';
import type { Relation } from './relation.ts';
import type { WriteOptions } from './zero-write.ts';

/**
 * The collection methods a scope or an enum value of the same name shadows, as in Rails (`enum channel: { push: 2 }`
 * makes a scope `push`, which `client.jobs.push` then is): not reserved names. Rails reserves `delete` and `destroy`
 * (class methods of every model), so those stay refused.
 */
export const SHADOWED_BY_SCOPES: readonly string[] = ['push', 'concat', 'clear'];

/** What these writes need of a record: Rails' own methods, which records of both flavours have. */
interface CollectionRecord {
  save(options?: WriteOptions): Promise<boolean>;
  destroy_bang(options?: WriteOptions): Promise<unknown>;
  new_record_p(): boolean;
  valid_p(): boolean;
  write_attribute(name: string, value: unknown): unknown;
  read_attribute(name: string): unknown;
}

/** The has_many `relation` is as its reader returned it; `method` is refused on any other relation, as Rails has it only there. */
function collectionFor(relation: Relation, method: string): Collection {
  const collection = collectionOf(relation);
  if (!collection) {
    throw new QueryError(
      `${relation.model.className}.${method}: only a has_many as its reader returns it (client.jobs) has ${method}, as in Rails (CollectionProxy); ` +
        `refined (client.jobs.where(...)) or any other relation has not`,
    );
  }
  return collection;
}

/**
 * Rails' `client.jobs << job` (`push`, `concat`): each record's key becomes the owner's and the record is saved, in
 * turn. Rails saves them in one transaction, so one invalid record saves none: here the records are validated first,
 * and an invalid one resolves false before anything is written (it keeps its errors; the records keep their new key,
 * as in Rails). Rails keeps records added to an unsaved owner until the owner is saved; nothing here saves them then, so
 * that is refused.
 */
export async function addToCollection(relation: Relation, records: readonly unknown[], method: string, options?: WriteOptions): Promise<boolean> {
  const collection = collectionFor(relation, method);
  const owner = relation.state.owner!;
  const context = `${collection.owner}#${collection.name}.${method}`;
  for (const record of records) assertRecordOf(relation.model.className, record, context);
  if (!owner.saved) throw new RecordNotSavedError(collection.owner, `${context}: the ${collection.owner} is not saved yet; save it first (its records are saved with their key set to its own)`);
  const list = records as CollectionRecord[];
  for (const record of list) for (const column of collection.foreignKey) record.write_attribute(column, owner.keys[column] ?? null);
  // Validated in turn up to the first invalid one, as Rails' saves in its transaction are; then none is saved.
  if (!list.every((record) => record.valid_p())) return false;
  for (const record of list) if (!(await record.save(options))) return false;
  return true;
}

/**
 * The records `delete` / `destroy` act on: records of the collection's model as given, or keys found in the
 * collection (RecordNotFoundError naming the keys, as Rails' find through the association). `find` is the flavour's.
 */
async function recordsOf(relation: Relation, args: readonly unknown[], context: string, find: (keys: unknown[]) => Promise<CollectionRecord[]>): Promise<CollectionRecord[]> {
  // Each once, in the order first given, as Rails answers.
  const given = [...new Set(args.flat())];
  const keys = given.filter((arg) => typeof arg !== 'object' || arg === null);
  for (const record of given.filter((arg) => typeof arg === 'object' && arg !== null)) assertRecordOf(relation.model.className, record, context);
  const found = keys.length > 0 ? await find(keys) : [];
  const { primaryKey } = relation.model;
  // By the key's text: a key given as '7' finds the record whose key is 7, as find does.
  const byKey = new Map(found.map((record) => [String(record.read_attribute(primaryKey)), record]));
  return given.map((arg) => (typeof arg === 'object' && arg !== null ? (arg as CollectionRecord) : byKey.get(String(arg))!));
}

/**
 * Rails' `client.jobs.delete(job, ...)`: the records (or keys in the collection) leave it as the has_many's `dependent:`
 * says: destroyed (`:destroy`, another owner's record too, as Rails does), deleted without callbacks (`:delete_all`),
 * else their key set to NULL, the last two only where they are in the collection, taking themselves off the owner's
 * count. Resolves to the records given.
 */
export async function deleteFromCollection(
  relation: Relation,
  args: readonly unknown[],
  find: (keys: unknown[]) => Promise<CollectionRecord[]>,
  options?: WriteOptions,
): Promise<unknown[]> {
  const collection = collectionFor(relation, 'delete');
  const context = `${collection.owner}#${collection.name}.delete`;
  const records = await recordsOf(relation, args, context, find);
  const saved = records.filter((record) => !record.new_record_p());
  if (collection.dependent === 'destroy') {
    for (const record of saved) await record.destroy_bang(options);
    return records;
  }
  const { primaryKey } = relation.model;
  const members = relation.where({ [primaryKey]: saved.map((record) => record.read_attribute(primaryKey) as string) });
  await removeFromCollection(members, collection, options, 'delete');
  return records;
}

/**
 * Rails' `client.jobs.destroy(job, ...)`: destroys the records given (keys are found in the collection); resolves to
 * them. A destroy a dependent refuses raises `RecordNotDestroyedError`, as Rails' `destroy!` there does; Rails rolls back
 * the records destroyed before it, where here they stay destroyed (Zero has no transaction across them).
 */
export async function destroyFromCollection(
  relation: Relation,
  args: readonly unknown[],
  find: (keys: unknown[]) => Promise<CollectionRecord[]>,
  options?: WriteOptions,
): Promise<unknown[]> {
  const collection = collectionFor(relation, 'destroy');
  const records = await recordsOf(relation, args, `${collection.owner}#${collection.name}.destroy`, find);
  for (const record of records) await record.destroy_bang(options);
  return records;
}

/**
 * Rails' `client.jobs.clear`: the collection's `delete_all` (its rows deleted under `dependent: :destroy` or
 * `:delete_all`, else their key set to NULL; the owner's count of them down by as many). Rails answers the collection;
 * a relation here is awaitable, so nothing is answered.
 */
export async function clearCollection(relation: Relation, options?: WriteOptions): Promise<void> {
  collectionFor(relation, 'clear');
  await deleteAllOf(relation, options, 'clear');
}
