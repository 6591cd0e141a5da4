/** The git facts the migrate command needs: is this a work tree, and what is uncommitted under some paths. */
import { spawnSync } from 'node:child_process';

function git(cwd: string, args: string[]): { ok: boolean; out: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, out: result.stdout ?? '' };
}

export function isGitWorkTree(dir: string): boolean {
  const result = git(dir, ['rev-parse', '--is-inside-work-tree']);
  return result.ok && result.out.trim() === 'true';
}

/** `git status --porcelain` lines for `paths` (relative to `root`), ignoring the toolkit's own `.zero-record/`. */
export function uncommittedChanges(root: string, paths: readonly string[]): string[] {
  const result = git(root, ['status', '--porcelain', '--untracked-files=all', '--', ...(paths.length ? paths : ['.']), ':(exclude,glob).zero-record/**']);
  return result.out.split('\n').filter(Boolean);
}
