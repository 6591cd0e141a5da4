/**
 * The project a command works on. `--root` wins; otherwise the current directory, except inside this
 * repository itself, where the default is the example legacy app (so `npm run migrate -- --dry` shows the
 * whole flow on a realistic app).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from './errors.ts';

export const EXAMPLE_APP = 'examples/legacy-app';

function isThisRepository(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
    return pkg.name === 'zero-record-workspace' && existsSync(join(dir, EXAMPLE_APP));
  } catch {
    return false;
  }
}

export function projectRoot(cwd: string, explicit: string | undefined, hasPaths: boolean): string {
  const root = explicit ? resolve(cwd, explicit) : !hasPaths && isThisRepository(cwd) ? join(cwd, EXAMPLE_APP) : cwd;
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`project root ${root} is not a directory: pass --root <project dir>`, 2);
  return root;
}
