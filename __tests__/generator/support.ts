/**
 * Shared by the generator tests: the fixture Rails app, its static description, and output directories inside the
 * repository (generated files import the repo's runtime and node_modules by relative path).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Zero, type Schema } from '@rocicorp/zero';
import type { AppDescription } from '../../generator/description.ts';
import { generate, type GenerateOptions, type GenerationReport } from '../../generator/generate.ts';
import { writeGeneration } from '../../generator/output.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';
import { underscore } from '../../runtime/core/inflect.ts';
import { configureZero, type recordMutators } from '../../runtime/index.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtureApp = join(repoRoot, '__testfixtures__', 'rails-app');

let fixture: Promise<AppDescription> | undefined;
/** The fixture app described by the static path (parsed once per test file); callers get their own copy. */
export async function fixtureDescription(): Promise<AppDescription> {
  fixture ??= describeRailsApp(fixtureApp);
  return structuredClone(await fixture);
}

/** A fresh directory under the repo's (git-ignored) .zero-record/, and the options that point generated code at runtime/. */
export async function outputDir(): Promise<{ dir: string; options: GenerateOptions; cleanup: () => Promise<void> }> {
  const base = join(repoRoot, '.zero-record');
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(join(base, 'generator-test-'));
  const runtimeImport = relative(dir, join(repoRoot, 'runtime', 'index.ts')).split('\\').join('/');
  return { dir, options: { runtimeImport }, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A Rails app in a temp folder: path -> text. */
export async function writeApp(prefix: string, files: Record<string, string>): Promise<string> {
  const app = await mkdtemp(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(app, path)), { recursive: true });
    await writeFile(join(app, path), text);
  }
  return app;
}

/** A Rails app generated into an output directory and running on a local Zero made from the generated schema and mutators. */
export interface RunningApp {
  readonly app: string;
  readonly description: AppDescription;
  readonly dir: string;
  readonly report: GenerationReport;
  /** Generated file path -> text. */
  readonly files: ReadonlyMap<string, string>;
  /** The generated `Active<ClassName>` model. */
  active<M>(className: string): Promise<M>;
  /** Closes the Zero and removes the app and the output. */
  close(): Promise<void>;
}

/** Writes `files` as a Rails app, generates from its static description, and configures the runtime with a local Zero of it. */
export async function runGeneratedApp(prefix: string, files: Record<string, string>): Promise<RunningApp> {
  const app = await writeApp(prefix, files);
  const description = await describeRailsApp(app);
  const out = await outputDir();
  const generation = await generate(description, out.options);
  await writeGeneration(out.dir, generation.files);
  const { schema } = (await import(join(out.dir, 'schema.ts'))) as { schema: Schema };
  const { mutators } = (await import(join(out.dir, 'mutators.ts'))) as { mutators: typeof recordMutators };
  const zero = new Zero({ userID: prefix, cacheURL: null, kvStore: 'mem', schema, mutators, logLevel: 'error' });
  configureZero(zero);
  return {
    app,
    description,
    dir: out.dir,
    report: generation.report,
    files: new Map(generation.files.map((f) => [f.path, f.content])),
    active: async <M>(className: string) => ((await import(join(out.dir, `${underscore(className)}.active.ts`))) as Record<string, M>)[`Active${className}`]!,
    async close() {
      await zero.close();
      await out.cleanup();
      await rm(app, { recursive: true, force: true });
    },
  };
}
