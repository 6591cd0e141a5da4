/**
 * Description JSON -> the generated files (contents only) and the report. Deterministic: same description and
 * options, same bytes. Writing and checking against the disk live in output.ts.
 */
import type { AppDescription } from './description.ts';
import { emitConfig, emitFlavour, emitMutators, emitQueries, emitScopesStub, type Imports } from './emit-model.ts';
import { emitSchema } from './emit-schema.ts';
import { withHeader } from './header.ts';
import type { ModelNames } from './names.ts';
import { planApp, type Note } from './plan.ts';

export interface GenerateOptions {
  /** Import specifier of the runtime root in generated files; default `zero-record`. */
  runtimeImport?: string;
  /** Import specifier of the Svelte flavour; default derived from runtimeImport (`zero-record/reactive`). */
  reactiveImport?: string;
  /** Import specifier of Zero; default `@rocicorp/zero`. */
  zeroImport?: string;
  /** Extension of relative imports between generated files: `` (default: `./schema`, what a stock SvelteKit tsconfig accepts), `.ts` or `.js`. */
  importExtension?: string;
  /**
   * Sets `enableLegacyQueries` and `enableLegacyMutators` on the generated schema: for apps on zero-cache's legacy
   * permissions / CRUD path (the runtime then writes through the CRUD mutators), and apps whose legacy code still uses `z.query`.
   */
  legacySync?: boolean;
}

export interface PlannedFile {
  /** Relative to the output directory. */
  path: string;
  content: string;
  /** `generated` files are owned by the generator; a `stub` is written only when missing and never overwritten. */
  kind: 'generated' | 'stub';
}

export interface CustomScopeEntry {
  model: string;
  scope: string;
  file: string;
  line: number;
  source: string;
  reason: string;
  implementIn: string;
}

export interface GenerationReport {
  models: Array<{ className: string; table: string; active: string; reactive: string; scopes: string[] }>;
  customScopes: CustomScopeEntry[];
  skippedScopes: Array<{ model: string; scope: string; reason: string }>;
  skippedModels: Array<{ className: string; file: string; reason: string }>;
  /** Column defaults the database computes (`-> { "now()" }`): not applied by `create` on the client. */
  functionDefaults: Array<{ model: string; column: string; function: string }>;
  notes: Note[];
}

export interface Generation {
  files: PlannedFile[];
  report: GenerationReport;
}

/** The reactive specifier that goes with a runtime specifier: package `x` -> `x/reactive`, path `.../index.ts` -> `.../reactive/index.svelte.ts`. */
export function reactiveSpecifier(runtime: string): string {
  if (/(^|\/)index\.ts$/.test(runtime)) return runtime.replace(/index\.ts$/, 'reactive/index.svelte.ts');
  return `${runtime.replace(/\/$/, '')}/reactive`;
}

export async function generate(description: AppDescription, options: GenerateOptions = {}): Promise<Generation> {
  const runtime = options.runtimeImport ?? 'zero-record';
  const imports: Imports = {
    runtime,
    reactive: options.reactiveImport ?? reactiveSpecifier(runtime),
    extension: options.importExtension ?? '',
    namedQueries: !options.legacySync,
  };
  const plan = await planApp(description);
  const byClass = new Map<string, ModelNames>(plan.models.map((m) => [m.model.class_name, m.names]));
  const schemaSource = `db/schema.rb (${plan.tables.length} tables)`;
  const files: PlannedFile[] = [
    { path: 'schema.ts', content: withHeader(schemaSource, emitSchema(plan, options.zeroImport ?? '@rocicorp/zero', options.legacySync ?? false)), kind: 'generated' },
    { path: 'mutators.ts', content: withHeader(imports.namedQueries ? 'the model configs' : 'zero-record', emitMutators(plan.models, imports)), kind: 'generated' },
  ];
  if (imports.namedQueries) files.push({ path: 'queries.ts', content: withHeader(schemaSource, emitQueries(plan.models, imports)), kind: 'generated' });
  const report: GenerationReport = { models: [], customScopes: [], skippedScopes: [], skippedModels: plan.skippedModels, functionDefaults: [], notes: plan.notes };
  for (const model of plan.models) {
    const { names } = model;
    const from = `${model.model.file} and db/schema.rb`;
    files.push(
      { path: `${names.file}.config.ts`, content: withHeader(from, emitConfig(model, byClass, imports)), kind: 'generated' },
      { path: `${names.file}.active.ts`, content: withHeader(from, emitFlavour(model, 'active', imports)), kind: 'generated' },
      { path: `${names.file}.reactive.ts`, content: withHeader(from, emitFlavour(model, 'reactive', imports)), kind: 'generated' },
    );
    const stub = emitScopesStub(model, imports);
    if (stub) files.push({ path: `${names.file}.scopes.ts`, content: stub, kind: 'stub' });
    report.models.push({
      className: model.model.class_name,
      table: model.model.table,
      active: names.active,
      reactive: names.reactive,
      scopes: model.scopes.filter((s) => s.kind === 'generated').map((s) => s.name),
    });
    for (const d of model.functionDefaults) report.functionDefaults.push({ model: model.model.class_name, ...d });
    for (const scope of model.scopes) {
      if (scope.kind === 'custom') {
        report.customScopes.push({
          model: model.model.class_name,
          scope: scope.name,
          file: scope.scope.file ?? model.model.file,
          line: scope.scope.line,
          source: scope.scope.source,
          reason: scope.reason,
          implementIn: `${(scope.from === undefined ? names : byClass.get(scope.from)!).file}.scopes.ts`,
        });
      } else if (scope.kind === 'skipped') {
        report.skippedScopes.push({ model: model.model.class_name, scope: scope.scope.name, reason: scope.reason });
      }
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, report };
}
