/**
 * The one Zero schema module: tables (columns, enums as string unions, primary keys), relationships, and the row types.
 */
import type { Hop } from './associations.ts';
import { commentText, key, str, tableVariable } from './names.ts';
import type { AppPlan } from './plan.ts';

export function emitSchema(plan: AppPlan, zeroImport: string, legacySync: boolean): string {
  const variables = uniqueVariables(plan.tables.map((t) => t.model.table));
  const lines: string[] = [`import * as z from ${str(zeroImport)};`, ''];
  for (const table of plan.tables) {
    const { model } = table;
    lines.push(`/** Rails table ${commentText(str(model.table))} (${commentText(model.class_name)}, ${commentText(model.file)}). */`);
    lines.push(`const ${variables.get(model.table)} = z`, `  .table(${str(model.table)})`, '  .columns({');
    for (const { column, builder } of table.columns) {
      const doc = column.default !== null ? `Rails default: ${JSON.stringify(column.default)}` : column.default_function ? `Rails default: ${column.default_function}` : '';
      if (doc) lines.push(`    /** ${commentText(doc).replace(/\n/g, ' ')} */`);
      lines.push(`    ${key(column.name)}: ${builder},`);
    }
    lines.push('  })', `  .primaryKey(${str(model.primary_key!)});`, '');
  }
  const withRelationships = plan.tables.filter((t) => t.relationships.length > 0);
  for (const table of withRelationships) {
    const variable = variables.get(table.model.table)!;
    const used = new Set(table.relationships.map((r) => r.cardinality));
    lines.push(`const ${variable}Relationships = z.relationships(${variable}, ({ ${[...used].sort().join(', ')} }) => ({`);
    for (const relationship of table.relationships) {
      const hops = relationship.hops.map((hop) => hopLiteral(hop, variables)).join(', ');
      lines.push(`  ${key(relationship.name)}: ${relationship.cardinality}(${hops}),`);
    }
    lines.push('}));', '');
  }
  lines.push(
    'export const schema = z.createSchema({',
    `  tables: [${plan.tables.map((t) => variables.get(t.model.table)).join(', ')}],`,
    `  relationships: [${withRelationships.map((t) => `${variables.get(t.model.table)}Relationships`).join(', ')}],`,
    ...(legacySync ? ['  // --legacy-sync: ad-hoc z.query reads and CRUD mutators (zero-cache legacy permissions).', '  enableLegacyQueries: true,', '  enableLegacyMutators: true,'] : []),
    '});',
    '',
    // A Rails model named Schema takes the name for its row type.
    ...(plan.models.some((m) => m.names.type === 'Schema') ? [] : ['export type Schema = typeof schema;', '']),
  );
  for (const model of plan.models) {
    lines.push(`/** A ${commentText(model.model.class_name)} row as Zero returns it (timestamps and dates as epoch milliseconds). */`);
    lines.push(`export type ${model.names.type} = z.Row<(typeof schema)['tables'][${str(model.model.table)}]>;`);
  }
  return lines.join('\n') + '\n';
}

function hopLiteral(hop: Hop, variables: Map<string, string>): string {
  return `{ sourceField: [${str(hop.sourceField)}], destField: [${str(hop.destField)}], destSchema: ${variables.get(hop.destTable)} }`;
}

/** Table name -> a distinct variable name. */
function uniqueVariables(tables: string[]): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Set<string>();
  for (const table of tables) {
    let name = tableVariable(table);
    for (let i = 2; used.has(name); i++) name = `${tableVariable(table)}${i}`;
    used.add(name);
    result.set(table, name);
  }
  return result;
}
