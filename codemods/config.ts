/**
 * What the migration treats as legacy and where it points the code instead. Every field is optional in
 * `zero-record.config.json`; the defaults follow the conventions of the apps this toolkit migrates.
 */
import { classify, underscore } from '../runtime/core/inflect.ts';
import { DEFAULT_TTL, isTtl } from '../runtime/core/ttl.ts';

export interface MigrationConfig {
  /** Module specifiers the legacy classes come from; a specifier matches when it equals one or ends with `/<one>`. */
  readonly legacyClassModules: readonly string[];
  /** Legacy model modules: `<anything>/<table><legacyModelSuffix>`, e.g. `$lib/zero/job.generated`. */
  readonly legacyModelSuffix: string;
  /** Table (or legacy model module base name) -> class name, for names Rails' inflection does not produce. */
  readonly models: Readonly<Record<string, string>>;
  /** Target module paths; `{model}` is the lower-case singular (`job`, `line_item`), `{Model}` the class name. */
  readonly targets: { readonly reactive: string; readonly active: string };
  /** TTL the generated models use by default: a legacy TTL equal to it is dropped, any other is kept as `.ttl(...)`. */
  readonly defaultTtl: string;
}

export const DEFAULT_CONFIG: MigrationConfig = {
  legacyClassModules: ['reactive-query', 'reactive-query.svelte', 'reactive-query.svelte.ts', 'reactive-query.svelte.js', '$lib/zero'],
  legacyModelSuffix: '.generated',
  models: {},
  targets: { reactive: '$lib/models/{model}.reactive', active: '$lib/models/{model}.active' },
  defaultTtl: DEFAULT_TTL,
};

/** The names of the legacy classes; the codemods rewrite only these two exports of a legacy class module. */
export const LEGACY_CLASSES = ['ReactiveQuery', 'ReactiveQueryOne'] as const;

/** `zero-record.config.json` is not what the toolkit understands; the message lists every problem. */
export class MigrationConfigError extends Error {
  readonly problems: readonly string[];
  constructor(source: string, problems: readonly string[]) {
    super(`${source} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix the file or delete it to use the defaults (see zero-record.config.example.json).`);
    this.name = 'MigrationConfigError';
    this.problems = problems;
  }
}

/** The file's keys; `generate` is the generator's section of the same file (`zero-record generate` checks it). */
const KEYS = ['$schema', 'legacyClassModules', 'legacyModelSuffix', 'models', 'targets', 'defaultTtl', 'generate'] as const;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
}

/** Validates a parsed config file and merges it over the defaults; `source` names the file in messages. */
export function parseMigrationConfig(raw: unknown, source: string): MigrationConfig {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new MigrationConfigError(source, ['the file must contain one JSON object']);
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(KEYS as readonly string[]).includes(key)) problems.push(`unknown key "${key}" (known: ${KEYS.slice(1).join(', ')})`);
  }
  const { legacyClassModules, legacyModelSuffix, models, targets, defaultTtl } = input;
  if (legacyClassModules !== undefined && !isStringArray(legacyClassModules)) problems.push('"legacyClassModules" must be an array of non-empty strings');
  if (legacyModelSuffix !== undefined && (typeof legacyModelSuffix !== 'string' || legacyModelSuffix === '')) problems.push('"legacyModelSuffix" must be a non-empty string such as ".generated"');
  if (models !== undefined) {
    if (typeof models !== 'object' || models === null || Array.isArray(models)) problems.push('"models" must be an object mapping table names to class names');
    else
      for (const [table, name] of Object.entries(models)) {
        if (typeof name !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(name)) problems.push(`"models.${table}" must be a class name in PascalCase, got ${JSON.stringify(name)}`);
      }
  }
  if (targets !== undefined) {
    if (typeof targets !== 'object' || targets === null || Array.isArray(targets)) problems.push('"targets" must be an object { "reactive": "...", "active": "..." }');
    else {
      const t = targets as Record<string, unknown>;
      for (const key of Object.keys(t)) if (key !== 'reactive' && key !== 'active') problems.push(`unknown key "targets.${key}" (known: reactive, active)`);
      for (const key of ['reactive', 'active'] as const) {
        const value = t[key];
        if (value === undefined) continue;
        if (typeof value !== 'string' || !value.includes('{model}') && !value.includes('{Model}')) problems.push(`"targets.${key}" must be a string containing {model} or {Model}, got ${JSON.stringify(value)}`);
      }
    }
  }
  if (defaultTtl !== undefined && (typeof defaultTtl !== 'string' || !isTtl(defaultTtl))) problems.push(`"defaultTtl" must be a TTL string such as "5m", "2h", "forever", got ${JSON.stringify(defaultTtl)}`);
  if (problems.length) throw new MigrationConfigError(source, problems);
  const t = (targets ?? {}) as Partial<MigrationConfig['targets']>;
  return {
    legacyClassModules: (legacyClassModules as string[] | undefined) ?? DEFAULT_CONFIG.legacyClassModules,
    legacyModelSuffix: (legacyModelSuffix as string | undefined) ?? DEFAULT_CONFIG.legacyModelSuffix,
    models: (models as Record<string, string> | undefined) ?? DEFAULT_CONFIG.models,
    // The defaults' own object when the file gives none, so the CLI can tell targets an app chose from the defaults.
    targets: t.reactive === undefined && t.active === undefined ? DEFAULT_CONFIG.targets : { reactive: t.reactive ?? DEFAULT_CONFIG.targets.reactive, active: t.active ?? DEFAULT_CONFIG.targets.active },
    defaultTtl: (defaultTtl as string | undefined) ?? DEFAULT_CONFIG.defaultTtl,
  };
}

/** Class name for a table (`jobs`) or a legacy model module base name (`job`), honouring `models`. */
export function classNameFor(config: MigrationConfig, tableOrBase: string): string {
  return config.models[tableOrBase] ?? classify(tableOrBase);
}

export type Flavour = 'reactive' | 'active';

/** `Job` -> `{ local: 'ReactiveJob', specifier: '$lib/models/job.reactive' }`. */
export function targetFor(config: MigrationConfig, className: string, flavour: Flavour): { local: string; specifier: string } {
  const template = config.targets[flavour];
  return {
    local: `${flavour === 'reactive' ? 'Reactive' : 'Active'}${className}`,
    specifier: template.replaceAll('{model}', underscore(className)).replaceAll('{Model}', className),
  };
}

function matchesModule(specifier: string, candidate: string): boolean {
  return specifier === candidate || specifier.endsWith(`/${candidate}`);
}

export function isLegacyClassModule(config: MigrationConfig, specifier: string): boolean {
  return config.legacyClassModules.some((m) => matchesModule(specifier, m));
}

/**
 * A module's path or specifier without its extension: `job.generated.ts`, `job.generated.js` and the `job.generated.d.ts`
 * a package built with tsc declares it in are all `job.generated`.
 */
export function moduleBase(path: string): string {
  return path.replace(/(\.d)?\.(ts|mts|js|mjs|svelte)$/, '');
}

/** Base name of a legacy model module (`$lib/zero/job.generated` -> `job`), or null. */
export function legacyModelBase(config: MigrationConfig, specifier: string): string | null {
  const file = moduleBase(specifier.slice(specifier.lastIndexOf('/') + 1));
  return file.endsWith(config.legacyModelSuffix) && file.length > config.legacyModelSuffix.length ? file.slice(0, -config.legacyModelSuffix.length) : null;
}

/** Whether a project file IS a legacy module (the classes or a generated model): it stays as it is, for compat. */
export function isLegacyDefinitionFile(config: MigrationConfig, relPath: string): boolean {
  const noExt = moduleBase(relPath.replace(/\\/g, '/'));
  if (legacyModelBase(config, noExt) !== null) return true;
  return config.legacyClassModules.some((m) => {
    const asPath = m.replace(/^\$lib\//, 'src/lib/').replace(/\.(ts|js)$/, '');
    return asPath.includes('/') ? noExt === asPath || noExt.endsWith(`/${asPath}`) || noExt === `${asPath}/index` || noExt.endsWith(`/${asPath}/index`) : noExt.endsWith(`/${asPath}`) || noExt === asPath;
  });
}
