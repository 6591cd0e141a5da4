/**
 * Applies a generation to the output directory (only changed files are rewritten, atomically) or checks the directory
 * against it (`--check`: hand edits, stale and missing files, generated files no longer produced).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlannedFile } from './generate.ts';
import { headerState } from './header.ts';

export type FileStatus = 'written' | 'unchanged' | 'overwrote-hand-edit' | 'stub-created' | 'stub-kept' | 'deleted';
export interface FileResult {
  path: string;
  status: FileStatus;
}

export type DriftKind = 'missing' | 'edited' | 'stale' | 'orphaned';
export interface Drift {
  path: string;
  kind: DriftKind;
  detail: string;
}

async function read(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Generated files in `dir` that the generation no longer produces. */
async function orphans(dir: string, files: readonly PlannedFile[]): Promise<string[]> {
  const planned = new Set(files.map((f) => f.path));
  const entries = await readdir(dir).catch(() => [] as string[]);
  const found: string[] = [];
  for (const name of entries.sort()) {
    if (!name.endsWith('.ts') || planned.has(name)) continue;
    const content = await read(join(dir, name));
    if (content !== null && headerState(content) !== 'not-generated') found.push(name);
  }
  return found;
}

export async function writeGeneration(dir: string, files: readonly PlannedFile[]): Promise<FileResult[]> {
  await mkdir(dir, { recursive: true });
  const results: FileResult[] = [];
  for (const file of files) {
    const target = join(dir, file.path);
    const current = await read(target);
    if (file.kind === 'stub') {
      if (current === null) await atomicWrite(target, file.content);
      results.push({ path: file.path, status: current === null ? 'stub-created' : 'stub-kept' });
      continue;
    }
    if (current === file.content) {
      results.push({ path: file.path, status: 'unchanged' });
      continue;
    }
    await atomicWrite(target, file.content);
    results.push({ path: file.path, status: current !== null && headerState(current) === 'edited' ? 'overwrote-hand-edit' : 'written' });
  }
  for (const name of await orphans(dir, files)) {
    await rm(join(dir, name));
    results.push({ path: name, status: 'deleted' });
  }
  return results;
}

export async function checkGeneration(dir: string, files: readonly PlannedFile[]): Promise<Drift[]> {
  const drift: Drift[] = [];
  for (const file of files) {
    const current = await read(join(dir, file.path));
    if (current === null) {
      drift.push({ path: file.path, kind: 'missing', detail: file.kind === 'stub' ? 'hand-written scopes file is missing (generate creates a stub)' : 'not generated yet' });
    } else if (file.kind === 'generated' && current !== file.content) {
      const edited = headerState(current) !== 'intact';
      drift.push({ path: file.path, kind: edited ? 'edited' : 'stale', detail: edited ? 'edited by hand' : 'out of date with the Rails models' });
    }
  }
  for (const name of await orphans(dir, files)) drift.push({ path: name, kind: 'orphaned', detail: 'generated for a model that no longer exists' });
  return drift;
}

async function atomicWrite(path: string, content: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, path);
}
