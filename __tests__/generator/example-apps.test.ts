// The example apps' committed models are what the generator makes from their Rails descriptions: drift (a Rails edit
// without regenerating, a generator change, a hand edit) fails `npm test`. These argument lists are how each app is
// generated (docs/generator.md); run them without --check to regenerate.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/generate.ts';

const EXAMPLE_APPS = {
  // The new-style app; its stack tier syncs through zero-cache's legacy permissions.
  'examples/app': ['--from', 'examples/app/rails', '--out', 'examples/app/src/lib/models', '--legacy-sync', '--import-extension', '.ts'],
  // The legacy app mid-migration (rollout phase 1): its legacy code still reads z.query and writes with CRUD mutators.
  'examples/legacy-app': [
    '--from', 'examples/legacy-app/rails', '--out', 'examples/legacy-app/src/lib/models',
    '--legacy-sync', '--runtime-import', 'zero-record', '--import-extension', 'none',
  ],
  // The context-style legacy app: the same Rails models, generated into its own tree.
  'examples/legacy-context-app': [
    '--from', 'examples/legacy-app/rails', '--out', 'examples/legacy-context-app/src/lib/models',
    '--legacy-sync', '--runtime-import', 'zero-record', '--import-extension', 'none',
  ],
} as const;

let stdout = '';
beforeEach(() => {
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('example apps: generated models up to date (generate --check)', () => {
  for (const [app, args] of Object.entries(EXAMPLE_APPS)) {
    it(app, async () => {
      const status = await main([...args, '--check']);
      expect(stdout).toContain('check: every generated file is up to date');
      expect(status).toBe(0);
    });
  }
});
