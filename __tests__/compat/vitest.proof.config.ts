import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:compat-proof`: the legacy app's own suite run twice on a copy whose reactive-query.svelte.ts is a
// one-line re-export of compat. Its own tier (not `npm test`): it runs the app's whole suite in child vitest
// processes (about 2.5 minutes on 2 cores), whose timing-sensitive UI tests should not share the CPU with the unit tier.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'compat-proof',
    environment: 'node',
    include: ['__tests__/compat/*.proof.ts'],
    testTimeout: 300_000,
  },
});
