/**
 * The type errors of one project file in a program, as `line: message` keys in the file's own lines (mapped back
 * through svelte2tsx for a component), so the errors of a file before and after its migration can be compared.
 */
import type { AppProgram } from './program.ts';
import { lineAt } from '../context.ts';

export interface TypeError {
  readonly line: number;
  readonly code: number;
  readonly message: string;
}

/** Null when the file is not in the program. `ignoreModules`: "cannot find module" errors for these specifiers are dropped. */
export function typeErrors(app: AppProgram, rel: string, text: string, ignoreModules: readonly string[]): TypeError[] | null {
  const file = app.files.get(rel);
  const sf = file && !file.problem ? app.program.getSourceFile(file.fileName) : undefined;
  if (!file || !sf) return null;
  const { ts } = app;
  const errors: TypeError[] = [];
  for (const d of app.program.getSemanticDiagnostics(sf)) {
    if (d.category !== ts.DiagnosticCategory.Error || d.start === undefined) continue;
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    // A target model the project has not generated yet: the missing-models note covers it.
    if (d.code === 2307 && ignoreModules.some((m) => message.includes(`'${m}'`))) continue;
    const at = file.tsx ? file.tsx.toComponent(d.start) : d.start;
    if (at === null) continue;
    errors.push({ line: lineAt(text, at), code: d.code, message });
  }
  return errors;
}

/** Errors of `after` that `before` does not have (compared by code and message, as many times as they occur). */
export function newErrors(before: readonly TypeError[], after: readonly TypeError[]): TypeError[] {
  const pool = new Map<string, number>();
  for (const e of before) pool.set(`${e.code} ${e.message}`, (pool.get(`${e.code} ${e.message}`) ?? 0) + 1);
  return after.filter((e) => {
    const key = `${e.code} ${e.message}`;
    const left = pool.get(key) ?? 0;
    if (left > 0) pool.set(key, left - 1);
    return left === 0;
  });
}
