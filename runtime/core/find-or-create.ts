/**
 * Records made through a relation: Rails' `new` / `build` / `create` / `create!` on a relation (and so `client.jobs.new`),
 * `find_or_create_by`, `find_or_initialize_by`, `create_or_find_by`, `first_or_create`, `first_or_initialize` (and their
 * `!` forms), shared by both flavours, which say how their records are made. A record created through a relation starts with the columns the
 * relation pins (`Job.where({ status: 'active' }).find_or_create_by({ title })` creates an active job), as in Rails.
 * The plain forms save as Rails' `create` does (an invalid record comes back unsaved, with `errors`); the `_bang` forms
 * raise `RecordInvalidError`.
 */
import type { WhereHash } from './conditions.ts';
import { RecordNotSavedError, RecordNotUniqueError } from './errors.ts';
import { findByPlan, firstPlan, type Plan } from './finders.ts';
import { loadRelation } from './reads.ts';
import { scopeAttributes } from './relation-algebra.ts';
import { initialType } from './inheritance.ts';
import type { Relation } from './relation.ts';
import type { RowData } from './zero-types.ts';
import type { WriteOptions } from './zero-write.ts';
import { createOneOrEach } from './create-each.ts';

/** A new, unsaved record as a flavour makes it (ActiveRecord record or reactive handle). */
export interface Unsaved {
  save(options?: WriteOptions): Promise<boolean>;
  save_bang(options?: WriteOptions): Promise<unknown>;
}

/** How a flavour makes its records: one for a stored row, and a new one to save. */
export interface RecordMaker<T> {
  found(row: RowData): T;
  build(attributes: Readonly<Record<string, unknown>>, operation: string): T & Unsaved;
}

/** The row a one-record finder answers, or null (read once). */
async function rowOf(plan: Plan<unknown>): Promise<RowData | null> {
  return plan.settle(await loadRelation(plan.relation)) as RowData | null;
}

/**
 * A new record with the relation's pinned columns, then `attributes`: Rails' `relation.new` / `build`, and so the
 * has_many builders (`client.jobs.new({ title })` sets `client_id`, as `client.jobs` pins it). An STI subclass's
 * records start with its type (inheritance.ts).
 */
export function buildScoped<T>(relation: Relation, attributes: Readonly<Record<string, unknown>>, maker: RecordMaker<T>, operation: string): T & Unsaved {
  const owner = relation.state.owner;
  // Every creating form (create, find_or_create_by, first_or_create, create_or_find_by...) creates through the owner.
  if (owner && !owner.saved && operation.includes('create')) throw new RecordNotSavedError(owner.className, 'You cannot call create unless the parent is saved');
  if (owner?.keyMissing) {
    throw new RecordNotSavedError(owner.className, `Save the ${owner.className} first: its key is not set, and a new record's associations are not saved with it`);
  }
  const scoped = { ...scopeAttributes(relation.state.where), ...relation.state.createWith };
  return maker.build({ ...initialType(relation.model, scoped, attributes), ...scoped, ...attributes, ...owner?.keys }, operation);
}

/** Saves a new record as Rails' `create` (`save`: an invalid one comes back with `errors`) or `create!` (`save!`: raises). */
async function saved<T extends Unsaved>(record: T, bang: boolean, options?: WriteOptions): Promise<T> {
  if (bang) await record.save_bang(options);
  else await record.save(options);
  return record;
}

/** Rails' `relation.create` / `create!` (a list creates each in turn): `new` on the relation, then `save` / `save!`. */
export function createScoped<T>(relation: Relation, maker: RecordMaker<T>, operation: 'create' | 'create_bang') {
  return createOneOrEach(async (attributes: Readonly<Record<string, unknown>> = {}, options?: WriteOptions) => {
    const record = buildScoped(relation, attributes, maker, operation);
    return saved(record, operation === 'create_bang', options);
  });
}

/** What `findOrBuild` does: find by the attributes (`find_or_...`) or take the relation's first (`first_or_...`), then create or build. */
export type FindOrBuild =
  | 'find_or_create_by' | 'find_or_create_by_bang' | 'find_or_initialize_by'
  | 'first_or_create' | 'first_or_create_bang' | 'first_or_initialize';

/**
 * Rails' `find_or_create_by` (`save`), `find_or_create_by!` (`save!`) and `find_or_initialize_by` (not saved): the first
 * row matching `attributes`; and `first_or_create` / `first_or_create!` / `first_or_initialize`: the relation's `first`
 * (by primary key when it has no order). Without one, a record made through the relation with `attributes`.
 */
export async function findOrBuild<T>(relation: Relation, attributes: WhereHash, maker: RecordMaker<T>, operation: FindOrBuild): Promise<T> {
  const first = operation.startsWith('first_or_');
  const row = await rowOf(first ? firstPlan(relation, undefined, false) : findByPlan(relation, attributes, false));
  if (row) return maker.found(row);
  const record = buildScoped(relation, attributes, maker, operation);
  return operation.includes('_initialize') ? record : saved(record, operation.endsWith('_bang'));
}

/**
 * Rails' `create_or_find_by(attributes)` (and `!`): creates, and when the insert is refused as not unique (Zero's only
 * unique constraint is the primary key, so: a row with that key exists) returns the row matching `attributes`. When none
 * matches, the insert's error is raised (Rails raises RecordNotFound there; the insert's reason says more).
 */
export async function createOrFind<T>(relation: Relation, attributes: WhereHash, maker: RecordMaker<T>, operation: 'create_or_find_by' | 'create_or_find_by_bang'): Promise<T> {
  const record = buildScoped(relation, attributes, maker, operation);
  try {
    return await saved(record, operation === 'create_or_find_by_bang');
  } catch (error) {
    // Rails rescues RecordNotUnique alone: any other refusal (a required column left NULL, a server's) is the answer.
    if (!(error instanceof RecordNotUniqueError)) throw error;
    const found = await rowOf(findByPlan(relation, attributes, false));
    if (!found) throw error;
    return maker.found(found);
  }
}
