import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The example imports the runtime as an app would (`zero-record`, `zero-record/reactive`); here those names point at
// this repository's runtime/ sources instead of a published package.
const repo = fileURLToPath(new URL('../../', import.meta.url));
const runtime = `${repo}runtime/`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [svelte({ configFile: false })],
  resolve: {
    alias: [
      { find: /^zero-record\/reactive$/, replacement: `${runtime}reactive/index.svelte.ts` },
      { find: /^zero-record$/, replacement: `${runtime}index.ts` },
      { find: /^\$lib(?=\/|$)/, replacement: fileURLToPath(new URL('./src/lib', import.meta.url)) },
    ],
  },
  // runtime/ and node_modules live above the app's root.
  server: { fs: { allow: [repo] } },
  build: { outDir: 'dist', emptyOutDir: true },
});
