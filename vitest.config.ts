import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Two projects: runes need the browser build of Svelte (jsdom + `browser` condition);
// everything else runs in plain node, where the reactive module compiles in server mode.
export default defineConfig({
  test: {
    // Deadlines that bound a hang, not measures of speed: a loaded 2-core machine takes seconds to spawn a CLI or type-check.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Zero logs these for every local client: no server (cacheURL: null) and pending server acks at close(). Expected noise.
    onConsoleLog: (log) => !/unsupported environment, no data will be synced|Zero was explicitly closed/.test(log),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['__tests__/**/*.test.ts'],
          exclude: ['__tests__/**/*.svelte.test.ts', '__tests__/integration/**', '__tests__/e2e/**', '__tests__/rails/**', '__tests__/rails-push/**', '__tests__/legacy-app/**', '__tests__/consumer/**'],
        },
      },
      {
        extends: true,
        plugins: [svelte(), svelteTesting()],
        test: {
          name: 'svelte',
          environment: 'jsdom',
          include: ['__tests__/**/*.svelte.test.ts'],
          exclude: ['__tests__/integration/**', '__tests__/e2e/**', '__tests__/legacy-app/**'],
          setupFiles: ['__tests__/support/dom-waits.ts'],
        },
      },
    ],
  },
});
