/**
 * `zero-record generate`: Rails models -> TypeScript models and the Zero schema. Options: USAGE below (`--help`).
 * Exit codes: 0 done / in sync (or --help), 1 drift (--check), 2 bad input.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppDescription } from '../generator/description.ts';
import { GeneratorInputError } from '../generator/errors.ts';
import { sourceNotes } from '../generator/source-notes.ts';
import { generate, type GenerateOptions, type GenerationReport } from '../generator/generate.ts';
import { loadDescription } from '../generator/load-description.ts';
import { checkGeneration, writeGeneration, type Drift, type FileResult } from '../generator/output.ts';
import { describeRailsApp } from '../generator/static/describe.ts';

export const USAGE = `Usage: zero-record generate (--from <rails-app-dir> | --json <description.json>) --out <dir> [options]

Writes the Zero schema and one Active / Reactive model per Rails model into --out (docs/generator.md).

Source (one of):
  --from <dir>                 static path: reads db/schema.rb and app/models (no Ruby)
  --json <file>                the description the Rails task wrote (bin/rails zero_record:generate)
Options:
  --out <dir>                  where the generated files go
  --check                      verify instead of write: exit 1 listing edited, stale, missing or orphaned files
  --json-report                print the report as JSON
  --runtime-import <specifier> what generated files import the runtime from (default zero-record)
  --reactive-import <spec>     the Svelte flavour (default: <runtime>/reactive)
  --import-extension <.ts|.js|none>  extension of imports between generated files (default none: ./schema, as a stock SvelteKit tsconfig expects)
  --legacy-sync                the schema enables legacy queries and CRUD mutators (zero-cache legacy permissions, z.query code)
  --config <file>              defaults under "generate" (default ./zero-record.config.json); flags win
  -h, --help                   show this help

Exit codes: 0 done / in sync, 1 drift (--check), 2 bad input.
`;

interface CliOptions extends GenerateOptions {
  from?: string;
  json?: string;
  out?: string;
  check: boolean;
  jsonReport: boolean;
  /** `--help`: print USAGE; nothing else is read or checked. */
  help?: true;
  /** What the config file's "generate" section held ({} without one): a run whose settings differ says what to save. */
  saved?: Readonly<Record<string, unknown>>;
}

const VALUE_FLAGS: Record<string, keyof CliOptions> = {
  '--from': 'from',
  '--json': 'json',
  '--out': 'out',
  '--runtime-import': 'runtimeImport',
  '--reactive-import': 'reactiveImport',
  '--import-extension': 'importExtension',
};
const STRING_KEYS = ['from', 'json', 'out', 'runtimeImport', 'reactiveImport', 'importExtension'] as const;
const BOOLEAN_KEYS = ['legacySync'] as const;
const CONFIG_KEYS = new Set<string>([...STRING_KEYS, ...BOOLEAN_KEYS]);

async function readConfig(path: string, explicit: boolean, problems: string[]): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    if (explicit) problems.push(`--config ${path}: file not found`);
    return {};
  }
  try {
    const parsed = JSON.parse(text) as { generate?: unknown };
    const section = parsed.generate ?? {};
    if (typeof section !== 'object' || section === null) {
      problems.push(`${path}: "generate" must be an object`);
      return {};
    }
    for (const [k, v] of Object.entries(section)) {
      if (!CONFIG_KEYS.has(k)) problems.push(`${path}: unknown key generate.${k} (known: ${[...CONFIG_KEYS].join(', ')})`);
      else {
        const wanted = (BOOLEAN_KEYS as readonly string[]).includes(k) ? 'boolean' : 'string';
        if (typeof v !== wanted) problems.push(`${path}: generate.${k} must be a ${wanted}`);
      }
    }
    return section as Record<string, unknown>;
  } catch (error) {
    problems.push(`${path}: not valid JSON (${(error as Error).message})`);
    return {};
  }
}

/** Parses argv over the config file's defaults; throws one GeneratorInputError naming every problem. */
export async function parseArgs(argv: readonly string[]): Promise<CliOptions> {
  const problems: string[] = [];
  const flags: Partial<Record<keyof CliOptions, string>> = {};
  let check = false;
  let jsonReport = false;
  let legacySync: boolean | undefined;
  let configPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--help' || name === '-h') return { check, jsonReport, help: true };
    else if (name === '--check') check = true;
    else if (name === '--json-report') jsonReport = true;
    else if (name === '--legacy-sync') legacySync = true;
    else if (name === '--config' || name in VALUE_FLAGS) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) {
        problems.push(`${name} needs a value`);
        if (value?.startsWith('--')) i--;
      } else if (name === '--config') configPath = value;
      else flags[VALUE_FLAGS[name]!] = value;
    } else problems.push(`unknown argument ${JSON.stringify(arg)} (see zero-record generate --help)`);
  }
  const config = await readConfig(configPath ?? 'zero-record.config.json', configPath !== undefined, problems);
  const pick = (k: keyof CliOptions) => flags[k] ?? (typeof config[k] === 'string' ? (config[k] as string) : undefined);
  const options: CliOptions = { check, jsonReport, saved: config };
  for (const k of STRING_KEYS) {
    const value = pick(k);
    if (value !== undefined) options[k] = value;
  }
  if (legacySync ?? config.legacySync === true) options.legacySync = true;
  // A flag on the command line picks the source; only one may be in effect.
  if (flags.from && !flags.json) delete options.json;
  if (flags.json && !flags.from) delete options.from;
  if (options.from && options.json) problems.push('give either --from <rails-app-dir> or --json <description.json>, not both');
  if (!options.from && !options.json) problems.push('missing the source: --from <rails-app-dir> or --json <description.json>');
  if (!options.out) problems.push('missing --out <dir> (where the models are written)');
  if (options.importExtension !== undefined) {
    if (options.importExtension === 'none') options.importExtension = '';
    if (!['.ts', '.js', ''].includes(options.importExtension)) problems.push(`--import-extension must be .ts, .js or none (got ${options.importExtension})`);
  }
  if (problems.length > 0) throw new GeneratorInputError('zero-record generate: bad arguments', problems);
  return options;
}

function humanReport(report: GenerationReport, source: string, out: string, results: FileResult[] | null, drift: Drift[] | null, settings: string | null): string {
  const lines = [`zero-record generate: ${report.models.length} models from ${source} -> ${out}`];
  if (results) {
    const counts = new Map<string, number>();
    for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    lines.push(`  files: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}`);
    for (const r of results.filter((x) => x.status === 'overwrote-hand-edit' || x.status === 'deleted')) lines.push(`  ${r.status}: ${r.path}`);
  }
  if (drift) {
    lines.push(drift.length === 0 ? '  check: every generated file is up to date' : `  check: ${drift.length} file(s) out of date:`);
    for (const d of drift) lines.push(`    ${d.kind.padEnd(8)} ${d.path}: ${d.detail}`);
  }
  for (const m of report.models) lines.push(`  ${m.className} (${m.table}): ${m.active}, ${m.reactive}${m.scopes.length ? `; scopes ${m.scopes.join(', ')}` : ''}`);
  if (report.customScopes.length > 0) {
    lines.push(`Scopes to implement by hand (${report.customScopes.length}):`);
    for (const s of report.customScopes) lines.push(`  ${s.model}.${s.scope} (${s.file}:${s.line}) -> ${s.implementIn}: ${s.reason}`);
  }
  if (report.skippedScopes.length > 0) {
    lines.push(`Scopes not generated (${report.skippedScopes.length}):`);
    for (const s of report.skippedScopes) lines.push(`  ${s.model}.${s.scope}: ${s.reason}`);
  }
  if (report.functionDefaults.length > 0) {
    lines.push(`Defaults the database or the Rails model computes (${report.functionDefaults.length}): create does not apply them (the runtime sets created_at / updated_at itself). A create that does not give a value for another one fails where its column is NOT NULL: the client refuses the NULL before the database could fill it in:`);
    for (const d of report.functionDefaults) lines.push(`  ${d.model}.${d.column}: ${d.function}`);
  }
  if (report.skippedModels.length > 0) {
    lines.push(`Models not generated (${report.skippedModels.length}):`);
    for (const s of report.skippedModels) lines.push(`  ${s.className} (${s.file}): ${s.reason}`);
  }
  if (report.notes.length > 0) {
    lines.push(`Notes (${report.notes.length}):`);
    for (const n of report.notes) lines.push(`  ${n.model}: ${n.message}`);
  }
  if (settings) lines.push(settings);
  return lines.join('\n') + '\n';
}

/**
 * Run from flags alone: the settings to keep, so the next `npx zero-record generate` and `bin/rails
 * zero_record:generate` (which reads them from the config file) write the same files.
 */
function unsavedSettings(options: CliOptions): string | null {
  if (options.check) return null;
  const generate: Record<string, unknown> = {};
  for (const key of STRING_KEYS) if (options[key] !== undefined) generate[key] = key === 'importExtension' && options[key] === '' ? 'none' : options[key];
  if (options.legacySync) generate.legacySync = true;
  const saved = options.saved ?? {};
  // The Rails task passes --json itself: only the other settings must be saved.
  const differs = Object.entries(generate).some(([key, value]) => key !== 'json' && saved[key] !== value);
  if (!differs) return null;
  return `zero-record.config.json does not hold these settings. Save them there, so \`npx zero-record generate\` and \`bin/rails zero_record:generate\` regenerate the same files:\n  ${JSON.stringify({ generate })}`;
}

export async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  let description: AppDescription;
  try {
    options = await parseArgs(argv);
    if (options.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    description = options.from ? await describeRailsApp(resolve(options.from)) : await loadDescription(resolve(options.json!));
  } catch (error) {
    if (error instanceof GeneratorInputError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const { files, report } = await generate(description, options);
  // The Rails task runs this in the app's root, whose model files the description names.
  report.notes.push(...(await sourceNotes(options.from ? resolve(options.from) : process.cwd(), description, options.from ? 'static' : 'rails')));
  const out = resolve(options.out!);
  const source = options.from ?? options.json!;
  const results = options.check ? null : await writeGeneration(out, files);
  const drift = options.check ? await checkGeneration(out, files) : null;
  if (options.jsonReport) process.stdout.write(JSON.stringify({ report, files: results, drift }, null, 2) + '\n');
  else process.stdout.write(humanReport(report, source, options.out!, results, drift, unsavedSettings(options)));
  return drift && drift.length > 0 ? 1 : 0;
}
