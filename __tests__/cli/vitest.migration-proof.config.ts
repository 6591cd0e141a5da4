import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:migration-proof`, its own tier (not `npm test`): the example legacy apps' whole suites, in child
// vitest processes, on a copy before `zero-record migrate`, after it, and after `zero-record rollback`, and svelte-check
// on them and on the outside trees before and after. Its UI tests are timing-sensitive and should not share the 2 cores
// with the unit tier; one file at a time, one worker.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'migration-proof',
    environment: 'node',
    include: ['__tests__/cli/*.proof.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 900_000,
  },
});
