/**
 * The TypeScript compiler, loaded on first use and only if installed (it is a devDependency of this package):
 * the output check and the type-directed recognition use it; without it both fall back to what needs no types.
 */
import { createRequire } from 'node:module';

export type TypeScript = typeof import('typescript');

let typescript: TypeScript | null | undefined;

export function loadTypeScript(): TypeScript | null {
  if (typescript === undefined) {
    try {
      typescript = createRequire(import.meta.url)('typescript') as TypeScript;
    } catch {
      typescript = null;
    }
  }
  return typescript;
}
