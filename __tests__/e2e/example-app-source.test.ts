// The example app's sources stay true: its committed models are what the generator makes from examples/app/rails,
// and its TypeScript (models, Zero setup, seed) type-checks against the runtime it imports.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (args: readonly string[]) => spawnSync(process.execPath, args, { encoding: 'utf8' });

describe('examples/app sources', () => {
  it('has generated models up to date with its Rails description (generate --check)', () => {
    const result = run(['bin/zero-record.mjs', 'generate', '--from', 'examples/app/rails', '--out', 'examples/app/src/lib/models', '--legacy-sync', '--import-extension', '.ts', '--check']);
    expect(result.stdout + result.stderr).toContain('every generated file is up to date');
    expect(result.status).toBe(0);
  });

  it('type-checks', () => {
    const result = run(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'examples/app/tsconfig.json']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
