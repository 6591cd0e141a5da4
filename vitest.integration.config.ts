import { defineConfig } from 'vitest/config';

// The integration tier: real PostgreSQL + zero-cache started by each test file (scripts/stack).
// One file at a time in one fork: every file runs its own stack and the machine has 2 cores.
export default defineConfig({
  test: {
    name: 'integration',
    environment: 'node',
    include: ['__tests__/integration/**/*.test.ts'],
    globalSetup: ['__tests__/integration/require-postgres.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
  },
});
