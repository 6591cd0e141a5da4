/**
 * Builds the `zero-record-cli` package (packages/cli): esbuild bundles the command line (scripts/zero-record.ts with
 * scripts/, codemods/ and generator/) and the planning worker into ESM files under dist/, npm dependencies left as
 * imports (they are the package's `dependencies`, and `zero-record` itself a peer). Run by the package's `prepack`.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { ENTRY_POINTS, specifierOf } from '../../packages/zero-record/entry-points.ts';
import { REPO_ROOT } from './build-library.ts';

/**
 * An import of a library entry point's source (e.g. `../runtime/server/index.ts` in `serve`) becomes an import of the
 * installed package (`zero-record/server`), so the CLI never carries a second copy of what the app already has.
 */
const libraryEntriesExternal: Plugin = {
  name: 'zero-record-entry-points',
  setup(build) {
    const bySource = new Map(ENTRY_POINTS.map((e) => [join(REPO_ROOT, e.source), specifierOf(e)]));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const specifier = bySource.get(join(args.resolveDir, args.path));
      return specifier ? { path: specifier, external: true } : undefined;
    });
  },
};

export const CLI_DIR = join(REPO_ROOT, 'packages/cli');

export async function buildCli(): Promise<void> {
  const outdir = join(CLI_DIR, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [
      { in: 'scripts/zero-record.ts', out: 'zero-record' },
      // worker-bundle.ts starts workers from new URL('./plan-worker.mjs', import.meta.url): the bundle keeps that name beside its chunks.
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
    plugins: [libraryEntriesExternal],
    logLevel: 'warning',
  });
  copyFileSync(join(REPO_ROOT, 'LICENSE'), join(CLI_DIR, 'LICENSE'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  process.stderr.write(`zero-record-cli: built ${CLI_DIR}/dist\n`);
}
