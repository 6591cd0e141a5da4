import { defineConfig } from 'vitest/config';

// The consumer tier: both packages packed and installed into a SvelteKit app (one file, steps in order).
export default defineConfig({
  test: {
    name: 'consumer',
    environment: 'node',
    include: ['__tests__/consumer/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 300_000,
    hookTimeout: 720_000,
    retry: 0,
  },
});
