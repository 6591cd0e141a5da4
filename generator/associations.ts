/**
 * Rails associations -> Zero relationships. One place decides which associations Zero can express
 * (the schema module and the model configs both read it), and why the others are left out.
 */
import type { AssociationDescription, ModelDescription } from './description.ts';

export interface Hop {
  sourceField: string;
  destField: string;
  /** Table of the hop's destination. */
  destTable: string;
}

export interface Relationship {
  name: string;
  cardinality: 'one' | 'many';
  hops: [Hop] | [Hop, Hop];
  /** Class name of the final destination (its model config is the relationship target). */
  target: string;
}

export type Resolved = { ok: true; relationship: Relationship; note?: string } | { ok: false; reason: string };

/** Resolves one association of `owner`, given every described model by class name. */
export function resolveAssociation(owner: ModelDescription, association: AssociationDescription, models: ReadonlyMap<string, ModelDescription>): Resolved {
  if (association.macro === 'has_and_belongs_to_many') return { ok: false, reason: 'has_and_belongs_to_many: add a join model (has_many :through) to get a Zero relationship' };
  // Zero's one-row relationship would hold every row the scope leaves out, and its read fails once there are two.
  if (association.scoped && association.macro === 'has_one') {
    return { ok: false, reason: 'a has_one with a scope (the lambda) has no Zero relationship: without the scope it may match several rows, which a one-row relationship cannot hold; use a scope of the associated model' };
  }
  const note = association.scoped ? 'the association scope (the lambda) is not applied: use a scope or includes({ name: (r) => ... })' : undefined;
  if (association.through) {
    const first = owner.associations.find((a) => a.name === association.through);
    if (!first || first.through) return { ok: false, reason: `through '${association.through}' is not a direct association of ${owner.class_name}` };
    const hop1 = direct(owner, first, models);
    if (!hop1.ok) return { ok: false, reason: `through '${first.name}': ${hop1.reason}` };
    const middle = models.get(hop1.target)!;
    const second = middle.associations.find((a) => a.name === association.source);
    if (!second || second.through) return { ok: false, reason: `source '${association.source}' is not a direct association of ${middle.class_name}` };
    const hop2 = direct(middle, second, models);
    if (!hop2.ok) return { ok: false, reason: `source '${second.name}': ${hop2.reason}` };
    const cardinality = association.macro === 'has_one' ? 'one' : 'many';
    // The rows it reads through are those of the hops' own associations, unscoped.
    const scopedHop = [first, second].find((a) => a.scoped);
    const throughNote = scopedHop ? `the scope (the lambda) of '${scopedHop.name}' it goes through is not applied: its rows are not filtered by it` : undefined;
    const notes = [note, throughNote].filter((n) => n !== undefined).join('; ');
    return { ok: true, relationship: { name: association.name, cardinality, hops: [hop1.hop, hop2.hop], target: hop2.target }, ...(notes && { note: notes }) };
  }
  const hop = direct(owner, association, models);
  if (!hop.ok) return hop;
  const cardinality = association.macro === 'has_many' ? 'many' : 'one';
  return { ok: true, relationship: { name: association.name, cardinality, hops: [hop.hop], target: hop.target }, ...(note && { note }) };
}

type Direct = { ok: true; hop: Hop; target: string } | { ok: false; reason: string };

function direct(owner: ModelDescription, a: AssociationDescription, models: ReadonlyMap<string, ModelDescription>): Direct {
  // Also for a hop of a has_many :through: joined on the key alone, it would read other models' rows.
  if (a.polymorphic || a.as) return { ok: false, reason: 'polymorphic associations have no Zero relationship (Zero cannot filter on the type column)' };
  const target = a.class_name ? models.get(a.class_name) : undefined;
  if (!target) return { ok: false, reason: `the associated model ${a.class_name ?? '(unknown)'} is not generated` };
  if (!a.foreign_key || !a.primary_key) return { ok: false, reason: 'no foreign key / primary key' };
  const [from, to] = a.macro === 'belongs_to' ? [owner, target] : [target, owner];
  if (!from.columns.some((c) => c.name === a.foreign_key)) return { ok: false, reason: `${from.table} has no column '${a.foreign_key}'` };
  if (!to.columns.some((c) => c.name === a.primary_key)) return { ok: false, reason: `${to.table} has no column '${a.primary_key}'` };
  const hop =
    a.macro === 'belongs_to'
      ? { sourceField: a.foreign_key, destField: a.primary_key, destTable: target.table }
      : { sourceField: a.primary_key, destField: a.foreign_key, destTable: target.table };
  return { ok: true, hop, target: target.class_name };
}
