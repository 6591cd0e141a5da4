import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// The legacy example app's own tests. They reach the app only through the `$lib` / `$app`
// aliases, so a harness can copy the app elsewhere, migrate the copy and run the very same tests
// on it: `LEGACY_APP_DIR=/tmp/copy npx vitest run -c vitest.legacy-app.config.ts`.
const appDir = path.resolve(process.env.LEGACY_APP_DIR ?? 'examples/legacy-app');
const runtimeDir = path.resolve('runtime');

const alias = [
  { find: /^\$lib(?=\/|$)/, replacement: path.join(appDir, 'src/lib') },
  { find: /^\$app(?=\/|$)/, replacement: path.join(appDir, 'src') },
  // What the migrated app's model modules import (the package entry points of this repo).
  { find: /^zero-record\/reactive$/, replacement: path.join(runtimeDir, 'reactive/index.svelte.ts') },
  { find: /^zero-record\/compat$/, replacement: path.resolve('compat/index.ts') },
  { find: /^zero-record$/, replacement: path.join(runtimeDir, 'index.ts') },
];

// A copy outside the repository has no node_modules above it: resolve these from the repo root
// (one Svelte runtime, one Zero).
const dedupe = ['svelte', '@rocicorp/zero'];

export default defineConfig({
  test: {
    // Deadlines that bound a hang, not measures of speed (see vitest.config.ts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        resolve: { alias, dedupe },
        // Compiles the app's `.svelte.ts` modules (server mode in node: runes become plain values).
        plugins: [svelte({ configFile: false })],
        test: {
          name: 'legacy-app-node',
          environment: 'node',
          include: ['__tests__/legacy-app/**/*.test.ts'],
          exclude: ['__tests__/legacy-app/**/*.svelte.test.ts'],
        },
      },
      {
        extends: true,
        resolve: { alias, dedupe },
        plugins: [svelte({ configFile: false }), svelteTesting()],
        test: {
          name: 'legacy-app-dom',
          environment: 'jsdom',
          include: ['__tests__/legacy-app/**/*.svelte.test.ts'],
          setupFiles: ['__tests__/legacy-app/setup-dom.ts', '__tests__/support/dom-waits.ts'],
        },
      },
    ],
  },
});
