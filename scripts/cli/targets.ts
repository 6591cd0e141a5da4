/** Target model modules the migrated code imports but the project does not have yet (`$lib/...` ones only). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FilePlan } from '../../codemods/index.ts';

const CANDIDATES = ['.ts', '.js', '.svelte.ts', '.svelte.js', '/index.ts', '/index.js'];

export function missingTargets(root: string, plans: readonly FilePlan[]): string[] {
  const specifiers = new Set(plans.flatMap((p) => p.targets));
  return [...specifiers]
    .filter((s) => s.startsWith('$lib/'))
    .filter((s) => {
      const base = join(root, 'src/lib', s.slice('$lib/'.length));
      return !existsSync(base) && !CANDIDATES.some((ext) => existsSync(base + ext));
    })
    .sort();
}

export function missingTargetsNote(missing: readonly string[]): string {
  if (!missing.length) return '';
  return `Note: the migrated code imports model modules this project does not have yet: ${missing.join(', ')}.\nGenerate them (\`zero-record generate --out src/lib/models\`) before running the app. The files importing them were not type-checked: with the models generated first, the migration checks them too.\n`;
}
