/**
 * The class-level writes that take an id (`Model.update(id, attributes)`, `Model.destroy(id)`): Rails finds the record
 * first (RecordNotFoundError when missing), then writes it. Written once here for the flavours that hand out no record
 * to call `update` / `destroy` on (the reactive one); ActiveRecord does the same through its records.
 */
import type { ModelDefinition } from './config.ts';
import { findPlan } from './finders.ts';
import { loadRelation } from './reads.ts';
import { Relation } from './relation.ts';
import { destroyRow, updateRow } from './writes.ts';
import type { WriteOptions } from './zero-write.ts';
import type { RowData } from './zero-types.ts';

/** Rails' `find(id)` as a one-shot read of one row (RecordNotFoundError when missing). */
export async function findRow(model: ModelDefinition, id: unknown): Promise<RowData> {
  const plan = findPlan(new Relation(model), [id]);
  return loadRelation(plan.relation, { settle: (rows) => plan.settle(rows) as RowData });
}

/** Rails' `Model.update(id, attributes)`: finds the row, validates the merged row, writes the given columns. */
export async function updateById(model: ModelDefinition, id: unknown, attributes: Readonly<Record<string, unknown>>, options?: WriteOptions): Promise<void> {
  await updateRow(model, await findRow(model, id), attributes, options);
}

/** Rails' `Model.destroy(id)`: finds the row (RecordNotFoundError when missing), then deletes it. */
export async function destroyById(model: ModelDefinition, id: unknown, options?: WriteOptions): Promise<void> {
  const row = await findRow(model, id);
  await destroyRow(model, row[model.primaryKey], options);
}
