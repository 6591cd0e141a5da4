/**
 * The project a command works on. `--root` wins; then, when paths are given, the nearest package.json or tsconfig at
 * or above them (so `migrate apps/web/src` from a monorepo's root builds apps/web's TypeScript program, not the root's, which
 * would not see the app's legacy modules); otherwise the current directory, except inside this repository itself,
 * where the default is the example legacy app (so `npm run migrate -- --dry` shows the whole flow on a realistic app).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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

/** The deepest directory holding every path (a file counts as its folder). */
function commonDirectory(paths: readonly string[]): string {
  const dirs = paths.map((p) => (existsSync(p) && statSync(p).isDirectory() ? p : dirname(p)));
  const outside = (dir: string, common: string) => {
    const path = relative(common, dir);
    return path === '..' || path.startsWith(`..${sep}`);
  };
  return dirs.reduce((common, dir) => {
    while (outside(dir, common) && dirname(common) !== common) common = dirname(common);
    return common;
  });
}

const PROJECT_MARKERS = ['package.json', 'tsconfig.json', 'jsconfig.json'];

/** The nearest folder at or above `dir` that is a project (a package.json or a tsconfig); `fallback` when there is none. */
function enclosingProject(dir: string, fallback: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (PROJECT_MARKERS.some((marker) => existsSync(join(at, marker)))) return at;
    if (dirname(at) === at) return fallback;
  }
}

export function projectRoot(cwd: string, explicit: string | undefined, paths: readonly string[]): string {
  const root = explicit
    ? resolve(cwd, explicit)
    : paths.length > 0
      ? enclosingProject(commonDirectory(paths.map((p) => resolve(cwd, p))), cwd)
      : isThisRepository(cwd)
        ? join(cwd, EXAMPLE_APP)
        : cwd;
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`project root ${root} is not a directory: pass --root <project dir>`, 2);
  return root;
}
