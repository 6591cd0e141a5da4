import { defineConfig } from 'vitest/config';

// The browser tier: examples/app built with Vite, driven in Debian's headless Chromium through playwright-core.
// One file at a time: the stack file runs PostgreSQL + zero-cache and the machine has 2 cores.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['__tests__/e2e/**/*.test.ts'],
    globalSetup: ['__tests__/e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
    // What a page shows follows sync over WebSockets on a shared 2-core machine: give polls room (they end as soon as they pass).
    expect: { poll: { timeout: 20_000, interval: 50 } },
  },
});
