/**
 * The planning worker's entry file. The published CLI is a bundle with `plan-worker.mjs` beside it (see
 * scripts/package/build-cli.ts). Run from the TypeScript sources (`bin/zero-record.mjs`, tests), the worker is
 * bundled the same way with esbuild, once per change of its sources: loading ~30 TypeScript modules through tsx
 * cost each worker about 2.7 s of CPU at start, the bundle about 0.9 s, and a run starts one worker per core.
 *
 * The bundle is never a second copy to keep in step: it lives in `node_modules/.cache`, its name carries the hash
 * of the source files it was built from, and every run hashes those files again before using it (a few ms), so
 * an edited source always means a fresh build.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sha256 } from './hash.ts';

/** Run from the sources when this module is itself TypeScript (the published bundle is `.mjs`). */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The worker's entry: the published bundle's `plan-worker.mjs`, or a bundle of the sources as they are now. */
export function planWorkerEntry(): URL {
  if (!FROM_SOURCES) return new URL('./plan-worker.mjs', import.meta.url);
  // Inside the repository's node_modules, so the bundle's bare imports (svelte, jscodeshift) resolve as the sources' do.
  return pathToFileURL(freshBundle(fileURLToPath(new URL('./plan-worker.ts', import.meta.url)), REPO_ROOT, join(REPO_ROOT, 'node_modules/.cache/zero-record/plan-worker')));
}

/** The hash of the files a bundle was built from (root-relative), or null when one is gone. */
function hashOf(root: string, inputs: readonly string[]): string | null {
  const parts: string[] = [];
  for (const input of inputs) {
    const file = join(root, input);
    if (!existsSync(file)) return null;
    parts.push(input, sha256(readFileSync(file)));
  }
  return sha256(parts.join('\n')).slice(0, 16);
}

/** Writes through a temporary name: runs starting at once (parallel tests) never see half a file. */
function writeWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/**
 * An ESM bundle of `entry` (npm packages left as imports) in `cacheDir`, named by the hash of its source files;
 * the bundle of the last build is reused only while those files hash the same. `cacheDir/inputs.json` lists them.
 */
export function freshBundle(entry: string, root: string, cacheDir: string): string {
  const inputsFile = join(cacheDir, 'inputs.json');
  const bundleOf = (hash: string) => join(cacheDir, `${basename(entry).replace(/\.ts$/, '')}-${hash}.mjs`);
  const known = existsSync(inputsFile) ? (JSON.parse(readFileSync(inputsFile, 'utf8')) as string[]) : null;
  const hash = known && hashOf(root, known);
  if (hash && existsSync(bundleOf(hash))) return bundleOf(hash);
  // esbuild is a development dependency: this path runs only from the sources, in the development workspace.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: [relative(root, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  const file = bundleOf(hashOf(root, inputs)!);
  mkdirSync(cacheDir, { recursive: true });
  writeWhole(file, result.outputFiles[0]!.text);
  writeWhole(inputsFile, JSON.stringify(inputs));
  return file;
}
