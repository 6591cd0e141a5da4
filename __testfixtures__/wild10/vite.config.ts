import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  plugins: [svelte()],
  resolve: {
    alias: [
      // `#data` is the single entry point into the Zero data layer
      { find: /^#data$/, replacement: src('data/index.ts') },
      { find: /^@\//, replacement: src('') },
    ],
  },
  server: { port: 5174 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
