/** Relationships as a Zero schema declares them: the hops from a table's rows to the associated rows. */
import type { Schema } from '@rocicorp/zero';
import { defineModel, type ModelDefinition } from './config.ts';

export interface Hop {
  readonly sourceField: readonly string[];
  readonly destField: readonly string[];
  /** The table the hop reaches. */
  readonly destSchema: string;
  readonly cardinality: 'one' | 'many';
}

/** The relationships of `table` in `schema`, by name. */
export function tableRelationships(schema: Schema, table: string): Readonly<Record<string, readonly Hop[]>> {
  const all = schema.relationships as Record<string, Record<string, readonly Hop[]>> | undefined;
  return all !== undefined && Object.hasOwn(all, table) ? all[table]! : {};
}

/** The hops of relationship `name` of `table` (one, or two through a junction table); none when it has no such relationship. */
export function relationshipHops(schema: Schema, table: string, name: string): readonly Hop[] {
  const ofTable = tableRelationships(schema, table);
  // Own keys only: `constructor` or `__proto__` (a where hash's key, a policy's argument) is no relationship.
  return Object.hasOwn(ofTable, name) ? ofTable[name]! : [];
}

/** The hops of relationship `name` of `model` in its Zero schema. */
export function associationHops(model: ModelDefinition, name: string): readonly Hop[] {
  return relationshipHops(model.schema, model.table, name);
}

const schemaModels = new WeakMap<Schema, Map<string, ModelDefinition>>();

/** A model of `table` made from the schema alone (no config: no enums, scopes or configured relationships), made once. */
export function schemaModel(schema: Schema, table: string): ModelDefinition {
  let models = schemaModels.get(schema);
  if (!models) schemaModels.set(schema, (models = new Map()));
  let model = models.get(table);
  if (!model) models.set(table, (model = defineModel({ schema, table })));
  return model;
}

/**
 * The model at the end of relationship `name` of `model`: its configured model (with its enums, for casting values),
 * else one made from the schema.
 */
export function relatedModel(model: ModelDefinition, name: string): ModelDefinition {
  const configured = Object.hasOwn(model.relationships, name) ? model.relationships[name] : undefined;
  if (configured) return defineModel(configured());
  const hops = associationHops(model, name);
  return schemaModel(model.schema, hops[hops.length - 1]!.destSchema);
}
