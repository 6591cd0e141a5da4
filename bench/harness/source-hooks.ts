/**
 * Node module hooks for the benchmarks, so they run our code as it ships:
 * - this repository's TypeScript is compiled by TypeScript's transpiler, as the package build (tsc) emits it. tsx's
 *   esbuild keeps names (`keepNames`): it wraps every closure bound to a name in a `__name` call that gives the closure
 *   a property dictionary and a hidden class of its own, about 400 B per closure made per live collection that the
 *   shipped code does not cost. tsx still resolves modules.
 * - `*.svelte.ts` / `*.svelte.js` modules are then compiled by svelte/compiler in client mode (runes become real
 *   signals and effects), as Vite does in an app.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { compileModule } from 'svelte/compiler';

type LoadResult = { format: string; source: string; shortCircuit?: boolean };
type NextLoad = (url: string, context: unknown) => Promise<LoadResult>;

const ROOT = new URL('../../', import.meta.url).href;
const RUNES_MODULE = /\.svelte\.(ts|js)$/;
const OWN_TYPESCRIPT = /\.ts$/;

export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
  const ownTypeScript = url.startsWith(ROOT) && !url.includes('/node_modules/') && OWN_TYPESCRIPT.test(url);
  if (!ownTypeScript && !(url.startsWith('file:') && RUNES_MODULE.test(url))) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  let source = await readFile(filename, 'utf8');
  if (filename.endsWith('.ts')) {
    source = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true, rewriteRelativeImportExtensions: false },
    }).outputText;
  }
  if (RUNES_MODULE.test(filename)) source = compileModule(source, { filename, generate: 'client', dev: false }).js.code;
  return { format: 'module', source, shortCircuit: true };
}
