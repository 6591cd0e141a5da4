/**
 * The rollback manifest: `.zero-record/migrations/<id>.json`, written (atomically) BEFORE the first file changes.
 * Each entry keeps the original content and the sha256 before and after, so rollback can tell, per file, whether
 * it is still as the migration left it (restore), never got written (an interrupted run: nothing to do), or was
 * changed since (refuse unless --force).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { ManifestError, PathOutsideRootError } from './errors.ts';
import { insideRoot } from './scan.ts';

export const MANIFEST_DIR = '.zero-record/migrations';

export interface ManifestEntry {
  /** POSIX path relative to the project root. */
  readonly path: string;
  readonly sha256Before: string;
  readonly sha256After: string;
  readonly before: string;
}

export interface Manifest {
  readonly version: 1;
  readonly id: string;
  readonly createdAt: string;
  readonly command: string;
  /** `writing` until the last file is in place; an interrupted run stays `writing`. */
  readonly state: 'writing' | 'complete';
  readonly rolledBackAt: string | null;
  readonly files: readonly ManifestEntry[];
}

export function manifestPath(root: string, id: string): string {
  return join(root, MANIFEST_DIR, `${id}.json`);
}

/** A sortable, filename-safe id; a suffix keeps two runs in the same millisecond apart. */
export function newManifestId(root: string, now = new Date()): string {
  const base = now.toISOString().replace(/[:.]/g, '-');
  let id = base;
  for (let n = 1; existsSync(manifestPath(root, id)); n++) id = `${base}-${n}`;
  return id;
}

export function saveManifest(root: string, manifest: Manifest): string {
  mkdirSync(join(root, MANIFEST_DIR), { recursive: true });
  const path = manifestPath(root, manifest.id);
  writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}

function fail(file: string, problem: string): never {
  throw new ManifestError(`${file} is not a valid migration manifest: ${problem}. Leave it in place and restore files from git, or delete it if it is stray.`);
}

/** Reads and checks a manifest's shape (paths are checked against the root separately, by `resolveEntry`). */
export function loadManifest(root: string, id: string): Manifest {
  const file = manifestPath(root, id);
  if (!existsSync(file)) throw new ManifestError(`no migration ${id} under ${join(root, MANIFEST_DIR)}: run \`zero-record rollback --list\` to see the ids`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(file, (error as Error).message);
  }
  const m = raw as Partial<Manifest>;
  if (m.version !== 1) fail(file, 'unknown version');
  if (!Array.isArray(m.files)) fail(file, '"files" is not a list');
  for (const [i, entry] of m.files.entries()) {
    const e = entry as Partial<ManifestEntry>;
    if (typeof e.path !== 'string' || typeof e.before !== 'string' || typeof e.sha256Before !== 'string' || typeof e.sha256After !== 'string') {
      fail(file, `entry ${i} needs path, before, sha256Before and sha256After strings`);
    }
  }
  return { ...(m as Manifest), id };
}

export function listManifests(root: string): Manifest[] {
  const dir = join(root, MANIFEST_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadManifest(root, f.slice(0, -'.json'.length)));
}

/**
 * The absolute path of a manifest entry, refusing anything that would leave the root: `../`, absolute
 * paths, and directories that are symlinks pointing elsewhere.
 */
export function resolveEntry(root: string, entryPath: string): string {
  const normal = normalize(entryPath);
  if (isAbsolute(entryPath) || /^[A-Za-z]:/.test(entryPath) || normal.startsWith('..') || normal === '.') throw new PathOutsideRootError(entryPath, root);
  const abs = resolve(root, normal);
  if (relative(root, abs).startsWith('..') || !insideRoot(root, abs)) throw new PathOutsideRootError(entryPath, root);
  return abs;
}
