/** Target model modules the migrated code imports but the project does not have yet (`$lib/...` ones only). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CONFIG, type MigrationConfig } from '../../codemods/config.ts';
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

/** A JSON-with-comments file's text without its comments (a tsconfig may have them), strings left as they are. */
function withoutComments(text: string): string {
  return text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_comment, string: string | undefined) => string ?? '');
}

/** The tsconfig / jsconfig files of the app at `root` (create-vite's `tsconfig.app.json` too) and the files they extend. */
function typescriptConfigs(root: string): string[] {
  const seen = new Set<string>();
  const texts: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = withoutComments(readFileSync(file, 'utf8'));
    texts.push(text);
    for (const match of text.matchAll(/"extends"\s*:\s*(?:"([^"]+)"|\[([^\]]*)\])/g)) {
      for (const target of match[1] !== undefined ? [match[1]] : [...match[2]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!)) {
        if (target.startsWith('.')) visit(resolve(dirname(file), target.endsWith('.json') ? target : `${target}.json`));
      }
    }
  };
  for (const name of readdirSync(root)) if (/^(ts|js)config(\..+)?\.json$/.test(name)) visit(join(root, name));
  return texts;
}

/** Whether a package.json at `dir` or a folder above it (a monorepo's) depends on @sveltejs/kit. */
function dependsOnKit(dir: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    const manifest = join(at, 'package.json');
    if (existsSync(manifest) && /"@sveltejs\/kit"\s*:/.test(readFileSync(manifest, 'utf8'))) return true;
    if (dirname(at) === at || existsSync(join(at, '.git'))) return false;
  }
}

/**
 * Why the migrated code's `$lib/...` imports would not resolve in this project, or null. Only the default targets are
 * judged (targets the app's config names are its own to resolve). SvelteKit defines `$lib`: a dependency on
 * @sveltejs/kit (here or in a monorepo above), a `kit` section in svelte.config.js or its generated `.svelte-kit` say
 * the app is one. Otherwise only the app's tsconfig / jsconfig `paths` can (a plain Vite app's alias must be there too
 * for TypeScript), in any of its configs or those they extend. A `src/lib` or `src/routes` folder says nothing: Vite's
 * Svelte template has the one, client-side routers use the other.
 */
export function libAliasProblem(root: string, plans: readonly FilePlan[], config: MigrationConfig, svelteConfig: SvelteConfig | null): string | null {
  const example = plans.flatMap((p) => p.targets).find((t) => t.startsWith('$lib/'));
  if (example === undefined || config.targets !== DEFAULT_CONFIG.targets || svelteConfig?.kit !== undefined) return null;
  if (dependsOnKit(root) || existsSync(join(root, '.svelte-kit'))) return null;
  if (typescriptConfigs(root).some((text) => /"\$lib(\/\*)?"\s*:/.test(text))) return null;
  return (
    `the migrated code imports its models as \`${example}\`, but this project does not define \`$lib\` (no @sveltejs/kit, and no ` +
    `"$lib/*" in its tsconfig paths), so those imports would not resolve. Set "targets" in zero-record.config.json to how the ` +
    `app imports its generated models, for example {"targets": {"reactive": "@/models/{model}.reactive", "active": ` +
    `"@/models/{model}.active"}}, and generate them there (\`zero-record generate --out src/models\`).`
  );
}
