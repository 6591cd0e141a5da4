/**
 * Whether the app's `svelte.config.js` forces runes mode (`compilerOptions.runes`, a boolean or a function of the
 * file, as `npx sv create` writes it): such an app compiles every component in runes mode whatever it uses, and only
 * the app's own config can say so. Loaded as Vite and svelte-check load it; an app whose config cannot be loaded here
 * (its adapter not installed) gets the compiler's own inference, which can only mistake a component for legacy mode
 * (reported, not converted).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type RunesOption = boolean | ((file: { filename: string }) => boolean | undefined) | undefined;

/** Root-relative `.svelte` path -> the runes mode the app's config sets for it (absent: the compiler infers it). */
export async function forcedRunes(root: string, files: readonly string[]): Promise<Record<string, boolean>> {
  const config = ['svelte.config.js', 'svelte.config.mjs'].map((name) => join(root, name)).find((file) => existsSync(file));
  if (!config) return {};
  let runes: RunesOption;
  try {
    type Config = { compilerOptions?: { runes?: RunesOption }; default?: Config };
    const loaded = ((await import(pathToFileURL(config).href)) as { default?: Config }).default;
    // A loader that compiled the ESM config to CommonJS hands its exports on as the default.
    runes = (loaded?.compilerOptions ? loaded : loaded?.default)?.compilerOptions?.runes;
  } catch {
    return {};
  }
  const forced: Record<string, boolean> = {};
  for (const file of files) {
    if (!file.endsWith('.svelte')) continue;
    const mode = typeof runes === 'function' ? runes({ filename: join(root, file) }) : runes;
    if (typeof mode === 'boolean') forced[file] = mode;
  }
  return forced;
}
