/**
 * Builds the `zero-record` package (packages/zero-record): tsc emits JavaScript and `.d.ts` for every module the
 * entry points reach (`.svelte.ts` becomes `.svelte.js`, relative `.ts` imports are rewritten to `.js`), then the
 * manifest's `exports` is written from the same entry list so the two cannot disagree. Run by the package's `prepack`.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ENTRY_POINTS, type EntryPoint } from '../../packages/zero-record/entry-points.ts';
import { PackageBuildError } from './errors.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LIBRARY_DIR = join(REPO_ROOT, 'packages/zero-record');
const DIST = join(LIBRARY_DIR, 'dist');

/** `runtime/reactive/index.svelte.ts` -> `./dist/runtime/reactive/index.svelte` (no extension). */
const built = (entry: EntryPoint) => `./dist/${entry.source.replace(/\.ts$/, '')}`;

/** The `exports` field: types first (TypeScript reads the first matching condition), `svelte` for Svelte tooling. */
export function exportsField(): Record<string, unknown> {
  const field: Record<string, unknown> = {};
  for (const entry of ENTRY_POINTS) {
    const js = `${built(entry)}.js`;
    field[entry.subpath] = entry.svelte ? { types: `${built(entry)}.d.ts`, svelte: js, default: js } : { types: `${built(entry)}.d.ts`, default: js };
  }
  field['./package.json'] = './package.json';
  return field;
}

function compile(): void {
  compileEntries(ENTRY_POINTS.filter((e) => !e.node), []);
  compileEntries(ENTRY_POINTS.filter((e) => e.node), ['node']);
}

function compileEntries(entries: readonly EntryPoint[], types: string[]): void {
  if (entries.length === 0) return;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types,
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    skipLibCheck: true,
    declaration: true,
    sourceMap: false,
    rootDir: REPO_ROOT,
    outDir: DIST,
  };
  const program = ts.createProgram(entries.map((e) => join(REPO_ROOT, e.source)), options);
  const result = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => REPO_ROOT, getNewLine: () => '\n' };
    throw new PackageBuildError(`tsc reported ${diagnostics.length} problems building zero-record; fix them in the sources:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
  const outside = program.getSourceFiles().filter((f) => !f.fileName.includes('/node_modules/') && !f.isDeclarationFile && !/^(runtime|compat|eslint-plugin)\//.test(f.fileName.slice(REPO_ROOT.length)));
  if (outside.length > 0) {
    throw new PackageBuildError(`the library reaches files outside runtime/, compat/ and eslint-plugin/: ${outside.map((f) => f.fileName).join(', ')}; move the shared code into runtime/`);
  }
}

/** Writes `exports` into the manifest (kept in git, so a new entry point shows up in review). */
export function writeManifestExports(): boolean {
  const path = join(LIBRARY_DIR, 'package.json');
  const before = readFileSync(path, 'utf8');
  const manifest = JSON.parse(before) as Record<string, unknown>;
  manifest['exports'] = exportsField();
  const after = `${JSON.stringify(manifest, null, 2)}\n`;
  if (after !== before) writeFileSync(path, after);
  return after !== before;
}

export function buildLibrary(): void {
  rmSync(DIST, { recursive: true, force: true });
  compile();
  writeManifestExports();
  copyFileSync(join(REPO_ROOT, 'LICENSE'), join(LIBRARY_DIR, 'LICENSE'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildLibrary();
  process.stderr.write(`zero-record: built ${dirname(DIST)}/dist from ${ENTRY_POINTS.length} entry points\n`);
}
