/**
 * Shared by the generator tests: the fixture Rails app, its static description, and output directories inside the
 * repository (generated files import the repo's runtime and node_modules by relative path).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDescription } from '../../generator/description.ts';
import type { GenerateOptions } from '../../generator/generate.ts';
import { describeRailsApp } from '../../generator/static/describe.ts';

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
