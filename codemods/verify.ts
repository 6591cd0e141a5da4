/**
 * A changed file must still be valid: `svelte/compiler` compile for .svelte, the TypeScript compiler's own
 * parser (the syntactic diagnostics `transpileModule` reports, without its emit) for scripts, or @babel/parser's
 * TypeScript plugin where the project has no `typescript` installed (it is a devDependency of this package).
 */
import { parse } from '@babel/parser';
import { compile } from 'svelte/compiler';
import type { CompilerHost, Diagnostic, SourceFile } from 'typescript';
import { parserFor } from './context.ts';
import { loadTypeScript, type TypeScript } from './typescript.ts';

/**
 * The parser's own errors, which the compiler keeps on the source file (internal, not in its typings). For a
 * .ts/.tsx file they are exactly what `program.getSyntacticDiagnostics` returns.
 */
interface ParsedSourceFile extends SourceFile {
  readonly parseDiagnostics?: readonly Diagnostic[];
}

/**
 * The syntactic diagnostics of one file, as `transpileModule` computes them but without emitting JavaScript
 * (the emit was two thirds of its cost): the parse errors for TypeScript, plus the grammar checks a program adds
 * for JavaScript files (type annotations in a .js file, ...), or for any file should the compiler stop keeping
 * `parseDiagnostics`.
 */
function syntacticDiagnostics(t: TypeScript, path: string, text: string): readonly Diagnostic[] {
  const file = t.createSourceFile(path, text, t.ScriptTarget.ESNext, false) as ParsedSourceFile;
  const isTypeScript = /\.(ts|tsx|mts|cts)$/.test(path);
  if (isTypeScript && Array.isArray(file.parseDiagnostics)) return file.parseDiagnostics;
  const host: CompilerHost = {
    getSourceFile: (name) => (name === path ? file : undefined),
    fileExists: (name) => name === path,
    readFile: () => undefined,
    writeFile: () => undefined,
    getDefaultLibFileName: () => 'lib.d.ts',
    getCurrentDirectory: () => '',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
  };
  const options = { target: t.ScriptTarget.ESNext, module: t.ModuleKind.ESNext, allowJs: true, noLib: true, noResolve: true, ...(parserFor(path) === 'tsx' ? { jsx: t.JsxEmit.Preserve } : {}) };
  return t.createProgram([path], options, host).getSyntacticDiagnostics(file);
}

/** Null when `text` compiles/parses, else the compiler's message. */
export function verifyOutput(path: string, text: string): string | null {
  try {
    if (path.endsWith('.svelte')) {
      compile(text, { filename: path, generate: 'client' });
      return null;
    }
    const t = loadTypeScript();
    if (!t) {
      parse(text, { sourceType: 'module', plugins: parserFor(path) === 'tsx' ? ['typescript', 'jsx'] : ['typescript'] });
      return null;
    }
    const first = syntacticDiagnostics(t, path, text)[0];
    if (!first) return null;
    const line = first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start).line + 1 : 0;
    return `line ${line}: ${t.flattenDiagnosticMessageText(first.messageText, ' ')}`;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}
