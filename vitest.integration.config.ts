import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// The integration tier: real PostgreSQL + zero-cache started by each test file (scripts/stack).
// One file at a time in one fork: every file runs its own stack and the machine has 2 cores.
// Two projects as in vitest.config.ts: plain node, and jsdom + the Svelte browser build for runes.
export default defineConfig({
  test: {
    globalSetup: ['__tests__/integration/require-postgres.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['__tests__/integration/**/*.test.ts'],
          exclude: ['__tests__/integration/**/*.svelte.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'integration-svelte',
          environment: 'jsdom',
          include: ['__tests__/integration/**/*.svelte.test.ts'],
        },
      },
    ],
  },
});
