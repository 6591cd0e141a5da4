/**
 * A changed file must still be valid: `svelte/compiler` compile for .svelte, the TypeScript compiler's own
 * parser (syntactic diagnostics of `transpileModule`) for scripts, or @babel/parser's TypeScript plugin where
 * the project has no `typescript` installed (it is a devDependency of this package).
 */
import { createRequire } from 'node:module';
import { parse } from '@babel/parser';
import { compile } from 'svelte/compiler';
import { parserFor } from './context.ts';

type TypeScript = typeof import('typescript');
let typescript: TypeScript | null | undefined;

/** Loaded on first use: only runs that change a script pay for the compiler. */
function ts(): TypeScript | null {
  if (typescript === undefined) {
    try {
      typescript = createRequire(import.meta.url)('typescript') as TypeScript;
    } catch {
      typescript = null;
    }
  }
  return typescript;
}

/** Null when `text` compiles/parses, else the compiler's message. */
export function verifyOutput(path: string, text: string): string | null {
  try {
    if (path.endsWith('.svelte')) {
      compile(text, { filename: path, generate: 'client' });
      return null;
    }
    const t = ts();
    if (!t) {
      parse(text, { sourceType: 'module', plugins: parserFor(path) === 'tsx' ? ['typescript', 'jsx'] : ['typescript'] });
      return null;
    }
    const { diagnostics = [] } = t.transpileModule(text, {
      fileName: path,
      reportDiagnostics: true,
      compilerOptions: { target: t.ScriptTarget.ESNext, module: t.ModuleKind.ESNext, ...(parserFor(path) === 'tsx' ? { jsx: t.JsxEmit.Preserve } : {}) },
    });
    const first = diagnostics[0];
    if (!first) return null;
    const line = first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start).line + 1 : 0;
    return `line ${line}: ${t.flattenDiagnosticMessageText(first.messageText, ' ')}`;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}
