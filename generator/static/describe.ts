/**
 * The static path: describes a Rails app from `db/schema.rb` and `app/models/**\/*.rb` without Ruby,
 * producing the same JSON as the Ruby describer (rails/lib/zero_record/describer.rb).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { AppDescription, AssociationDescription, DefaultScopeDescription, InheritanceDescription, ModelDescription, SkipReason, SkippedModel } from '../description.ts';
import { GeneratorInputError } from '../errors.ts';
import { camelize, demodulize, pluralize, singularize, tableize, underscore } from '../../runtime/core/inflect.ts';
import { belongsToOptional, readModels, type ModelSource, type RawAssociation } from './model-rb.ts';
import { DefNode, ModuleNode, SelfNode, StatementsNode, StringNode, type Node } from '@ruby/prism/src/nodes.js';
import { isRubyHash, parseRuby, type RubySource } from './ruby-ast.ts';
import { RAILS_TASK } from '../source-notes.ts';
import { readSchema, type TableSchema } from './schema-rb.ts';

const BASES = new Set(['ActiveRecord::Base', 'ApplicationRecord']);

/** Describes the Rails app at `root` (needs `db/schema.rb` and `app/models/`). */
export async function describeRailsApp(root: string): Promise<AppDescription> {
  const schemaPath = join(root, 'db', 'schema.rb');
  const modelsDir = join(root, 'app', 'models');
  const problems: string[] = [];
  const schemaText = await readFile(schemaPath, 'utf8').catch(() => {
    problems.push(`${schemaPath} is missing: run bin/rails db:schema:dump (structure.sql apps: use the rake task instead)`);
    return null;
  });
  const files = await rubyFiles(modelsDir).catch(() => {
    problems.push(`${modelsDir} is missing: point --from at the Rails app root`);
    return [];
  });
  if (problems.length > 0) throw new GeneratorInputError(`Cannot read the Rails app at ${root}`, problems);

  const tables = readSchema(await parseRuby('db/schema.rb', schemaText!));
  const sources: ModelSource[] = [];
  const prefixes = new Map<string, string>();
  for (const file of files) {
    const rel = relative(root, file).split(sep).join('/');
    const src = await parseRuby(rel, await readFile(file, 'utf8'));
    sources.push(...readModels(src, rel));
    for (const [module, prefix] of tableNamePrefixes(src)) prefixes.set(module, prefix);
  }
  return describeSources(sources, tables, prefixes);
}

/**
 * Each module's `def self.table_name_prefix` returning a literal (what `rails g model billing/invoice` writes in
 * app/models/billing.rb), by the module's full name (`Billing`, `Admin::Billing`).
 */
function tableNamePrefixes(src: RubySource): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const visit = (statements: Node | null, namespace: string) => {
    if (!(statements instanceof StatementsNode)) return;
    for (const node of statements.body) {
      if (!(node instanceof ModuleNode)) continue;
      const name = `${namespace}${src.text(node.constantPath)}`;
      const body = node.body instanceof StatementsNode ? node.body.body : [];
      for (const def of body) {
        if (!(def instanceof DefNode) || def.name !== 'table_name_prefix' || !(def.receiver instanceof SelfNode)) continue;
        const value = def.body instanceof StatementsNode ? def.body.body.at(-1) : def.body;
        if (value instanceof StringNode) found.push([name, value.unescaped.value]);
      }
      visit(node.body, `${name}::`);
    }
  };
  visit(src.program.statements, '');
  return found;
}

async function rubyFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.rb'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Resolves classes into models the way Active Record does: inheritance, table names, association defaults. */
/** `prefixes`: a namespace module's `table_name_prefix` (`Billing` -> `billing_`), which Rails puts before its models' table names. */
export function describeSources(sources: ModelSource[], tables: Map<string, TableSchema>, prefixes: ReadonlyMap<string, string> = new Map()): AppDescription {
  const byName = new Map<string, ModelSource>();
  for (const source of sources) if (!byName.has(source.className)) byName.set(source.className, source);
  const isModel = (name: string | null, seen = new Set<string>()): boolean => {
    if (name === null || seen.has(name)) return false;
    if (name === 'ActiveRecord::Base') return true;
    seen.add(name);
    return isModel(byName.get(name)?.superclass ?? null, seen);
  };
  const models = [...byName.values()].filter((m) => isModel(m.superclass) || BASES.has(m.className) && m.abstract);
  // Rails' single-table inheritance: a model class under another one that is not abstract is its subclass, on its table.
  const stiParent = (m: ModelSource): ModelSource | undefined => {
    const parent = m.superclass !== null ? byName.get(m.superclass) : undefined;
    return parent && !parent.abstract && models.includes(parent) ? parent : undefined;
  };
  // Rails' compute_table_name: an STI subclass's is its parent's; under a model class, that class's singular table name
  // and `_` (`Thing::Part` -> thing_parts); else the innermost module's `table_name_prefix` (`Billing::Invoice` ->
  // billing_invoices), then the class's own.
  const tableOf = (m: ModelSource): string => {
    if (m.tableName) return m.tableName;
    const parent = stiParent(m);
    if (parent) return tableOf(parent);
    const parts = m.className.split('::');
    const own = tableize(demodulize(m.className));
    for (let i = parts.length - 1; i > 0; i--) {
      const outer = parts.slice(0, i).join('::');
      const parent = byName.get(outer);
      if (parent && isModel(parent.superclass) && !parent.abstract) return `${singularize(tableOf(parent))}_${own}`;
      const prefix = prefixes.get(outer);
      if (prefix !== undefined) return `${prefix}${own}`;
    }
    return own;
  };
  // What an STI subclass has of its parent's, as the class it is.
  const effective = new Map<ModelSource, ModelSource>();
  const resolved = (m: ModelSource): ModelSource => {
    const parent = stiParent(m);
    if (!parent) return m;
    let merged = effective.get(m);
    if (!merged) effective.set(m, (merged = inherit(resolved(parent), m)));
    return merged;
  };
  const primaryKeyOf = (m: ModelSource) => resolved(m).primaryKey ?? tables.get(tableOf(m))?.primaryKey ?? null;
  // The class each association is declared in: Rails derives its foreign key and counter cache column from that name.
  const declaredIn = new Map(sources.flatMap((source) => source.associations.map((a) => [a, source] as const)));

  const described: ModelDescription[] = [];
  const skipped: SkippedModel[] = [];
  for (const model of models.sort((a, b) => (a.className < b.className ? -1 : a.className > b.className ? 1 : 0))) {
    const reason = skipReason(model, tables, tableOf);
    if (reason) {
      skipped.push({ class_name: model.className, file: model.file, reason });
      continue;
    }
    const table = tables.get(tableOf(model))!;
    const own = resolved(model);
    const inheritance = stiParent(model) && inheritanceOf(model, table, stiParent, models);
    described.push({
      class_name: model.className,
      table: table.name,
      primary_key: primaryKeyOf(model),
      file: model.file,
      // The model's own default (an enum's `default:`) wins over the column's, as in Rails.
      columns: table.columns.map((c) => (own.attributeDefaults.has(c.name) ? { ...c, default: own.attributeDefaults.get(c.name)!, default_function: null } : c)),
      enums: own.enums,
      associations: own.associations.map((a) => association(own, a, byName, primaryKeyOf, declaredIn.get(a) ?? model)),
      validations: Object.fromEntries(own.validations),
      scopes: own.scopes,
      default_scopes: inheritedDefaultScopes(model, byName),
      ...(inheritance && { inheritance }),
    });
  }
  return { version: 2, models: described, skipped };
}

/**
 * Rails' default scopes of a model: its parent classes' (an abstract base's), outermost first, then its own, as the
 * class attribute Rails appends to. A concern's are not read here (source-notes names the concern).
 */
function inheritedDefaultScopes(model: ModelSource, byName: ReadonlyMap<string, ModelSource>, seen = new Set<string>()): DefaultScopeDescription[] {
  seen.add(model.className);
  const parent = model.superclass !== null && !seen.has(model.superclass) ? byName.get(model.superclass) : undefined;
  return [...(parent ? inheritedDefaultScopes(parent, byName, seen) : []), ...model.defaultScopes];
}

/**
 * An STI subclass as Rails has it: its parent's associations, enums, attribute defaults, validations and scopes (each
 * declared again in the subclass replacing the parent's in place), then its own; its parent's table and key settings.
 */
function inherit(parent: ModelSource, own: ModelSource): ModelSource {
  const byName = <T extends { name: string }>(inherited: readonly T[], declared: readonly T[]): T[] => [
    ...inherited.map((item) => declared.find((d) => d.name === item.name) ?? item),
    ...declared.filter((d) => !inherited.some((item) => item.name === d.name)),
  ];
  const validations = new Map([...parent.validations].map(([attribute, rules]) => [attribute, [...rules, ...(own.validations.get(attribute) ?? [])]]));
  for (const [attribute, rules] of own.validations) if (!validations.has(attribute)) validations.set(attribute, rules);
  return {
    ...own,
    tableName: own.tableName ?? parent.tableName,
    primaryKey: own.primaryKey ?? parent.primaryKey,
    inheritanceColumn: own.inheritanceColumn ?? parent.inheritanceColumn,
    associations: byName(parent.associations, own.associations),
    enums: byName(parent.enums, own.enums),
    attributeDefaults: new Map([...parent.attributeDefaults, ...own.attributeDefaults]),
    validations,
    // A scope read from the parent's file says so (its line is there).
    scopes: byName(parent.file === own.file ? parent.scopes : parent.scopes.map((scope) => ({ ...scope, file: scope.file ?? parent.file })), own.scopes),
  };
}

/**
 * An STI subclass's type condition: the inheritance column (`type` unless a class sets another) and its class name
 * with its descendants' (Rails' `sti_name`, the full class name by default). Without that column in the table, Rails
 * reads every row for it, as for its base class.
 */
function inheritanceOf(model: ModelSource, table: TableSchema, stiParent: (m: ModelSource) => ModelSource | undefined, models: readonly ModelSource[]): InheritanceDescription {
  const chain: ModelSource[] = [];
  for (let m: ModelSource | undefined = model; m; m = stiParent(m)) chain.push(m);
  const column = chain.find((m) => m.inheritanceColumn !== null)?.inheritanceColumn ?? 'type';
  const base = chain.at(-1)!.className;
  if (!table.columns.some((c) => c.name === column)) return { base_class: base, column: null, types: [] };
  const descends = (m: ModelSource): boolean => {
    const parent = stiParent(m);
    return parent !== undefined && (parent === model || descends(parent));
  };
  return { base_class: base, column, types: [model.className, ...models.filter(descends).map((m) => m.className).sort()] };
}

function skipReason(model: ModelSource, tables: Map<string, TableSchema>, tableOf: (m: ModelSource) => string): SkipReason | null {
  if (model.abstract) return 'abstract';
  if (!tables.has(tableOf(model))) return 'missing_table';
  return null;
}

function option(a: RawAssociation, key: string): string | null {
  const value = a.options.get(key);
  return typeof value === 'string' ? value : null;
}

/**
 * A belongs_to's `counter_cache:` as Rails 7.2 reads it: the parent's column it keeps (Rails' `comments_count` for `true`
 * or a hash without `column:`, else the name given, or `{ column: name }`'s) and what of it this path cannot read.
 * `active: false` needs no reading: Rails' writes keep such a count as any other (only its size / any? / empty? do not
 * read it), and the runtime's writes keep it while no read of the runtime uses it.
 */
function counterCache(owner: ModelSource, a: RawAssociation): Pick<AssociationDescription, 'counter_cache' | 'counter_cache_unread'> {
  const given = a.options.get('counter_cache');
  if (a.macro !== 'belongs_to' || given === undefined || given === null || given === false) return { counter_cache: null };
  const own = `${pluralize(underscore(demodulize(owner.className)))}_count`;
  if (given === true) return { counter_cache: own };
  if (typeof given === 'string') return { counter_cache: given };
  if (!isRubyHash(given)) return { counter_cache: null, counter_cache_unread: `counter_cache: is not a value the static path reads (true, a name or a hash); ${RAILS_TASK}` };
  const column = given.column ?? null;
  if (column !== null && typeof column !== 'string') return { counter_cache: null, counter_cache_unread: `counter_cache: { column: } is not a name the static path reads; ${RAILS_TASK}` };
  const ignored = Object.keys(given).filter((key) => key !== 'column' && key !== 'active');
  return {
    counter_cache: column ?? own,
    ...(ignored.length > 0 && { counter_cache_unread: `counter_cache: { ${ignored.map((k) => `${k}:`).join(', ')} } is not read (Rails reads column: and active:)` }),
  };
}

/** Rails' derive_class_name: singular for collections, camelized. */
function ownClassName(a: RawAssociation): string | null {
  if (a.options.get('polymorphic') === true) return null;
  return option(a, 'class_name') ?? camelize(a.macro === 'has_many' || a.macro === 'has_and_belongs_to_many' ? singularize(a.name) : a.name);
}

/** `owner`'s association `a`, declared in `declaredIn` (owner itself, or the STI parent it inherits it from). */
function association(
  owner: ModelSource,
  a: RawAssociation,
  byName: Map<string, ModelSource>,
  primaryKeyOf: (m: ModelSource) => string | null,
  declaredIn: ModelSource,
): AssociationDescription {
  const through = option(a, 'through');
  const as = option(a, 'as');
  const polymorphic = a.options.get('polymorphic') === true;
  // Rails leaves only `optional` in the options.
  const optional = belongsToOptional(a);
  // Keys in the Ruby describer's order, so both JSON files are byte-comparable.
  const described = (fields: Pick<AssociationDescription, 'class_name' | 'foreign_key' | 'primary_key' | 'through' | 'source'>) => ({
    name: a.name,
    macro: a.macro,
    ...fields,
    as,
    polymorphic,
    optional: typeof optional === 'boolean' ? optional : null,
    dependent: option(a, 'dependent'),
    ...counterCache(declaredIn, a),
    touch: a.options.get('touch') === true ? (true as const) : option(a, 'touch'),
    scoped: a.scoped,
  });
  if (through) {
    const source = sourceAssociation(owner, a, through, byName);
    return described({
      class_name: option(a, 'class_name') ?? (source ? ownClassName(source) : null),
      foreign_key: null,
      primary_key: null,
      through,
      source: source?.name ?? null,
    });
  }
  const ownerName = demodulize(declaredIn.className);
  const className = ownClassName(a);
  const foreignKey =
    option(a, 'foreign_key') ?? (a.macro === 'belongs_to' ? `${a.name}_id` : as ? `${as}_id` : `${underscore(ownerName)}_id`);
  let primaryKey = option(a, 'primary_key');
  if (primaryKey === null) {
    if (a.macro !== 'belongs_to') primaryKey = primaryKeyOf(owner);
    else if (!polymorphic) {
      const target = className ? byName.get(className) : undefined;
      primaryKey = (target && primaryKeyOf(target)) ?? 'id';
    }
  }
  return described({ class_name: className, foreign_key: foreignKey, primary_key: primaryKey, through: null, source: null });
}

/** Rails' source_reflection: `source:` or the singular / plural name on the through model. */
function sourceAssociation(owner: ModelSource, a: RawAssociation, through: string, byName: Map<string, ModelSource>): RawAssociation | null {
  const throughAssociation = owner.associations.find((x) => x.name === through);
  const throughClass = throughAssociation ? ownClassName(throughAssociation) : null;
  const throughModel = throughClass ? byName.get(throughClass) : undefined;
  if (!throughModel) return null;
  const explicit = option(a, 'source');
  const names = explicit ? [explicit] : [...new Set([singularize(a.name), a.name])];
  for (const name of names) {
    const found = throughModel.associations.find((x) => x.name === name);
    if (found) return found;
  }
  return null;
}
