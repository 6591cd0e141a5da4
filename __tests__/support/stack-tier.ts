// How a tier on the real stack runs: one file at a time in one fork (2 cores; the integration tier, whose files
// mostly wait on stack starts, runs two), with deadlines that bound a stack start on a loaded machine. The global
// setup fails the tier, never skips it, when PostgreSQL is not installed.
import type { TestUserConfig } from 'vitest/config';

export const STACK_TIER: TestUserConfig = {
  globalSetup: ['__tests__/integration/require-postgres.ts'],
  pool: 'forks',
  fileParallelism: false,
  maxWorkers: 1,
  testTimeout: 120_000,
  hookTimeout: 180_000,
  teardownTimeout: 60_000,
};
