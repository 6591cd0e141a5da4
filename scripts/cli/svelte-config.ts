/**
 * The app's `svelte.config.js`, loaded as Vite and svelte-check load it (run, not parsed: `compilerOptions.runes` is
 * often a function, and `kit.alias` may be computed), and what the migration takes from it. An app whose config
 * cannot be loaded here (its adapter not installed) gets neither, and says so through what follows: the compiler's own
 * runes inference, which can only mistake a component for legacy mode (reported, not converted), and imports through
 * its aliases that resolve to nothing (the report lists them).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type RunesOption = boolean | ((file: { filename: string }) => boolean | undefined) | undefined;

export interface SvelteConfig {
  readonly compilerOptions?: { readonly runes?: RunesOption };
  readonly kit?: { readonly alias?: Readonly<Record<string, unknown>> };
}

/** The app's Svelte config, or null when it has none or it cannot be loaded here. */
export async function loadSvelteConfig(root: string): Promise<SvelteConfig | null> {
  const file = ['svelte.config.js', 'svelte.config.mjs'].map((name) => join(root, name)).find((candidate) => existsSync(candidate));
  if (!file) return null;
  try {
    type Loaded = SvelteConfig & { default?: Loaded };
    const loaded = ((await import(pathToFileURL(file).href)) as { default?: Loaded }).default;
    // A loader that compiled the ESM config to CommonJS hands its exports on as the default.
    return (loaded?.compilerOptions || loaded?.kit ? loaded : loaded?.default) ?? null;
  } catch {
    return null;
  }
}

/**
 * Root-relative `.svelte` path -> the runes mode the config forces for it (absent: the compiler infers it). Such an
 * app compiles every component in runes mode whatever it uses, and only the app's own config can say so.
 */
export function forcedRunes(config: SvelteConfig | null, root: string, files: readonly string[]): Record<string, boolean> {
  const runes = config?.compilerOptions?.runes;
  const forced: Record<string, boolean> = {};
  for (const file of files) {
    if (!file.endsWith('.svelte')) continue;
    const mode = typeof runes === 'function' ? runes({ filename: join(root, file) }) : runes;
    if (typeof mode === 'boolean') forced[file] = mode;
  }
  return forced;
}

/**
 * `kit.alias` as the tsconfig paths SvelteKit generates from it (`{ $zero: 'src/lib/zero' }` maps `$zero` and
 * `$zero/*`), for an app whose `.svelte-kit/tsconfig.json` is not generated yet.
 */
export function kitAliasPaths(config: SvelteConfig | null, root: string): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(config?.kit?.alias ?? {})) {
    if (typeof value !== 'string') continue;
    const target = resolve(root, value);
    // SvelteKit's own rule: a key ending in /* maps as written; any other maps itself and what is under it.
    if (key.endsWith('/*')) paths[key] = [target];
    else {
      paths[key] = [target];
      paths[`${key}/*`] = [`${target}/*`];
    }
  }
  return paths;
}
