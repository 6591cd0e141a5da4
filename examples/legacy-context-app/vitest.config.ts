import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// The context-style legacy example app's own tests (run from the repository root:
//   npx vitest run --config examples/legacy-context-app/vitest.config.ts ).
// The tests reach the app only through the `$lib` / `$app` aliases, so a harness can copy the app,
// migrate the copy and run the very same tests on it:
//   CONTEXT_APP_DIR=/tmp/copy npx vitest run --config examples/legacy-context-app/vitest.config.ts
const here = path.dirname(fileURLToPath(import.meta.url));
const appDir = path.resolve(process.env.CONTEXT_APP_DIR ?? here);
// zero-record's own package entry points, for a migrated copy (run from the zero-record checkout).
const repoDir = path.resolve(process.env.ZERO_RECORD_DIR ?? process.cwd());
const runtimeDir = path.join(repoDir, 'runtime');

const alias = [
  { find: /^\$lib(?=\/|$)/, replacement: path.join(appDir, 'src/lib') },
  { find: /^\$app(?=\/|$)/, replacement: path.join(appDir, 'src') },
  { find: /^zero-record\/reactive$/, replacement: path.join(runtimeDir, 'reactive/index.svelte.ts') },
  { find: /^zero-record\/compat$/, replacement: path.join(repoDir, 'compat/index.ts') },
  { find: /^zero-record$/, replacement: path.join(runtimeDir, 'index.ts') },
];

// One Svelte runtime and one Zero, whichever directory the app (or its copy) lives in.
const dedupe = ['svelte', '@rocicorp/zero'];

const server = { fs: { allow: [here, appDir, repoDir] } };

export default defineConfig({
  root: here,
  server,
  test: {
    projects: [
      {
        root: here,
        server,
        resolve: { alias, dedupe },
        plugins: [svelte({ configFile: false })],
        test: {
          name: 'context-app-node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.svelte.test.ts'],
        },
      },
      {
        root: here,
        server,
        resolve: { alias, dedupe },
        plugins: [svelte({ configFile: false }), svelteTesting()],
        test: {
          name: 'context-app-dom',
          environment: 'jsdom',
          include: ['tests/**/*.svelte.test.ts'],
          setupFiles: ['tests/setup-dom.ts'],
        },
      },
    ],
  },
});
