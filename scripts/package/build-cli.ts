/**
 * Builds the `zero-record-cli` package (packages/cli): esbuild bundles the command line (scripts/zero-record.ts with
 * scripts/, codemods/ and generator/) and the planning worker into ESM files under dist/, npm dependencies left as
 * imports (they are the package's `dependencies`). Run by the package's `prepack`.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './build-library.ts';

export const CLI_DIR = join(REPO_ROOT, 'packages/cli');

export async function buildCli(): Promise<void> {
  const outdir = join(CLI_DIR, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [
      { in: 'scripts/zero-record.ts', out: 'zero-record' },
      // plan-files.ts starts workers from new URL('./plan-worker.mjs', import.meta.url): the bundle keeps that name beside its chunks.
      { in: 'scripts/cli/plan-worker.ts', out: 'plan-worker' },
    ],
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  copyFileSync(join(REPO_ROOT, 'LICENSE'), join(CLI_DIR, 'LICENSE'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  process.stderr.write(`zero-record-cli: built ${CLI_DIR}/dist\n`);
}
