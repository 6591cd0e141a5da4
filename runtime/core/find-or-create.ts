/**
 * Rails' `find_or_create_by`, `create_or_find_by` (and their `!` forms) on a relation, shared by both flavours, which
 * wrap the row they return. A record created through a relation starts with the columns the relation pins
 * (`Job.where({ status: 'active' }).find_or_create_by({ title })` creates an active job), as in Rails.
 *
 * Creating is `createRow` (Rails' `create!`: it raises `RecordInvalidError`), so today `find_or_create_by` raises on an
 * invalid record as `find_or_create_by!` does; Rails' returning `create` will take its place once records have errors.
 */
import type { WhereHash } from './conditions.ts';
import { MutationError } from './errors.ts';
import { findByPlan } from './finders.ts';
import { loadRows } from './bulk-writes.ts';
import { scopeAttributes } from './relation-algebra.ts';
import type { Relation } from './relation.ts';
import { createRow } from './writes.ts';
import type { RowData } from './zero-types.ts';

/** The relation's first row matching `attributes`, or null (read once). */
async function findRow(relation: Relation, attributes: WhereHash): Promise<RowData | null> {
  const plan = findByPlan(relation, attributes, false);
  return plan.settle(await loadRows(plan.relation)) as RowData | null;
}

/** Creates a row with the relation's pinned columns, then `attributes`. */
function createScoped(relation: Relation, attributes: WhereHash): Promise<RowData> {
  return createRow(relation.model, { ...scopeAttributes(relation.state.where), ...attributes });
}

/** Rails' `find_or_create_by(attributes)`: `find_by(attributes) || create(attributes)`. */
export async function findOrCreateRow(relation: Relation, attributes: WhereHash): Promise<RowData> {
  return (await findRow(relation, attributes)) ?? createScoped(relation, attributes);
}

/**
 * Rails' `create_or_find_by(attributes)`: creates, and when the insert is refused (Zero's only unique constraint is the
 * primary key, so: a row with that key exists) returns the row matching `attributes`. When none matches, the insert's
 * error is raised (Rails raises RecordNotFound there; the insert's reason says more).
 */
export async function createOrFindRow(relation: Relation, attributes: WhereHash): Promise<RowData> {
  try {
    return await createScoped(relation, attributes);
  } catch (error) {
    if (!(error instanceof MutationError && error.operation === 'insert')) throw error;
    const found = await findRow(relation, attributes);
    if (!found) throw error;
    return found;
  }
}
