/**
 * Node module hooks for the reactive benchmarks: compiles `*.svelte.ts` / `*.svelte.js` modules with svelte/compiler
 * in client mode (runes become real signals and effects), as Vite does in an app. TypeScript is stripped first.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { compileModule } from 'svelte/compiler';

type LoadResult = { format: string; source: string; shortCircuit?: boolean };
type NextLoad = (url: string, context: unknown) => Promise<LoadResult>;

const RUNES_MODULE = /\.svelte\.(ts|js)$/;

export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
  if (!url.startsWith('file:') || !RUNES_MODULE.test(url)) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  let source = await readFile(filename, 'utf8');
  if (filename.endsWith('.ts')) {
    source = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true, rewriteRelativeImportExtensions: false },
    }).outputText;
  }
  const { js } = compileModule(source, { filename, generate: 'client', dev: false });
  return { format: 'module', source: js.code, shortCircuit: true };
}
