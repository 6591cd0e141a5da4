/**
 * Rails' `dependent:` on has_many / has_one, which a record's `destroy` runs before deleting its own row: `destroy` (each
 * associated record destroyed, its own dependents first), `delete_all` / `delete` (the rows deleted, nothing run),
 * `nullify` (their foreign key set to NULL), `restrict_with_exception` (DeleteRestrictionError) and `restrict_with_error`
 * (an error on base; `destroy` answers false).
 *
 * Rails runs them inside the destroy's transaction, which a restriction rolls back. Zero writes one mutation per row, so
 * every restriction is checked before anything is written: a refused destroy writes nothing.
 */
import { associationHops, associationRelation } from './association-reader.ts';
import { deleteAll, updateAll } from './bulk-writes.ts';
import type { ModelDefinition } from './config.ts';
import { DeleteRestrictionError } from './errors.ts';
import { capLimit } from './finders.ts';
import { humanize } from './inflect.ts';
import { loadRelation } from './reads.ts';
import { Relation } from './relation.ts';
import { destroyRow } from './writes.ts';
import type { WriteOptions } from './zero-write.ts';

type Read = (column: string) => unknown;

/** The associated rows of relationship `name` of the record `read` reads. */
function associated(model: ModelDefinition, name: string, read: Read): Relation {
  return associationRelation(Relation, model, name, read).relation;
}

type Step = () => Promise<unknown>;

/**
 * Applies the record's dependents, after checking every restriction the destroy reaches (its own, and those of each
 * record a `dependent: :destroy` would destroy, all the way down). Returns the refusal of a `restrict_with_error`
 * (nothing written then); throws DeleteRestrictionError for a `restrict_with_exception` anywhere.
 */
export async function destroyDependents(model: ModelDefinition, read: Read, options?: WriteOptions): Promise<Refusal | undefined> {
  const steps: Step[] = [];
  const refused = await planDestroy(model, read, steps, options);
  if (refused !== undefined) return refused;
  for (const step of steps) await step();
  return undefined;
}

/**
 * A destroy `restrict_with_error` refuses: Rails' message for the record's own association, none when it is the
 * association of a record a `dependent: :destroy` would destroy (Rails' destroy then answers false with no error).
 */
export interface Refusal {
  readonly message: string | undefined;
}

/** Collects the writes of a record's dependents into `steps` (each destroyed record's own first); its refusal, if any. */
async function planDestroy(model: ModelDefinition, read: Read, steps: Step[], options?: WriteOptions): Promise<Refusal | undefined> {
  const dependents = Object.entries(model.dependents);
  for (const [name, dependent] of dependents) {
    if (dependent !== 'restrict_with_exception' && dependent !== 'restrict_with_error') continue;
    if ((await loadRelation(capLimit(associated(model, name, read), 1))).length === 0) continue;
    if (dependent === 'restrict_with_exception') throw new DeleteRestrictionError(model.className, `Cannot delete record because of dependent ${name}`);
    // Rails' activerecord.errors.messages.restrict_dependent_destroy, the association named as humans read it.
    const record = humanize(name).toLowerCase();
    const many = associationHops(model, name)[0]?.cardinality === 'many';
    return { message: many ? `Cannot delete record because dependent ${record} exist` : `Cannot delete record because a dependent ${record} exists` };
  }
  for (const [name, dependent] of dependents) {
    const relation = associated(model, name, read);
    if (dependent === 'destroy') {
      for (const row of await loadRelation(relation)) {
        const own: Step[] = [];
        // Rails destroys them with destroy!: one that refuses refuses the whole destroy, which writes nothing.
        if ((await planDestroy(relation.model, (column) => row[column], own, options)) !== undefined) return { message: undefined };
        steps.push(...own, () => destroyRow(relation.model, row[relation.model.primaryKey], options));
      }
    } else if (dependent === 'delete_all' || dependent === 'delete') {
      steps.push(() => deleteAll(relation, options));
    } else if (dependent === 'nullify') {
      const keys = associationHops(model, name)[0]?.destField ?? [];
      steps.push(() => updateAll(relation, Object.fromEntries(keys.map((key) => [key, null])), options));
    }
  }
  return undefined;
}
