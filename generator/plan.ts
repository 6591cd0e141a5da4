/**
 * Description -> per-model plans: which models can be generated, their Zero columns, relationships, scopes and
 * validations, and every note the report shows. Pure: emission (emit-*.ts) only formats what this decides.
 */
import { resolveAssociation, type Relationship } from './associations.ts';
import { zeroColumn, zeroDefault } from './columns.ts';
import type { AppDescription, ColumnDescription, DefaultScopeDescription, InheritanceDescription, ModelDescription } from './description.ts';
import { recordMember } from './member-names.ts';
import { enumClashes, enumDefinitions, enumModelNames, enumProblems, enumRecordMethods, type EnumConfig, type TakenNames } from '../runtime/core/enums.ts';
import { memberClashes } from '../runtime/core/member-names.ts';
import { pluralize } from '../runtime/core/inflect.ts';
import { DEPENDENTS, type Dependent } from '../runtime/core/config.ts';
import { modelNames, type ModelNames } from './names.ts';
import { planDefaultScope, planScope, type ScopeContext, type ScopePlan } from './scopes.ts';
import { planValidations, type ValidationPlan } from './validation-rules.ts';

/** One table of the Zero schema: its (base class) model's columns, and the relationships of every model on it. */
export interface TablePlan {
  model: ModelDescription;
  columns: Array<{ column: ColumnDescription; builder: string; type: string }>;
  relationships: Relationship[];
}

/** A model in the schema: its table, and its relationships (an STI subclass's are on its base class's table). */
interface SchemaModel {
  model: ModelDescription;
  table: TablePlan;
  relationships: Relationship[];
}

export interface ModelPlan {
  model: ModelDescription;
  names: ModelNames;
  /** Relationships whose target model is generated too (the config's `relationships`). */
  relationships: Relationship[];
  scopes: ScopePlan[];
  /** Rails' default scopes as the config's `defaultScope` (all of them translated), with the declarations it comes from. */
  defaultScope: { code: string; sources: DefaultScopeDescription[] } | null;
  validations: ValidationPlan;
  /** Literal Rails column defaults cast to the Zero type (the config's `defaults`), in column order. */
  defaults: Array<{ column: string; value: string | number | boolean }>;
  /** Columns named like a record member (`constructor`, `then`): in the config's `shadowedColumns`, read with `read_attribute`. */
  shadowedColumns: string[];
  /** The Zero columns records read by name (the shadowed ones left out), in schema order: the config's `columnGetters` and `columnCopy`. */
  recordColumns: string[];
  /** Defaults computed by the database (`-> { "now()" }`): Zero clients cannot apply them, the report lists them. */
  functionDefaults: Array<{ column: string; function: string }>;
  /** Rails' enums on Zero columns, as the config's `enums` takes them, in declaration order. */
  enums: Array<{ column: string; config: EnumConfig }>;
  /** Rails' `dependent:` of its has_many / has_one associations the runtime's destroy applies (the config's `dependents`). */
  dependents: Array<{ relationship: string; dependent: Dependent }>;
  /** Rails' `touch:` of its belongs_to associations (the config's `touches`). */
  touches: Array<{ relationship: string; touch: true | string }>;
  /** Rails' `counter_cache:` of its belongs_to associations, each as the parent's column (the config's `counterCaches`). */
  counterCaches: Array<{ relationship: string; column: string }>;
  /** A single-table-inheritance subclass's type condition (the config's `inheritance`); null for a base class. */
  inheritance: { column: string; types: string[] } | null;
}

export interface Note {
  model: string;
  message: string;
}

export interface AppPlan {
  tables: TablePlan[];
  models: ModelPlan[];
  skippedModels: Array<{ className: string; file: string; reason: string }>;
  notes: Note[];
}

const SKIP_REASONS: Record<string, string> = {
  abstract: 'abstract class',
  missing_table: 'its table does not exist',
};

export async function planApp(description: AppDescription): Promise<AppPlan> {
  const notes: Note[] = [];
  const skippedModels = description.skipped.map((s) => ({ className: s.class_name, file: s.file, reason: SKIP_REASONS[s.reason] ?? s.reason }));
  const inSchema = new Map<string, ModelDescription>();
  const byName = (a: ModelDescription, b: ModelDescription) => (a.class_name < b.class_name ? -1 : a.class_name > b.class_name ? 1 : 0);
  const sorted = [...description.models].sort(byName);
  // Base classes first: an STI subclass is in the schema only on its base class's table.
  for (const model of [...sorted.filter((m) => !m.inheritance), ...sorted.filter((m) => m.inheritance)]) {
    if (model.inheritance && !inSchema.has(model.inheritance.base_class)) {
      skippedModels.push({ className: model.class_name, file: model.file, reason: `its base class ${model.inheritance.base_class} is not generated (it reads that class's table)` });
      continue;
    }
    const key = model.columns.find((c) => c.name === model.primary_key);
    const keyType = key ? zeroColumn(model, key) : undefined;
    if (model.primary_key === null || !key) {
      skippedModels.push({ className: model.class_name, file: model.file, reason: 'no single-column primary key (Zero needs one)' });
    } else if (keyType && !keyType.ok) {
      // A table whose key the schema leaves out would not compile (nor load in Zero).
      skippedModels.push({ className: model.class_name, file: model.file, reason: `its primary key ${key.name}: ${keyType.reason}` });
    } else {
      inSchema.set(model.class_name, model);
      // Rails' default (bigint) key: the database numbers rows, a Zero client cannot (it writes first, offline too).
      if (!['string', 'text', 'uuid'].includes(key.type)) {
        notes.push({ model: model.class_name, message: `${key.name}: a primary key of type ${key.type} is not generated by create (Zero clients choose keys, and the runtime makes string ones): every create must give one` });
      }
    }
  }

  const tables: TablePlan[] = [];
  const schemaModels: SchemaModel[] = [];
  for (const model of inSchema.values()) {
    const base = model.inheritance ? tables.find((t) => t.model.class_name === model.inheritance!.base_class)! : undefined;
    const table: TablePlan = base ?? { model, columns: [], relationships: [] };
    if (!base) {
      tables.push(table);
      for (const column of model.columns) {
        const zero = zeroColumn(model, column);
        if (zero.ok) table.columns.push({ column, builder: zero.builder, type: zero.type });
        else notes.push({ model: model.class_name, message: `${column.name}: ${zero.reason}` });
      }
    }
    const relationships: Relationship[] = [];
    for (const association of model.associations) {
      const member = recordMember(association.name);
      const resolved = model.columns.some((c) => c.name === association.name)
        ? { ok: false as const, reason: 'a column has the same name' }
        : member
          ? { ok: false as const, reason: `'${association.name}' clashes with the member '${association.name}' of ${member}` }
          : resolveAssociation(model, association, inSchema);
      const shared = resolved.ok ? table.relationships.find((r) => r.name === association.name) : undefined;
      if (resolved.ok && shared && JSON.stringify(shared) !== JSON.stringify(resolved.relationship)) {
        // Zero's relationships are the table's: one name reads one way for every model of the table.
        notes.push({ model: model.class_name, message: `association ${association.name} has no Zero relationship: another model of ${model.table} has an association ${association.name} that reads other rows` });
      } else if (resolved.ok) {
        relationships.push(shared ?? resolved.relationship);
        if (!shared) table.relationships.push(resolved.relationship);
        if (resolved.note) notes.push({ model: model.class_name, message: `association ${association.name}: ${resolved.note}` });
      } else notes.push({ model: model.class_name, message: `association ${association.name} has no Zero relationship: ${resolved.reason}` });
    }
    schemaModels.push({ model, table, relationships });
    if (model.inheritance && !model.inheritance.column) {
      notes.push({ model: model.class_name, message: `reads every row of ${model.table}, as Rails does for a subclass of ${model.inheritance.base_class} whose table has no type column` });
    }
  }
  schemaModels.sort((a, b) => byName(a.model, b.model));

  const generated = new Set<string>();
  const stems = new Map<string, string>();
  for (const { model, table } of schemaModels) {
    const stem = modelNames(model).file;
    const owner = stems.get(stem);
    if (owner) {
      skippedModels.push({ className: model.class_name, file: model.file, reason: `its files would be named like ${owner}'s (${stem}.*.ts)` });
      continue;
    }
    stems.set(stem, model.class_name);
    // `$` names are the reactive records' state (`$loading`, `$error`): a column there could never be read.
    const clashes = table.columns.map((c) => c.column.name).filter((name) => name.startsWith('$'));
    if (clashes.length > 0) {
      skippedModels.push({
        className: model.class_name,
        file: model.file,
        reason: `column${clashes.length > 1 ? 's' : ''} ${clashes.map((c) => `'${c}'`).join(', ')} start${clashes.length > 1 ? '' : 's'} with '$', which records keep for their state (the table stays in the Zero schema)`,
      });
    } else generated.add(model.class_name);
  }

  const contexts = scopeContexts(schemaModels.filter((m) => generated.has(m.model.class_name)));
  const models: ModelPlan[] = [];
  for (const { model, table, relationships: resolved } of schemaModels) {
    if (!generated.has(model.class_name)) continue;
    const relationships = resolved.filter((r) => generated.has(r.target));
    const ctx = contexts.get(model.class_name)!;
    const scopes: ScopePlan[] = [];
    const scopeNames = new Map<string, string>();
    for (const scope of model.scopes) {
      const planned = await planScope(scope, ctx);
      const first = scopeNames.get(planned.name);
      // `active?` and a Rails scope literally named `active_p` would be one TypeScript name: the first keeps it.
      if (first !== undefined && planned.kind !== 'skipped') {
        scopes.push({ kind: 'skipped', scope, name: planned.name, reason: `'${scope.name}' is spelled '${planned.name}' in TypeScript, like the scope '${first}'` });
        continue;
      }
      if (planned.kind !== 'skipped') scopeNames.set(planned.name, scope.name);
      scopes.push(planned);
    }
    const defaultScopes = model.default_scopes ?? [];
    const plannedDefault = await planDefaultScope(defaultScopes, ctx);
    if (plannedDefault?.kind === 'noted') {
      notes.push({
        model: model.class_name,
        message: `default_scope is not applied (${plannedDefault.reason}): reads here show the rows it would hide (a soft delete's deleted rows too); put its conditions in the app's queries, or in a read policy on the server`,
      });
    }
    const defaultScope = plannedDefault?.kind === 'generated' ? { code: plannedDefault.code, sources: defaultScopes } : null;
    const shadowedColumns: string[] = [];
    for (const { column } of table.columns) {
      const member = recordMember(column.name);
      if (!member) continue;
      shadowedColumns.push(column.name);
      notes.push({ model: model.class_name, message: `${column.name}: named like the member '${column.name}' of ${member}; records read it with read_attribute(${JSON.stringify(column.name)})` });
    }
    const validations = planValidations(model);
    for (const message of validations.notes) notes.push({ model: model.class_name, message: `validation ${message}` });
    const touches: ModelPlan['touches'] = [];
    const counterCaches: ModelPlan['counterCaches'] = [];
    for (const association of model.associations) {
      // What Rails does to the parent when this record is written: touch: and counter_cache: become the config's
      // touches and counterCaches; one the runtime cannot apply is said rather than dropped.
      const parent = association.class_name ?? association.name;
      const relationship = relationships.find((r) => r.name === association.name);
      const unread = association.counter_cache_unread;
      if (association.counter_cache) {
        // Rails counts in the parent the key names, whatever the association's scope (its counter_cache_target is unscoped).
        const column = schemaModels.find((m) => m.model.class_name === relationship?.target)?.table.columns.find((c) => c.column.name === association.counter_cache);
        const why = association.macro !== 'belongs_to' || !relationship || relationship.hops.length !== 1
          ? 'its relationship is not generated'
          : !column
            ? `${parent} has no Zero column ${association.counter_cache}`
            : column.type !== 'number'
              ? `${parent}.${association.counter_cache} is not a number column`
              : undefined;
        if (why !== undefined) {
          notes.push({ model: model.class_name, message: `${association.name}: counter_cache is not kept (${why}): create and destroy here leave ${parent}.${association.counter_cache} as it is (Rails' writes, or a database trigger, must keep it)` });
        } else {
          counterCaches.push({ relationship: association.name, column: association.counter_cache });
          if (unread) notes.push({ model: model.class_name, message: `${association.name}: ${unread}: ${parent}.${association.counter_cache} is kept all the same, as Rails keeps it` });
        }
      } else if (unread) {
        notes.push({ model: model.class_name, message: `${association.name}: counter_cache is not kept (${unread}): create and destroy here leave ${parent}'s count as it is` });
      }
      if (association.touch) {
        if (association.macro === 'belongs_to' && relationship && relationship.hops.length === 1 && !association.scoped) {
          touches.push({ relationship: association.name, touch: association.touch });
        } else {
          const why = association.scoped ? 'the association scope (the lambda) would not narrow which parent is touched' : 'its relationship is not generated';
          notes.push({ model: model.class_name, message: `${association.name}: touch is not applied (${why}): writes here leave ${parent} as it is` });
        }
      }
    }
    const dependents: ModelPlan['dependents'] = [];
    for (const association of model.associations) {
      if (!association.dependent) continue;
      const relationship = relationships.find((r) => r.name === association.name);
      const applied = (DEPENDENTS as readonly string[]).includes(association.dependent) ? (association.dependent as Dependent) : undefined;
      // The runtime's destroy applies it to a has_many / has_one read in one hop; Rails' others are said, not dropped.
      const why = !relationship
        ? 'its relationship is not generated'
        : association.scoped
          ? 'the association scope (the lambda) would not narrow it: destroy would act on every associated row'
          : association.macro === 'belongs_to'
          ? 'a belongs_to dependent is not applied'
          : relationship.hops.length > 1
            ? 'a has_many :through dependent (the join rows) is not applied'
            : !applied
              ? `:${association.dependent} is not one the runtime applies (${DEPENDENTS.join(', ')})`
              : undefined;
      if (why === undefined && applied) dependents.push({ relationship: association.name, dependent: applied });
      else {
        notes.push({
          model: model.class_name,
          message: `${association.name}: dependent: :${association.dependent} is not applied (${why}): destroy() leaves its ${association.name}; handle them first, or let the database's foreign key (ON DELETE CASCADE / SET NULL) do it`,
        });
      }
    }
    const defaults: ModelPlan['defaults'] = [];
    const functionDefaults: ModelPlan['functionDefaults'] = [];
    for (const { column } of table.columns) {
      if (column.default_function !== null) functionDefaults.push({ column: column.name, function: column.default_function });
      if (column.default === null) continue;
      const cast = zeroDefault(model, column);
      if (cast.ok) defaults.push({ column: column.name, value: cast.value });
      else notes.push({ model: model.class_name, message: `${column.name}: ${cast.reason}` });
    }
    const recordColumns = table.columns.map((c) => c.column.name).filter((name) => !shadowedColumns.includes(name));
    const enums = planEnums(model, table, { columns: table.columns.map((c) => c.column.name), relationships: relationships.map((r) => r.name) }, notes);
    models.push({ model, names: modelNames(model), relationships, scopes, defaultScope, validations, defaults, shadowedColumns, recordColumns, functionDefaults, enums, dependents, touches, counterCaches, inheritance: typeCondition(model.inheritance) });
  }
  // A hand-written scope an STI subclass inherits is the one its generated parent's scopes file implements, written once.
  for (const plan of models) {
    for (const scope of plan.scopes) {
      if (scope.kind !== 'custom' || scope.scope.file === undefined) continue;
      const parent = models.find((m) => m.model.file === scope.scope.file && m.scopes.some((s) => s.kind === 'custom' && s.name === scope.name && s.scope.file === undefined));
      if (parent) scope.from = parent.model.class_name;
    }
  }
  return { tables, models, skippedModels, notes };
}

/**
 * Each generated model's scope context by class name, its relationships (those to generated models: the config's) leading
 * to their targets' contexts, so a scope's joins and joined-table conditions are checked against the model they reach.
 */
function scopeContexts(models: readonly SchemaModel[]): Map<string, ScopeContext & { relationships: Map<string, ScopeContext> }> {
  const contexts = new Map(
    models.map(({ model, table }) => {
      const valueTypes = new Map<string, string>();
      for (const { column } of table.columns) {
        const zero = zeroColumn(model, column);
        if (zero.ok) valueTypes.set(column.name, zero.valueType);
      }
      return [model.class_name, { model, valueTypes, relationships: new Map<string, ScopeContext>() }];
    }),
  );
  for (const { model, relationships } of models) {
    for (const relationship of relationships) {
      const target = contexts.get(relationship.target);
      if (target) contexts.get(model.class_name)!.relationships.set(relationship.name, target);
    }
  }
  return contexts;
}

/** The config's `inheritance` of an STI subclass: its type condition (none without a type column: it reads every row). */
function typeCondition(inheritance: InheritanceDescription | undefined): ModelPlan['inheritance'] {
  return inheritance?.column ? { column: inheritance.column, types: inheritance.types } : null;
}

/**
 * The model's enums as the runtime takes them, each checked as the runtime checks a config (so a generated model always
 * loads): one that would define a name twice, or a name the runtime keeps, is left out with a note, as Rails refuses it.
 */
function planEnums(model: ModelDescription, table: TablePlan, taken: TakenNames, notes: Note[]): ModelPlan['enums'] {
  const columnTypes = Object.fromEntries(table.columns.map(({ column, type }) => [column.name, type]));
  const accepted: Record<string, EnumConfig> = {};
  const planned: ModelPlan['enums'] = [];
  for (const description of model.enums) {
    if (!Object.hasOwn(columnTypes, description.name)) continue; // its column is left out of the Zero schema (noted there)
    const config: EnumConfig = {
      values: description.values,
      ...(description.prefix !== null && { prefix: description.prefix }),
      ...(description.suffix !== null && { suffix: description.suffix }),
      ...(!description.scopes && { scopes: false }),
      ...(!description.instance_methods && { instanceMethods: false }),
      ...(description.validate && { validate: true }),
      mapping: pluralize(description.name),
    };
    const trial = { ...accepted, [description.name]: config };
    let problems = enumProblems(trial, columnTypes);
    if (problems.length === 0) {
      const definitions = enumDefinitions(trial);
      const own = { [description.name]: definitions[description.name]! };
      problems = [
        ...enumClashes(definitions, taken),
        ...memberClashes({ scopes: [], enumNames: enumModelNames(own), columns: [], relationships: [], recordMethods: enumRecordMethods(own).map(({ name }) => name), shadowedColumns: [] }),
      ];
    }
    if (problems.length > 0) {
      notes.push({ model: model.class_name, message: `enum ${description.name} has no scopes or methods: ${problems.join('; ')}` });
      continue;
    }
    accepted[description.name] = config;
    planned.push({ column: description.name, config });
  }
  return planned;
}
