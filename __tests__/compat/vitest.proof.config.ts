import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:compat-proof`, its own tier (not `npm test`):
// - legacy-app-swap.proof.ts: the legacy app's whole suite, in child vitest processes, on a copy whose
//   reactive-query.svelte.ts is a one-line re-export of compat, on both flag values (about 2.5 minutes on 2 cores;
//   its timing-sensitive UI tests should not share the CPU with the unit tier);
// - zero-cache.proof.ts: compat against a real PostgreSQL + zero-cache (needs PostgreSQL: fails, never skips, without).
// One file at a time: the machine has 2 cores and the stack file starts its own PostgreSQL and zero-cache.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'compat-proof',
    environment: 'node',
    include: ['__tests__/compat/*.proof.ts'],
    globalSetup: ['__tests__/integration/require-postgres.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
