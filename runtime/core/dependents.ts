/**
 * Rails' `dependent:` on has_many / has_one, which a record's `destroy` runs before deleting its own row: `destroy` (each
 * associated record destroyed, its own dependents first), `delete_all` / `delete` (the rows deleted, nothing run),
 * `nullify` (their foreign key set to NULL), `restrict_with_exception` (DeleteRestrictionError) and `restrict_with_error`
 * (an error on base; `destroy` answers false). A has_one acts on its one row, as Rails' does.
 *
 * Rails runs them inside the destroy's transaction, which a refusal rolls back. Zero writes one mutation per row, so the
 * whole destroy is planned first, every record it reaches checked, and only then written: a refused destroy writes
 * nothing. That also turns what Rails cannot finish (a cycle of `dependent: :destroy`, a NULL into a required key) into
 * an error before any write.
 */
import { associationRelation } from './association-reader.ts';
import { associationHops } from './relationships.ts';
import { assertNullable, deleteAll, hasRows, updateAll } from './bulk-writes.ts';
import type { ModelDefinition } from './config.ts';
import { DeleteRestrictionError, ZeroRecordError, type ErrorDetail } from './errors.ts';
import { capLimit } from './finders.ts';
import { humanize } from './inflect.ts';
import { loadRelation } from './reads.ts';
import { Relation } from './relation.ts';
import { rowKey } from './record-of.ts';
import { destroyRow } from './writes.ts';
import type { WriteOptions } from './zero-write.ts';

type Read = (column: string) => unknown;
type Step = () => Promise<unknown>;

/**
 * A destroy a `restrict_with_error` refuses: the record refused (the one destroyed, or one its `dependent: :destroy`
 * reaches: Rails destroys those with `destroy!`, whose refusal is the whole destroy's) and Rails' message on its base.
 */
export interface Refusal {
  readonly model: ModelDefinition;
  readonly id: unknown;
  readonly message: string;
  /** Rails' `errors.details` entry of that message. */
  readonly detail: ErrorDetail;
}

interface Plan {
  readonly steps: Step[];
  /** The records being destroyed on the way down to this one: reaching one of them again is a cycle. */
  readonly path: Set<string>;
  /** Records a step already destroys (a row two associations reach is destroyed once). */
  readonly planned: Set<string>;
  readonly options: WriteOptions | undefined;
}

/**
 * Applies the dependents of the record `read` reads, once everything the destroy reaches has been checked. Returns the
 * refusal of a `restrict_with_error` (nothing written then); throws DeleteRestrictionError for a
 * `restrict_with_exception`, and a ZeroRecordError for a cycle or a NULL a required key cannot take.
 */
export async function destroyDependents(model: ModelDefinition, read: Read, options?: WriteOptions): Promise<Refusal | undefined> {
  const plan: Plan = { steps: [], path: new Set(), planned: new Set(), options };
  const refused = await planDestroy(model, read, plan);
  if (refused !== undefined) return refused;
  for (const step of plan.steps) await step();
  return undefined;
}

/** The associated rows of relationship `name`: a has_one's first only, as Rails loads it. */
function associated(model: ModelDefinition, name: string, read: Read): Relation {
  const { relation, single } = associationRelation(Relation, model, name, read);
  return single ? capLimit(relation, 1) : relation;
}


/** Adds the writes of the record's dependents to the plan (each destroyed record's own first); its refusal, if any. */
async function planDestroy(model: ModelDefinition, read: Read, plan: Plan): Promise<Refusal | undefined> {
  const id = read(model.primaryKey);
  const key = rowKey(model, id);
  if (plan.path.has(key)) {
    throw new ZeroRecordError(`${model.className}#destroy: dependent: :destroy reaches ${model.className} ${model.primaryKey}=${String(id)} again (a cycle); nothing was written`);
  }
  const dependents = Object.entries(model.dependents);
  for (const [name, dependent] of dependents) {
    if (dependent !== 'restrict_with_exception' && dependent !== 'restrict_with_error') continue;
    if (!(await hasRows(associated(model, name, read)))) continue;
    if (dependent === 'restrict_with_exception') throw new DeleteRestrictionError(model.className, `Cannot delete record because of dependent ${name}`);
    // Rails' activerecord.errors.messages.restrict_dependent_destroy, the association named as humans read it.
    const record = humanize(name).toLowerCase();
    const many = associationHops(model, name)[0]?.cardinality === 'many';
    return {
      model,
      id,
      message: many ? `Cannot delete record because dependent ${record} exist` : `Cannot delete record because a dependent ${record} exists`,
      detail: { error: `restrict_dependent_destroy.${many ? 'has_many' : 'has_one'}`, record },
    };
  }
  plan.path.add(key);
  try {
    for (const [name, dependent] of dependents) {
      const relation = associated(model, name, read);
      if (dependent === 'destroy') {
        const child = relation.model;
        for (const row of await loadRelation(relation)) {
          const childKey = rowKey(child, row[child.primaryKey]);
          if (plan.planned.has(childKey)) continue;
          const refused = await planDestroy(child, (column) => row[column], plan);
          if (refused !== undefined) return refused;
          plan.planned.add(childKey);
          plan.steps.push(() => destroyRow(child, row[child.primaryKey], plan.options));
        }
      } else if (dependent === 'delete_all' || dependent === 'delete') {
        plan.steps.push(() => deleteAll(relation, plan.options));
      } else if (dependent === 'nullify') {
        const keys = associationHops(model, name)[0]?.destField ?? [];
        await assertNullable(relation, keys, `${model.className}#destroy: dependent: :nullify`);
        plan.steps.push(() => updateAll(relation, Object.fromEntries(keys.map((column) => [column, null])), plan.options));
      }
    }
  } finally {
    plan.path.delete(key);
  }
  return undefined;
}
