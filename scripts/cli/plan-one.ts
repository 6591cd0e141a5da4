/** Planning one project file, the same in the CLI's own thread and in a planning worker. */
import { join } from 'node:path';
import { planFile, type FilePlan, type PlanOptions } from '../../codemods/index.ts';
import { readUtf8 } from './read-text.ts';

export function planProjectFile(root: string, file: string, options: PlanOptions): FilePlan {
  const text = readUtf8(join(root, file));
  if (text === null) return { path: file, status: 'error', diagnostics: [{ line: 1, message: 'not UTF-8 text: left untouched' }], before: '', after: '', targets: [], spans: [] };
  return planFile(file, text, options);
}
