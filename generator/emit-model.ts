/**
 * Per model: the shared config module (the single `defineModel` both flavours import), the two flavour modules,
 * and the once-only stub for scopes the app implements by hand.
 */
import { commentText, key, paramName, sibling, str, type ModelNames } from './names.ts';
import type { ModelPlan } from './plan.ts';
import type { EnumConfig } from '../runtime/core/enums.ts';
import type { ScopePlan } from './scopes.ts';

export interface Imports {
  runtime: string;
  reactive: string;
  extension: string;
  /** Modern Zero (not `--legacy-sync`): each model reads through its named relation query in `queries.ts`. */
  namedQueries: boolean;
}

type Custom = Extract<ScopePlan, { kind: 'custom' }>;

function doc(lines: string[], indent: string): string[] {
  const body = lines.flatMap((l) => commentText(l).split('\n'));
  return [`${indent}/**`, ...body.map((l) => `${indent} * ${l}`.trimEnd()), `${indent} */`];
}

function railsScope(scope: ScopePlan['scope'], file: string): string {
  return `Rails (${file}:${scope.line}): scope :${scope.name}, ${scope.source}`;
}

export function emitConfig(plan: ModelPlan, byClass: ReadonlyMap<string, ModelNames>, imports: Imports): string {
  const { model, names } = plan;
  const custom = plan.scopes.filter((s): s is Custom => s.kind === 'custom');
  // Whose scopes file each hand-written scope is in: this model's, or the STI parent's that declares it.
  const implementedIn = (scope: Custom): ModelNames => (scope.from === undefined ? names : byClass.get(scope.from)!);
  const targets = [...new Set(plan.relationships.map((r) => r.target))].filter((t) => t !== model.class_name).sort();
  const getters = plan.recordColumns.length > 0;
  const runtimeImports = [...(getters ? ['RECORD_VALUES', 'defineColumnCopy', 'defineColumnGetters'] : []), 'defineModel', ...(plan.relationships.length > 0 ? ['type ModelDefinition'] : [])];
  const lines = [`import { ${runtimeImports.join(', ')} } from ${str(imports.runtime)};`];
  lines.push(`import { schema } from ${str(sibling('schema', imports.extension))};`);
  if (imports.namedQueries) lines.push(`import { queries } from ${str(sibling('queries', imports.extension))};`);
  for (const target of targets) {
    const t = byClass.get(target)!;
    lines.push(`import { ${t.config} } from ${str(sibling(`${t.file}.config`, imports.extension))};`);
  }
  for (const n of [...new Set(custom.map(implementedIn))]) lines.push(`import { ${n.scopes} } from ${str(sibling(`${n.file}.scopes`, imports.extension))};`);
  lines.push('', ...doc([`${model.class_name} (${model.file}) over the Zero table ${str(model.table)}.`], ''));
  lines.push(`export const ${names.config} = defineModel({`, '  schema,', `  table: ${str(model.table)},`, `  className: ${str(names.type)},`);
  lines.push(`  primaryKey: ${str(model.primary_key!)},`);
  if (imports.namedQueries) lines.push(`  query: queries.${names.key}.relation,`, `  find: queries.${names.key}.find,`);
  if (plan.inheritance) {
    const { column, types } = plan.inheritance;
    lines.push(
      ...doc([`Rails' single-table inheritance (a subclass of ${model.inheritance!.base_class}): reads the rows whose ${column} is one of these; new records take the first.`], '  '),
      `  inheritance: { column: ${str(column)}, types: [${types.map(str).join(', ')}] },`,
    );
  }
  const scopes = plan.scopes.filter((s) => s.kind !== 'skipped');
  if (scopes.length > 0) {
    lines.push('  scopes: {');
    for (const scope of scopes) {
      lines.push(...doc([railsScope(scope.scope, scope.scope.file ?? model.file)], '    '));
      // A hand-written scope missing from the app's file is a type error here, never a silent drop.
      lines.push(`    ${key(scope.name)}: ${scope.kind === 'generated' ? scope.code : `${implementedIn(scope).scopes}[${str(scope.name)}]`},`);
    }
    lines.push('  },');
  }
  if (plan.defaultScope) {
    lines.push(...doc(plan.defaultScope.sources.map((d) => `Rails (${d.file}:${d.line}): ${d.source}`), '  '));
    lines.push(`  defaultScope: ${plan.defaultScope.code},`);
  }
  if (plan.enums.length > 0) {
    // Rails' enums: the runtime derives their scopes, `<label>_p()` / `<label>_bang()` and the mapping from these.
    lines.push('  enums: {');
    for (const { column, config } of plan.enums) lines.push(`    ${key(column)}: ${enumSource(config)},`);
    lines.push('  },');
  }
  if (plan.shadowedColumns.length > 0) {
    // Named like a record member: the member keeps the name, records read these with read_attribute('name').
    lines.push(`  shadowedColumns: [${plan.shadowedColumns.map(str).join(', ')}],`);
  }
  if (plan.relationships.length > 0) {
    lines.push('  relationships: {');
    for (const relationship of plan.relationships) {
      const target = relationship.target === model.class_name ? names.config : byClass.get(relationship.target)!.config;
      // The annotation breaks the type cycle between models that refer to each other.
      lines.push(`    ${key(relationship.name)}: (): ModelDefinition => ${target},`);
    }
    lines.push('  },');
  }
  if (plan.dependents.length > 0) {
    // Rails' dependent: options: destroy() applies them to the associated rows before deleting the record's own.
    lines.push('  dependents: {');
    for (const { relationship, dependent } of plan.dependents) lines.push(`    ${key(relationship)}: ${str(dependent)},`);
    lines.push('  },');
  }
  if (plan.touches.length > 0) {
    // Rails' belongs_to touch:: writes of this record set the parent's updated_at (and the column named).
    lines.push('  touches: {');
    for (const { relationship, touch } of plan.touches) lines.push(`    ${key(relationship)}: ${touch === true ? 'true' : str(touch)},`);
    lines.push('  },');
  }
  if (plan.counterCaches.length > 0) {
    // Rails' belongs_to counter_cache:: creating, destroying or moving this record counts in the parent's column.
    lines.push('  counterCaches: {');
    for (const { relationship, column } of plan.counterCaches) lines.push(`    ${key(relationship)}: ${str(column)},`);
    lines.push('  },');
  }
  if (plan.defaults.length > 0) {
    // Rails column defaults: create applies them to attributes left out, as the database does for Rails.
    lines.push('  defaults: {');
    for (const { column, value } of plan.defaults) lines.push(`    ${key(column)}: ${typeof value === 'string' ? str(value) : String(value)},`);
    lines.push('  },');
  }
  if (plan.validations.rules.size > 0) {
    lines.push('  validations: {');
    for (const [column, rules] of plan.validations.rules) lines.push(`    ${key(column)}: [${rules.join(', ')}],`);
    lines.push('  },');
  }
  if (getters) {
    // Each getter names its column, so each column read keeps its own inline cache (the runtime's own getters share one).
    // A string-literal key is the same named load for V8, and stays valid under noPropertyAccessFromIndexSignature.
    lines.push('  columnGetters: defineColumnGetters({');
    for (const column of plan.recordColumns) lines.push(`    ${columnGetterSource(column)},`);
    lines.push('  }),');
    // The same for ActiveRecord records, whose columns are own properties: one named store and load per column.
    lines.push('  columnCopy: defineColumnCopy((record, row) => {');
    for (const column of plan.recordColumns) lines.push(`    ${columnCopySource(column)}`);
    lines.push('  }),');
  }
  lines.push('});');
  return lines.join('\n') + '\n';
}

/** One enum's config: `{ values: { draft: "draft" }, prefix: "status", mapping: "statuses" }`. */
function enumSource(config: EnumConfig): string {
  const literal = (value: string | number | boolean): string => (typeof value === 'string' ? str(value) : String(value));
  const values = Object.entries(config.values).map(([label, value]) => `${key(label)}: ${literal(value)}`);
  const options = Object.entries(config).filter(([name]) => name !== 'values').map(([name, value]) => `${name}: ${literal(value as string | boolean)}`);
  return `{ values: { ${values.join(', ')} }${options.map((option) => `, ${option}`).join('')} }`;
}

/** The generated getter of one record column (a member of the object `defineColumnGetters` takes). */
export function columnGetterSource(column: string): string {
  return `get ${key(column)}() { return this[RECORD_VALUES][${str(column)}]; }`;
}

/** The generated copy of one record column, from Zero's row onto an ActiveRecord record (a statement of `defineColumnCopy`'s function). */
export function columnCopySource(column: string): string {
  return `record[${str(column)}] = row[${str(column)}];`;
}

export function emitFlavour(plan: ModelPlan, flavour: 'active' | 'reactive', imports: Imports): string {
  const { names } = plan;
  const [factory, specifier, exported, blurb] =
    flavour === 'active'
      ? ['ActiveRecord', imports.runtime, names.active, 'plain TypeScript: async finders, plain records. Use it outside Svelte components.']
      : ['ReactiveRecord', imports.reactive, names.reactive, 'Svelte 5: synchronous, reactive finders. Use it in .svelte and .svelte.ts files only.'];
  return [
    `import { ${factory} } from ${str(specifier)};`,
    `import { ${names.config} } from ${str(sibling(`${names.file}.config`, imports.extension))};`,
    '',
    `export type { ${names.type} } from ${str(sibling('schema', imports.extension))};`,
    '',
    `/** ${commentText(plan.model.class_name)}, ${blurb} */`,
    `export const ${exported} = ${factory}.createModel(${names.config});`,
    '',
  ].join('\n');
}

/** Modern Zero's registry of named relation and find queries: register it on the query endpoint; each model config uses its entry. */
export function emitQueries(models: readonly ModelPlan[], imports: Imports): string {
  return [
    `import { defineRelationQueries } from ${str(imports.runtime)};`,
    `import { schema } from ${str(sibling('schema', imports.extension))};`,
    '',
    '/** Registry key -> table of every model (a query endpoint can build its own registry from it, e.g. with other caps). */',
    'export const relationTables = {',
    ...models.map((m) => `  ${key(m.names.key)}: ${str(m.model.table)},`),
    '} as const;',
    '',
    ...doc(
      [
        "Every model's named relation query (`queries.<model>.relation(spec)`) and find query (`queries.<model>.find(id)`,",
        "what `find(id)` sends: the bare key): the runtime sends reads as these, and the query endpoint answers them with the",
        "same definitions, ANDing in its read policies (`createServer({ policies })`).",
      ],
      '',
    ),
    'export const queries = defineRelationQueries(schema, relationTables);',
    '',
  ].join('\n');
}

/** The custom mutators: per model on modern Zero, the runtime's generic ones with `--legacy-sync`. Register them on `new Zero` and the push endpoint. */
export function emitMutators(models: readonly ModelPlan[], imports: Imports): string {
  if (!imports.namedQueries) return `export { recordMutators as mutators } from ${str(imports.runtime)};\n`;
  return [
    `import { defineModelMutators } from ${str(imports.runtime)};`,
    ...models.map((m) => `import { ${m.names.config} } from ${str(sibling(`${m.names.file}.config`, imports.extension))};`),
    '',
    ...doc(
      [
        "Each model's create / update / destroy / upsert: arguments checked against the columns and their types, and the",
        "model's Rails validations run against the stored row. Pass to new Zero({ mutators }) and to the push endpoint.",
      ],
      '',
    ),
    'export const mutators = defineModelMutators({',
    ...models.map((m) => `  ${key(m.names.key)}: ${m.names.config},`),
    '});',
    '',
  ].join('\n');
}

/** The app's hand-written scopes file, created once when missing: each scope throws until implemented. */
export function emitScopesStub(plan: ModelPlan, imports: Imports): string | null {
  const custom = plan.scopes.filter((s): s is Custom => s.kind === 'custom' && s.from === undefined);
  if (custom.length === 0) return null;
  const { model, names } = plan;
  const lines = [
    ...doc(
      [
        `Hand-written scopes of ${model.class_name} (${model.file}): the generator could not translate their Rails bodies.`,
        'This file is yours: zero-record created it once and never overwrites it. Each scope takes the relation and the',
        "scope's arguments and returns a relation (where, not, or, order, limit, offset, includes).",
      ],
      '',
    ),
    `import type { Relation } from ${str(imports.runtime)};`,
    '',
    `export const ${names.scopes} = {`,
  ];
  for (const { scope, name, reason } of custom) {
    const params = scope.params.map((p) => `${paramName(p.name, 'relation')}: unknown`);
    lines.push(...doc([railsScope(scope, scope.file ?? model.file), `Not translated: ${reason}.`], '  '));
    lines.push(`  ${key(name)}(relation: Relation${params.map((p) => `, ${p}`).join('')}): Relation {`);
    lines.push(`    throw new Error(${str(`${model.class_name}.${name} is not implemented yet: write it in ${names.file}.scopes.ts`)});`);
    lines.push('  },');
  }
  lines.push('};', '');
  return lines.join('\n');
}
