/**
 * Rails' belongs_to `touch:`: when a record is created, saved with changes, destroyed or touched, its parent's
 * `updated_at` (and the column `touch:` names) becomes now, without validations, and the parent's own touches follow,
 * as Rails' after_touch does. A record moved to another parent touches both.
 *
 * Rails runs it in the record's after-save callbacks, inside its transaction. Here it is a write of its own, after the
 * record's: a parent write Zero refuses rejects the save, which has already written the record.
 */
import { associationRelation } from './association-reader.ts';
import { UPDATE_TIMESTAMPS, type ModelDefinition } from './config.ts';
import { MissingAttributeError } from './errors.ts';
import { capLimit } from './finders.ts';
import { loadRelation } from './reads.ts';
import { rowKey } from './record-of.ts';
import { Relation } from './relation.ts';
import { stamps, updateRow } from './writes.ts';
import type { WriteOptions } from './zero-write.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * Touches the parents of `rows` (the record as written, and as it was when its key may have changed) through each of
 * the model's `touches`. `seen` keeps a parent from being touched twice, and a chain of touches from looping.
 */
export async function touchParents(model: ModelDefinition, rows: readonly Row[], options?: WriteOptions, seen = new Set<string>()): Promise<void> {
  for (const [name, touch] of Object.entries(model.touches)) {
    for (const row of rows) {
      const { relation } = associationRelation(Relation, model, name, (column) => row[column]);
      const parent = relation.model;
      for (const found of await loadRelation(capLimit(relation, 1))) {
        const key = rowKey(parent, found[parent.primaryKey]);
        if (seen.has(key)) continue;
        seen.add(key);
        const columns = [...touchedTimestamps(parent), ...(touch === true ? [] : [touch])];
        const values = stamps(parent, columns);
        // Only the touched columns, as Rails' UPDATE ... SET updated_at: the rest of the row is the server's, not this read's.
        if (columns.length > 0) await updateRow(parent, found, values, options, { validate: false, touch: false });
        await touchParents(parent, [{ ...found, ...values }], options, seen);
      }
    }
  }
}

/**
 * Refuses, before the record is written, a `touch:` naming a column its parent does not have (Rails raises
 * MissingAttributeError inside the transaction, which writes nothing either).
 */
export function assertTouchable(model: ModelDefinition): void {
  for (const [name, touch] of Object.entries(model.touches)) {
    if (touch === true) continue;
    const parent = new Relation(model).associatedModel(name);
    if (!parent.columns.includes(touch)) throw new MissingAttributeError(touch);
  }
}

/** Rails' `timestamp_attributes_for_update_in_model`: `updated_at` / `updated_on` where the table has them, whatever `timestamps:` says. */
export function touchedTimestamps(model: ModelDefinition): string[] {
  return UPDATE_TIMESTAMPS.filter((column) => model.columns.includes(column));
}
