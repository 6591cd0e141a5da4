/**
 * The files a migration looks at: `.ts/.js/.svelte` (and tsx/jsx/mts/mjs) under the given paths, skipping
 * `node_modules`, `.git`, the toolkit's `.zero-record/`, symlinks, and whatever the `.gitignore` files on the
 * way down ignore (nested ones included, with git's pattern rules via the `ignore` package).
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { MIGRATABLE } from '../../codemods/file-kinds.ts';
import { CliError, PathOutsideRootError } from './errors.ts';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.zero-record']);

interface Level {
  readonly dir: string;
  readonly rules: Ignore;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function ignoredBy(levels: readonly Level[], abs: string, isDir: boolean): boolean {
  for (const level of levels) {
    const rel = toPosix(relative(level.dir, abs));
    if (rel && level.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

function levelFor(dir: string): Level | null {
  const file = join(dir, '.gitignore');
  return existsSync(file) ? { dir, rules: ignore().add(readFileSync(file, 'utf8')) } : null;
}

/** Whether `abs` lies inside `root` once symlinks are resolved (the deepest existing ancestor decides). */
export function insideRoot(root: string, abs: string): boolean {
  const realRoot = realpathSync(root);
  let probe = abs;
  while (!existsSync(probe) && probe !== resolve(probe, '..')) probe = resolve(probe, '..');
  const real = realpathSync(probe);
  return real === realRoot || real.startsWith(realRoot + sep);
}

/**
 * Relative POSIX paths of the files to plan, sorted. `paths` are absolute or relative to `root`;
 * `only` patterns (gitignore syntax, against the relative paths) narrow the result.
 */
export function scanFiles(root: string, paths: readonly string[], only: readonly string[]): string[] {
  const found: string[] = [];
  const rootLevels = (() => {
    const levels: Level[] = [];
    const level = levelFor(root);
    if (level) levels.push(level);
    return levels;
  })();
  const walk = (dir: string, levels: readonly Level[]): void => {
    const own = dir === root ? null : levelFor(dir);
    const here = own ? [...levels, own] : levels;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const abs = join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!ignoredBy(here, abs, true)) walk(abs, here);
      } else if (entry.isFile() && MIGRATABLE.test(entry.name) && !ignoredBy(here, abs, false)) found.push(toPosix(relative(root, abs)));
    }
  };
  const starts = paths.length ? paths : ['.'];
  for (const path of starts) {
    const abs = resolve(root, path);
    const rel = relative(root, abs);
    if (rel.startsWith('..') || isAbsolute(rel) || !insideRoot(root, abs)) throw new PathOutsideRootError(path, root);
    if (!existsSync(abs)) throw new CliError(`${path} does not exist under ${root}`, 2);
    const stat = lstatSync(abs);
    if (stat.isDirectory()) {
      // Ignore rules of the directories between the root and a starting point still apply.
      const levels = [...rootLevels];
      let cursor = root;
      for (const part of rel ? rel.split(sep) : []) {
        cursor = join(cursor, part);
        if (cursor === abs) break;
        const level = levelFor(cursor);
        if (level) levels.push(level);
      }
      if (abs === root) walk(root, levels);
      else if (!ignoredBy(levels, abs, true)) walk(abs, levels);
    } else if (stat.isFile() && MIGRATABLE.test(abs)) found.push(toPosix(relative(root, abs)));
  }
  // `--only` patterns follow .gitignore rules (`*.svelte` at any depth, `src/routes/**` under a folder).
  const selected = only.length ? ignore().add([...only]) : null;
  return [...new Set(found)].filter((f) => !selected || selected.ignores(f)).sort();
}
