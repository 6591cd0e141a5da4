/** Target model modules the migrated code imports but the project does not have yet (`$lib/...` ones only). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FilePlan } from '../../codemods/index.ts';
import type { SvelteConfig } from './svelte-config.ts';

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

/**
 * Why the migrated code's `$lib/...` imports would not resolve in this project, or null. SvelteKit defines `$lib`: a
 * dependency on @sveltejs/kit, a `kit` section in svelte.config.js, its `src/routes` or its generated `.svelte-kit`
 * say the app is one. Otherwise only the app's tsconfig / jsconfig `paths` can (a plain Vite app's alias must be there
 * too for TypeScript). A `src/lib` folder says nothing: Vite's own Svelte template has one.
 */
export function libAliasProblem(root: string, plans: readonly FilePlan[], svelteConfig: SvelteConfig | null): string | null {
  const example = plans.flatMap((p) => p.targets).find((t) => t.startsWith('$lib/'));
  if (example === undefined || svelteConfig?.kit !== undefined) return null;
  const read = (name: string) => (existsSync(join(root, name)) ? readFileSync(join(root, name), 'utf8') : '');
  const manifest = read('package.json');
  if (/"@sveltejs\/kit"\s*:/.test(manifest) || ['src/routes', '.svelte-kit'].some((dir) => existsSync(join(root, dir)))) return null;
  if (['tsconfig.json', 'jsconfig.json'].some((name) => /"\$lib(\/\*)?"\s*:/.test(read(name)))) return null;
  return (
    `the migrated code imports its models as \`${example}\`, but this project does not define \`$lib\` (no @sveltejs/kit, and no ` +
    `"$lib/*" in its tsconfig paths), so those imports would not resolve. Set "targets" in zero-record.config.json to how the ` +
    `app imports its generated models, for example {"targets": {"reactive": "@/models/{model}.reactive", "active": ` +
    `"@/models/{model}.active"}}, and generate them there (\`zero-record generate --out src/models\`).`
  );
}
