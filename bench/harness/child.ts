/**
 * Runs one benchmark group in a child `node --expose-gc` (with tsx's resolution, our sources compiled as they ship and
 * runes compiled by source-hooks.ts, and for reactive groups Svelte's browser build), so nobody has to pass node flags
 * by hand.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GroupSpec } from '../groups.ts';
import type { GroupResult, Mode } from './types.ts';

export class GroupFailedError extends Error {
  override name = 'GroupFailedError';
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('../run-group.ts', import.meta.url));
const SOURCE_HOOKS = fileURLToPath(new URL('./source-register.ts', import.meta.url));

/** `index`: which of the group's processes this child is (see `GroupSpec.processes`). */
export function childArgs(group: GroupSpec, mode: Mode, out: string, index = 0): string[] {
  const browser = group.browser ? ['--conditions=browser'] : [];
  return ['--expose-gc', ...browser, '--import', 'tsx', '--import', SOURCE_HOOKS, ENTRY, group.id, mode, out, String(index)];
}

/** Runs `group` (as its process `index`); its stderr passes through (progress), its result comes back through a temp file. */
export async function runGroupInChild(group: GroupSpec, mode: Mode, index = 0): Promise<GroupResult> {
  const dir = await mkdtemp(join(tmpdir(), 'zero-record-bench-'));
  const out = join(dir, `${group.id}.json`);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, childArgs(group, mode, out, index), { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('exit', (exitCode, signal) => resolve(signal ? -1 : exitCode));
    });
    if (code !== 0) throw new GroupFailedError(`benchmark group '${group.id}' exited with ${code}; its error is above (rerun with: npm run bench -- --only ${group.id})`);
    return JSON.parse(await readFile(out, 'utf8')) as GroupResult;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
