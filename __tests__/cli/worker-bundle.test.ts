/**
 * The planning worker's bundle, built from the sources when run from them: a source edit always means a new
 * bundle (never a stale copy), an unchanged source reuses the last one. A real esbuild build of a real module
 * graph in a temporary folder.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshBundle, planWorkerEntry } from '../../scripts/cli/worker-bundle.ts';

const root = mkdtempSync(join(tmpdir(), 'zero-record-bundle-'));
const cache = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function valueOf(bundle: string): Promise<string> {
  return ((await import(pathToFileURL(bundle).href)) as { value: string }).value;
}

describe('the planning worker bundle', () => {
  it('is rebuilt when a source it was built from changes, and reused while none does', async () => {
    const entry = join(root, 'entry.ts');
    writeFileSync(entry, "import { part } from './part.ts';\nexport const value: string = `entry+${part}`;\n");
    writeFileSync(join(root, 'part.ts'), "export const part = 'one';\n");
    const first = freshBundle(entry, root, cache);
    expect(await valueOf(first)).toBe('entry+one');
    expect(JSON.parse(readFileSync(join(cache, 'inputs.json'), 'utf8'))).toEqual(['entry.ts', 'part.ts']);

    const builtAt = statSync(first).mtimeMs;
    expect(freshBundle(entry, root, cache)).toBe(first);
    expect(statSync(first).mtimeMs).toBe(builtAt);

    // An imported file, not the entry, changes: the bundle is built again under another name.
    writeFileSync(join(root, 'part.ts'), "export const part = 'two';\n");
    const second = freshBundle(entry, root, cache);
    expect(second).not.toBe(first);
    expect(await valueOf(second)).toBe('entry+two');
  });

  it('run from the sources, the CLI starts its workers from a bundle of them', () => {
    const entry = planWorkerEntry();
    expect(entry.pathname).toMatch(/node_modules\/\.cache\/zero-record\/plan-worker\/plan-worker-[0-9a-f]{16}\.mjs$/);
    expect(readFileSync(entry, 'utf8')).toContain('planProjectFile');
  });
});
