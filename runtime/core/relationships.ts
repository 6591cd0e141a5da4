/** Relationships as a Zero schema declares them: the hops from a table's rows to the associated rows. */
import type { Schema } from '@rocicorp/zero';
import type { ModelDefinition } from './config.ts';

export interface Hop {
  readonly sourceField: readonly string[];
  readonly destField: readonly string[];
  /** The table the hop reaches. */
  readonly destSchema: string;
  readonly cardinality: 'one' | 'many';
}

/** The hops of relationship `name` of `table` (one, or two through a junction table); none when it has no such relationship. */
export function relationshipHops(schema: Schema, table: string, name: string): readonly Hop[] {
  const all = schema.relationships as Record<string, Record<string, readonly Hop[]>> | undefined;
  // Own keys only: `constructor` or `__proto__` (a where hash's key, a policy's argument) is no relationship.
  const ofTable = all !== undefined && Object.hasOwn(all, table) ? all[table] : undefined;
  return ofTable !== undefined && Object.hasOwn(ofTable, name) ? ofTable[name]! : [];
}

/** The hops of relationship `name` of `model` in its Zero schema. */
export function associationHops(model: ModelDefinition, name: string): readonly Hop[] {
  return relationshipHops(model.schema, model.table, name);
}
